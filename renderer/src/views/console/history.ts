/** Request history per profile: search, load a past request, clear. Holds no secrets (main strips them). */
import type { ApiRequest, HistoryEntry } from '../../../../main/contract/ipc';
import { call } from '../../api';
import { h, replace } from '../../dom';
import { formatLocalTime } from '../../format';
import { confirmDialog } from '../../dialog';
import { messageArea, showError } from '../../messages';

/** The history panel. */
export interface HistoryPanel {
  element: HTMLElement;
  reload(): Promise<void>;
}

/** Builds the history panel for a profile; `onPick` loads a request into the form (`run`: and sends it). */
export function historyPanel(profileId: string, onPick: (request: ApiRequest, run: boolean) => void): HistoryPanel {
  const search = h('input', { type: 'search', placeholder: 'Search history', 'aria-label': 'Search history' });
  const list = h('ul', { class: 'history-list', 'aria-label': 'Past requests' });
  const message = messageArea();
  const clear = h('button', { type: 'button', class: 'small danger' }, 'Clear history');
  const element = h(
    'section',
    { class: 'card history', 'aria-labelledby': 'history-heading', 'data-testid': 'history' },
    h('div', { class: 'row spread' }, h('h2', { id: 'history-heading' }, 'History'), clear),
    search,
    message,
    list,
  );

  async function reload(): Promise<void> {
    try {
      render(await call('listHistory', profileId, search.value.trim()));
    } catch (err) {
      showError(message, err);
    }
  }

  function render(entries: HistoryEntry[]): void {
    if (entries.length === 0) {
      replace(
        list,
        h('li', { class: 'muted' }, search.value ? 'No past request matches.' : 'Requests you send appear here.'),
      );
      return;
    }
    replace(
      list,
      ...entries.map((e) =>
        h(
          'li',
          { class: 'history-entry' },
          h(
            'button',
            {
              type: 'button',
              class: 'history-item',
              title: 'Load this request',
              // Said as words, not "GETusers200".
              'aria-label': `Load ${e.request.method} ${e.request.path}, ${e.status === null ? 'no answer' : `status ${e.status}`}, ${formatLocalTime(e.at)}`,
              onclick: () => onPick(e.request, false),
            },
            h('span', { class: `method method-${e.request.method.toLowerCase()}` }, e.request.method),
            h('span', { class: 'history-path' }, e.request.path),
            h('span', { class: 'history-meta' }, `${e.status ?? '—'} · ${formatLocalTime(e.at)}`),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'small history-run',
              'aria-label': `Run ${e.request.method} ${e.request.path} again`,
              onclick: () => onPick(e.request, true),
            },
            'Run',
          ),
        ),
      ),
    );
  }

  let timer = 0;
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void reload(), 200);
  });
  clear.addEventListener('click', () => {
    void confirmDialog({
      title: 'Clear history?',
      body: 'The list of past requests for this profile is deleted.',
      confirmLabel: 'Clear history',
      danger: true,
    }).then((yes) => {
      if (!yes) return;
      void call('clearHistory', profileId)
        .then(() => reload())
        .catch((err: unknown) => showError(message, err));
    });
  });
  return { element, reload };
}
