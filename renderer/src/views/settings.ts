/** Settings: clipboard clearing, launch at login, the copy shortcut and the theme. */
import { THEMES, type AppPreferences } from '../../../main/contract/ipc';
import { call } from '../api';
import { checkbox, field, h, replace } from '../dom';
import { messageArea, showError, showMessage } from '../messages';
import { getState, savePreferences, setState } from '../state/store';
import { updatesSection } from './settings-updates';
import { displayShortcut, recordShortcut } from '../shortcut-keys';

const DEFAULT_SHORTCUT = 'CommandOrControl+Shift+T';

/** Renders the settings into `root`. */
export function renderSettings(root: HTMLElement): void {
  const message = messageArea();
  const body = h('div', { class: 'stack' }, h('p', { class: 'muted' }, 'Loading settings…'));
  replace(
    root,
    h(
      'section',
      { class: 'card narrow settings', 'aria-labelledby': 'settings-heading' },
      h('h1', { id: 'settings-heading' }, 'Settings'),
      body,
      message,
    ),
  );
  const known = getState().info;
  void Promise.all([call('getPreferences'), known ? Promise.resolve(known) : call('appInfo')])
    .then(([prefs, info]) => {
      setState({ prefs, info });
      const save = (patch: Partial<AppPreferences>): void => {
        void savePreferences(patch)
          .then(() => showMessage(message, 'success', 'Saved.'))
          .catch((err: unknown) => showError(message, err));
      };
      const seconds = h('input', {
        type: 'number',
        min: 0,
        max: 600,
        step: 1,
        value: prefs.clipboardClearSeconds,
        inputmode: 'numeric',
      });
      seconds.addEventListener('change', () => {
        const n = Number(seconds.value);
        if (!Number.isInteger(n) || n < 0 || n > 600) {
          seconds.setAttribute('aria-invalid', 'true');
          showMessage(message, 'error', 'Type a whole number of seconds between 0 and 600.');
          return;
        }
        seconds.removeAttribute('aria-invalid');
        save({ clipboardClearSeconds: n });
      });
      // The shortcut is recorded from the keys pressed, and shown as the system writes it (⌘⇧T, Ctrl+Shift+T).
      let accelerator = prefs.copyShortcut ?? DEFAULT_SHORTCUT;
      const shown = (): string => displayShortcut(accelerator, info.platform);
      const shortcut = h('input', {
        type: 'text',
        readonly: true,
        value: shown(),
        class: 'shortcut-recorder',
        'data-accelerator': accelerator,
      });
      shortcut.disabled = prefs.copyShortcut === null;
      shortcut.addEventListener('focus', () => {
        shortcut.value = '';
        shortcut.placeholder = 'Press the keys…';
      });
      shortcut.addEventListener('blur', () => {
        shortcut.value = shown();
      });
      shortcut.addEventListener('keydown', (event) => {
        // Tab still moves on; Escape keeps the shortcut as it was.
        if (event.key === 'Tab') return;
        event.preventDefault();
        if (event.key === 'Escape') {
          shortcut.blur();
          return;
        }
        const recorded = recordShortcut(event, info.platform);
        if ('waiting' in recorded) return;
        if ('problem' in recorded) {
          showMessage(message, 'error', recorded.problem);
          return;
        }
        accelerator = recorded.accelerator;
        shortcut.dataset['accelerator'] = accelerator;
        shortcut.value = shown();
        save({ copyShortcut: accelerator });
      });
      const shortcutOn = checkbox(
        'Copy the active token with a keyboard shortcut',
        prefs.copyShortcut !== null,
        (on) => {
          shortcut.disabled = !on;
          save({ copyShortcut: on ? accelerator : null });
        },
      );
      const themes = THEMES.map((t) =>
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'radio',
            name: 'theme',
            value: t,
            checked: prefs.theme === t,
            onchange: () => save({ theme: t }),
          }),
          t === 'system' ? 'Same as my computer' : t === 'light' ? 'Light' : 'Dark',
        ),
      );
      replace(
        body,
        info.secretStorage === 'encrypted-file'
          ? h(
              'div',
              { class: 'message warning', role: 'note' },
              h(
                'p',
                null,
                'This computer has no keychain Token Tray can use, so tokens are kept in an encrypted file instead.',
              ),
              h(
                'p',
                null,
                'This is less safe than a keychain. Anyone who can sign in to your computer account may be able to read them.',
              ),
            )
          : null,
        field(
          'Clear a copied token after (seconds)',
          seconds,
          'Token Tray removes the token from the clipboard after this many seconds. 0 means never.',
        ),
        checkbox('Start Token Tray when I log in', prefs.launchAtLogin, (v) => save({ launchAtLogin: v })),
        shortcutOn,
        field(
          'Shortcut',
          shortcut,
          `Click the box, then press the keys you want, for example ${displayShortcut(DEFAULT_SHORTCUT, info.platform)}.`,
        ),
        h('fieldset', { class: 'choices' }, h('legend', { class: 'field-label' }, 'Appearance'), ...themes),
        updatesSection(message),
        h(
          'p',
          { class: 'hint' },
          `Token Tray ${info.version} · secrets kept in ${info.secretStorage === 'keychain' ? 'the system keychain' : 'an encrypted file'}`,
        ),
      );
    })
    .catch((err: unknown) => {
      body.replaceChildren();
      showError(message, err);
    });
}
