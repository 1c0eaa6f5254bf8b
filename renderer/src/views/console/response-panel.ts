/** The response panel: status, time, size, headers, and the body (pretty, tree or raw) with Copy. */
import type { ApiResponse } from '../../../../main/contract/ipc';
import { call } from '../../api';
import { h, replace } from '../../dom';
import { formatDuration, formatSize } from '../../format';
import { t } from '../../i18n';
import { renderJson } from '../../json-view';
import { messageArea, showError, showMessage } from '../../messages';
import { statusAdvice } from './status-advice';

/** The panel and how to fill it. */
export interface ResponsePanel {
  element: HTMLElement;
  showResponse(response: ApiResponse): void;
  showWaiting(): void;
  showError(err: unknown): void;
  clear(): void;
}

/** Builds an empty response panel. */
export function responsePanel(): ResponsePanel {
  const content = h('div', { class: 'stack response-content' });
  const element = h(
    'section',
    { class: 'card response', 'aria-labelledby': 'response-heading', 'data-testid': 'response' },
    h('h2', { id: 'response-heading' }, t('window.console.response.title')),
    content,
  );
  const empty = (): void => replace(content, h('p', { class: 'muted' }, t('window.console.response.empty')));
  empty();

  function showResponse(res: ApiResponse): void {
    const ok = res.status >= 200 && res.status < 300;
    const advice = ok ? null : statusAdvice(res.status);
    const message = messageArea();
    const bodyBox = h('div', { class: 'response-body' });
    const raw = h('input', { type: 'checkbox' });
    const renderBody = (): void => {
      if (res.json !== null && !raw.checked) replace(bodyBox, renderJson(res.json));
      else
        replace(
          bodyBox,
          h('pre', { class: 'raw-body', tabindex: '0' }, res.text || t('window.console.response.emptyBody')),
        );
    };
    raw.addEventListener('change', renderBody);
    renderBody();
    const copy = h('button', { type: 'button', class: 'small' }, t('window.console.response.copyBody'));
    copy.addEventListener('click', () => {
      const text = res.json !== null && !raw.checked ? JSON.stringify(res.json, null, 2) : res.text;
      void call('copyText', text)
        .then(() => showMessage(message, 'success', t('window.console.response.copied')))
        .catch((err: unknown) => showError(message, err));
    });
    replace(
      content,
      h(
        'div',
        { class: 'row response-meta' },
        h(
          'span',
          { class: `badge ${ok ? 'ok' : 'warn'}`, 'data-testid': 'response-status' },
          `${res.status} ${res.statusText}`.trim(),
        ),
        h('span', null, t('window.console.response.time', { time: formatDuration(res.durationMs) })),
        h('span', null, t('window.console.response.size', { size: formatSize(res.sizeBytes) })),
        res.retriedAfterRefresh ? h('span', { class: 'hint' }, t('window.console.response.retried')) : null,
      ),
      advice ? h('p', { class: 'message warning status-advice', 'data-testid': 'status-advice' }, advice) : null,
      res.truncated ? h('p', { class: 'hint' }, t('window.console.response.truncated')) : null,
      h(
        'details',
        { class: 'response-headers' },
        h('summary', null, t('window.console.response.headers', { count: res.headers.length })),
        h('dl', { class: 'claims-list' }, ...res.headers.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
      ),
      h('div', { class: 'row' }, h('label', { class: 'check' }, raw, t('window.console.response.raw')), copy),
      bodyBox,
      message,
    );
    // On a short window the answer would start below the fold: bring its top into view.
    const top = element.getBoundingClientRect().top;
    if (top > window.innerHeight - 120) element.scrollIntoView({ block: 'start' });
  }

  return {
    element,
    showResponse,
    showWaiting() {
      replace(
        content,
        h(
          'div',
          { class: 'row', role: 'status' },
          h('span', { class: 'spinner', 'aria-hidden': 'true' }),
          t('window.console.response.sending'),
        ),
      );
    },
    showError(err) {
      const message = messageArea();
      replace(content, message);
      showError(message, err);
    },
    clear: empty,
  };
}
