/** The response panel: status, time, size, headers, and the body (pretty, tree or raw) with Copy. */
import type { ApiResponse } from '../../../../main/contract/ipc';
import { call } from '../../api';
import { h, replace } from '../../dom';
import { formatDuration, formatSize } from '../../format';
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
    h('h2', { id: 'response-heading' }, 'Response'),
    content,
  );
  const empty = (): void => replace(content, h('p', { class: 'muted' }, 'Send a request to see the answer here.'));
  empty();

  function showResponse(res: ApiResponse): void {
    const ok = res.status >= 200 && res.status < 300;
    const advice = ok ? null : statusAdvice(res.status);
    const message = messageArea();
    const bodyBox = h('div', { class: 'response-body' });
    const raw = h('input', { type: 'checkbox' });
    const renderBody = (): void => {
      if (res.json !== null && !raw.checked) replace(bodyBox, renderJson(res.json));
      else replace(bodyBox, h('pre', { class: 'raw-body', tabindex: '0' }, res.text || '(empty body)'));
    };
    raw.addEventListener('change', renderBody);
    renderBody();
    const copy = h('button', { type: 'button', class: 'small' }, 'Copy body');
    copy.addEventListener('click', () => {
      const text = res.json !== null && !raw.checked ? JSON.stringify(res.json, null, 2) : res.text;
      void call('copyText', text)
        .then(() => showMessage(message, 'success', 'Response body copied.'))
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
        h('span', null, `Time: ${formatDuration(res.durationMs)}`),
        h('span', null, `Size: ${formatSize(res.sizeBytes)}`),
        res.retriedAfterRefresh
          ? h('span', { class: 'hint' }, 'The token was refreshed and the request sent again.')
          : null,
      ),
      advice ? h('p', { class: 'message warning status-advice', 'data-testid': 'status-advice' }, advice) : null,
      res.truncated ? h('p', { class: 'hint' }, 'The body is long; only the first part is shown.') : null,
      h(
        'details',
        { class: 'response-headers' },
        h('summary', null, `Headers (${res.headers.length})`),
        h('dl', { class: 'claims-list' }, ...res.headers.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
      ),
      h('div', { class: 'row' }, h('label', { class: 'check' }, raw, 'Raw view'), copy),
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
        h('div', { class: 'row', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Sending…'),
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
