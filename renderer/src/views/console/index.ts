/** Wires the request console: form, Send/Cancel, curl copy, response panel and history. */
import type { ApiRequest, ProfileView } from '../../../../main/contract/ipc';
import { call } from '../../api';
import { checkbox, h, replace } from '../../dom';
import { confirmDialog } from '../../dialog';
import { randomId } from '../../format';
import { t } from '../../i18n';
import { messageArea, showError, showMessage, clearMessage } from '../../messages';
import { historyPanel } from './history';
import { requestForm } from './request-form';
import { responsePanel } from './response-panel';

const changing = new Set<ApiRequest['method']>(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Renders the console for `profile`; returns a cleanup that cancels a running request. */
export function renderConsole(root: HTMLElement, profile: ProfileView): () => void {
  const form = requestForm();
  const response = responsePanel();
  const message = messageArea();
  const history = historyPanel(profile.id, (request, run) => {
    form.load(request);
    clearMessage(message);
    send.focus();
    if (run) void sendNow();
  });
  const send = h('button', { type: 'submit', class: 'primary' }, t('window.console.send'));
  const cancel = h('button', { type: 'button' }, t('common.cancel'));
  cancel.disabled = true;
  let withToken = false;
  const curl = h('button', { type: 'button' }, t('window.console.copyCurl'));
  const tokenBox = checkbox(t('window.console.includeToken'), false, (v) => (withToken = v));
  replace(form.actions, send, cancel, h('span', { class: 'spacer' }), curl, tokenBox);
  form.element.append(message);
  let running: string | null = null;

  form.element.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendNow();
  });
  cancel.addEventListener('click', () => {
    if (running) void call('cancelRequest', running).catch((err: unknown) => showError(message, err));
  });
  curl.addEventListener('click', () => {
    const read = form.read();
    if ('problem' in read) return showMessage(message, 'error', read.problem);
    void call('copyCurl', profile.id, read.request, withToken)
      .then(() =>
        showMessage(
          message,
          'success',
          withToken ? t('window.console.curlCopiedWithToken') : t('window.console.curlCopied'),
        ),
      )
      .catch((err: unknown) => showError(message, err));
  });

  async function sendNow(): Promise<void> {
    clearMessage(message);
    const read = form.read();
    if ('problem' in read) return read.inField ? undefined : showMessage(message, 'error', read.problem);
    const request = read.request;
    if (profile.production && changing.has(request.method)) {
      const yes = await confirmDialog({
        title: t('window.console.production.title', { method: request.method }),
        body: t('window.console.production.body', { name: profile.name }),
        confirmLabel: t('window.console.production.confirm', { method: request.method }),
        danger: true,
      });
      if (!yes) return send.focus();
    }
    const requestId = randomId();
    running = requestId;
    send.disabled = true;
    cancel.disabled = false;
    response.showWaiting();
    try {
      response.showResponse(await call('sendRequest', requestId, profile.id, request));
    } catch (err) {
      response.showError(err);
    } finally {
      running = null;
      send.disabled = false;
      cancel.disabled = true;
      void history.reload();
    }
  }

  replace(
    root,
    h(
      'div',
      { class: 'console' },
      h(
        'div',
        { class: 'console-main' },
        h('h1', { class: 'console-title' }, t('window.console.title', { name: profile.name })),
        form.element,
        response.element,
      ),
      h('aside', { class: 'console-side' }, history.element),
    ),
  );
  void history.reload();
  void call('apiEndpoints', profile.id, false)
    .then((endpoints) => form.setSuggestions(endpoints))
    .catch(() => null); // suggestions are optional; the console works without them
  return () => {
    if (running) void call('cancelRequest', running).catch(() => null);
  };
}
