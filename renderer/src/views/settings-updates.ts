/** Settings' "Updates" block: where updates stand, "Check for updates now" and "Restart and install". */
import type { UpdateStatus } from '../../../main/contract/ipc';
import { call } from '../api';
import { h, replace } from '../dom';
import { t } from '../i18n';
import { showError } from '../messages';

/** The window event main.ts dispatches when main says the update state changed. */
export const updateChangedEvent = 'token-tray:update-changed';

/** The Updates fieldset; it follows the updater until it leaves the page. */
export function updatesSection(message: HTMLElement): HTMLElement {
  const status = h(
    'p',
    { class: 'update-status', role: 'status', 'aria-live': 'polite' },
    t('settings.updates.loading'),
  );
  const detail = h('p', { class: 'hint' });
  const check = h('button', { type: 'button', class: 'secondary' }, t('settings.updates.checkNow'));
  const restart = h('button', { type: 'button', class: 'primary' }, t('settings.updates.restart'));
  const section = h(
    'fieldset',
    { class: 'choices updates' },
    h('legend', { class: 'field-label' }, t('settings.updates.title')),
    status,
    detail,
    h('div', { class: 'row' }, check, restart),
  );

  const show = (s: UpdateStatus): void => {
    replace(status, s.status);
    detail.textContent = s.detail ?? '';
    detail.hidden = s.detail === null;
    check.disabled = !s.canCheck;
    check.hidden = !s.canCheck && !s.busy;
    restart.hidden = !s.canRestart;
    section.setAttribute('aria-busy', String(s.busy));
  };
  const load = (): void => {
    if (!section.isConnected && section.dataset.loaded) {
      window.removeEventListener(updateChangedEvent, load);
      return;
    }
    section.dataset.loaded = 'true';
    void call('updateStatus').then(show, (err: unknown) => showError(message, err));
  };
  check.addEventListener('click', () => {
    check.disabled = true;
    void call('checkForUpdates').then(show, (err: unknown) => showError(message, err));
  });
  restart.addEventListener('click', () => {
    void call('restartToInstall').then(
      (outcome) => {
        if (outcome === 'after-sign-in') replace(status, t('settings.updates.afterSignIn'));
        else if (outcome === 'nothing-to-install') load();
      },
      (err: unknown) => showError(message, err),
    );
  });
  window.addEventListener(updateChangedEvent, load);
  load();
  return section;
}
