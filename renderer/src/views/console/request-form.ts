/**
 * The request form: method, path (with suggestions from the instance's API
 * document when available), query parameters, headers and a JSON body that
 * is checked before sending.
 */
import type { ApiEndpoint, ApiRequest } from '../../../../main/contract/ipc';
import { HTTP_METHODS } from '../../../../main/core/model';
import { field, h, uid } from '../../dom';
import { t } from '../../i18n';
import { checkJson } from './json-check';
import { kvTable } from './kv-table';

const methods = HTTP_METHODS;
const withBody = new Set<ApiRequest['method']>(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The form's parts and accessors. */
export interface RequestForm {
  element: HTMLFormElement;
  actions: HTMLElement;
  /** The request as typed, or a plain sentence describing what to fix (`inField`: already shown beside the body). */
  read(): { request: ApiRequest } | { problem: string; inField: boolean };
  load(request: ApiRequest): void;
  setSuggestions(endpoints: ApiEndpoint[]): void;
}

/** Builds the form; `actions` is a row where the caller puts Send and Cancel. */
export function requestForm(): RequestForm {
  const method = h(
    'select',
    { name: 'method', 'aria-label': t('window.console.method') },
    ...methods.map((m) => h('option', { value: m }, m)),
  );
  const listId = uid('paths');
  const datalist = h('datalist', { id: listId });
  const path = h('input', {
    type: 'text',
    name: 'path',
    list: listId,
    placeholder: 'users?page=1',
    spellcheck: 'false',
    autocomplete: 'off',
  });
  const prefix = h('span', { class: 'path-prefix mono', 'aria-hidden': 'true' }, '/api/1.0/');
  const query = kvTable(
    {
      title: t('window.console.query.title'),
      add: t('window.console.query.add'),
      name: (n) => t('window.console.query.rowName', { n }),
      value: (n) => t('window.console.query.rowValue', { n }),
      remove: (n) => t('window.console.query.rowRemove', { n }),
    },
    'query-table',
  );
  const headers = kvTable(
    {
      title: t('window.console.headers.title'),
      add: t('window.console.headers.add'),
      name: (n) => t('window.console.headers.rowName', { n }),
      value: (n) => t('window.console.headers.rowValue', { n }),
      remove: (n) => t('window.console.headers.rowRemove', { n }),
    },
    'headers-table',
  );
  const body = h('textarea', { name: 'body', rows: 8, spellcheck: 'false', placeholder: '{ "name": "value" }' });
  const bodyError = h('p', { class: 'field-error', id: uid('body-error'), role: 'alert' });
  const bodyField = field(t('window.console.body.label'), body, t('window.console.body.hint'));
  bodyField.append(bodyError);
  const actions = h('div', { class: 'row console-actions' });
  const syncBody = (): void => {
    bodyField.hidden = !withBody.has(method.value as ApiRequest['method']);
  };
  method.addEventListener('change', syncBody);
  syncBody();
  body.addEventListener('input', () => {
    if (body.getAttribute('aria-invalid') === 'true' && checkJson(body.value).ok) clearBodyError();
  });

  function clearBodyError(): void {
    body.removeAttribute('aria-invalid');
    bodyError.textContent = '';
    const hint = body.getAttribute('aria-describedby')?.split(' ')[0] ?? '';
    body.setAttribute('aria-describedby', hint);
  }

  const element = h(
    'form',
    { class: 'card stack request-form', 'aria-label': t('window.console.request'), novalidate: true },
    h('div', { class: 'request-line' }, method, h('div', { class: 'path-box' }, prefix, path), datalist),
    query.element,
    headers.element,
    bodyField,
    actions,
  );
  path.setAttribute('aria-label', t('window.console.path'));
  // A full address on the same server is allowed; then the /api/1.0/ prefix does not apply.
  const syncPrefix = (): void => void (prefix.hidden = /^https?:\/\//i.test(path.value.trim()));
  path.addEventListener('input', syncPrefix);

  return {
    element,
    actions,
    read() {
      const m = method.value as ApiRequest['method'];
      const p = path.value.trim().replace(/^\/?api\/1\.0\//, '');
      if (!p) {
        path.focus();
        return { problem: t('window.console.pathMissing'), inField: false };
      }
      const request: ApiRequest = { method: m, path: p };
      const q = query.rows();
      const hd = headers.rows();
      if (q.length) request.query = q;
      if (hd.length) request.headers = hd;
      if (withBody.has(m) && body.value.trim()) {
        const check = checkJson(body.value);
        if (!check.ok) {
          body.setAttribute('aria-invalid', 'true');
          bodyError.textContent = check.message;
          body.setAttribute(
            'aria-describedby',
            `${body.getAttribute('aria-describedby')?.split(' ')[0] ?? ''} ${bodyError.id}`.trim(),
          );
          body.focus();
          if (check.position !== null)
            body.setSelectionRange(check.position, Math.min(check.position + 1, body.value.length));
          return { problem: check.message, inField: true };
        }
        clearBodyError();
        request.body = body.value;
      }
      return { request };
    },
    load(request) {
      method.value = request.method;
      path.value = request.path;
      query.set(request.query ?? []);
      headers.set(request.headers ?? []);
      body.value = request.body ?? '';
      syncPrefix();
      clearBodyError();
      syncBody();
    },
    setSuggestions(endpoints) {
      datalist.replaceChildren(
        ...endpoints
          .slice(0, 400)
          .map((e) =>
            h('option', { value: e.path.replace(/^\//, '') }, `${e.method.toUpperCase()} ${e.summary ?? ''}`.trim()),
          ),
      );
    },
  };
}
