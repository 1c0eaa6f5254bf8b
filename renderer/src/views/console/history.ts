/** Request history per profile: search, load a past request, clear. Holds no secrets (main strips them). */
import type { ApiRequest, HistoryEntry } from '../../../../main/contract/ipc';
import { call } from '../../api';
import { h, replace } from '../../dom';
import { formatLocalTime } from '../../format';
import { confirmDialog } from '../../dialog';
import { t } from '../../i18n';
import { messageArea, showError } from '../../messages';

/** The history panel. */
export interface HistoryPanel {
  element: HTMLElement;
  reload(): Promise<void>;
}

/** Builds the history panel for a profile; `onPick` loads a request into the form (`run`: and sends it). */
export function historyPanel(profileId: string, onPick: (request: ApiRequest, run: boolean) => void): HistoryPanel {
  const search = h('input', {
    type: 'search',
    placeholder: t('window.console.history.search'),
    'aria-label': t('window.console.history.search'),
  });
  const list = h('ul', { class: 'history-list', 'aria-label': t('window.console.history.list') });
  const message = messageArea();
  const clear = h('button', { type: 'button', class: 'small danger' }, t('window.console.history.clear'));
  const element = h(
    'section',
    { class: 'card history', 'aria-labelledby': 'history-heading', 'data-testid': 'history' },
    h('div', { class: 'row spread' }, h('h2', { id: 'history-heading' }, t('window.console.history.title')), clear),
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
        h(
          'li',
          { class: 'muted' },
          search.value ? t('window.console.history.noMatch') : t('window.console.history.empty'),
        ),
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
              title: t('window.console.history.load'),
              // Said as words, not "GETusers200".
              'aria-label':
                e.status === null
                  ? t('window.console.history.loadNoAnswer', {
                      method: e.request.method,
                      path: e.request.path,
                      time: formatLocalTime(e.at),
                    })
                  : t('window.console.history.loadEntry', {
                      method: e.request.method,
                      path: e.request.path,
                      status: String(e.status),
                      time: formatLocalTime(e.at),
                    }),
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
              'aria-label': t('window.console.history.runAgain', { method: e.request.method, path: e.request.path }),
              onclick: () => onPick(e.request, true),
            },
            t('window.console.history.run'),
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
      title: t('window.console.history.confirmTitle'),
      body: t('window.console.history.confirmBody'),
      confirmLabel: t('window.console.history.clear'),
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
