/**
 * Settings: clipboard clearing, launch at login, the copy shortcut, the language, the theme, updates
 * and (macOS) the pmtoken command.
 */
import type { AppPreferences, LanguageChoice } from '../../../main/contract/ipc';
import { THEMES } from '../../../main/core/model';
import { LANGUAGE_CHOICES, LANGUAGE_NAMES } from '../../../main/i18n';
import { call } from '../api';
import { checkbox, field, h, replace } from '../dom';
import { t } from '../i18n';
import { messageArea, showError, showMessage } from '../messages';
import { getState, savePreferences, setState } from '../state/store';
import { updatesSection } from './settings-updates';
import { displayShortcut, recordShortcut } from '../shortcut-keys';

const DEFAULT_SHORTCUT = 'CommandOrControl+Shift+T';

/** macOS: "Install the pmtoken command" (the installers put it on PATH elsewhere). */
function pmtokenSection(message: HTMLElement): HTMLElement {
  const install = h(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'install-pmtoken' },
    t('window.settings.pmtoken.install'),
  );
  install.addEventListener('click', () => {
    install.disabled = true;
    void call('installPmtokenCommand')
      .then(
        (outcome) =>
          showMessage(
            message,
            outcome === 'installed' ? 'success' : 'info',
            outcome === 'installed' ? t('window.settings.pmtoken.installed') : t('window.settings.pmtoken.cancelled'),
          ),
        (err: unknown) => showError(message, err),
      )
      .finally(() => (install.disabled = false));
  });
  return h(
    'fieldset',
    { class: 'choices pmtoken-command' },
    h('legend', { class: 'field-label' }, t('window.settings.pmtoken.title')),
    h('p', { class: 'hint' }, t('window.settings.pmtoken.hint')),
    h('div', { class: 'row' }, install),
  );
}

/** Renders the settings into `root`. */
export function renderSettings(root: HTMLElement): void {
  const message = messageArea();
  const body = h('div', { class: 'stack' }, h('p', { class: 'muted' }, t('window.settings.loading')));
  replace(
    root,
    h(
      'section',
      { class: 'card narrow settings', 'aria-labelledby': 'settings-heading' },
      h('h1', { id: 'settings-heading' }, t('window.settings.title')),
      body,
      message,
    ),
  );
  const known = getState().info;
  void Promise.all([
    call('getPreferences'),
    known ? Promise.resolve(known) : call('appInfo'),
    call('preferenceSources'),
  ])
    .then(([prefs, info, sources]) => {
      /** "Set by your organisation" under a setting whose value comes from its Defaults (the person may change it). */
      const setBy = (key: keyof AppPreferences): HTMLElement | null =>
        sources[key] === 'organization'
          ? h(
              'p',
              { class: 'hint set-by', 'data-testid': `set-by-${key}` },
              info.organization.name
                ? t('window.settings.setBy', { organization: info.organization.name })
                : t('window.settings.setByOrganization'),
            )
          : null;
      setState({ prefs, info });
      const save = (patch: Partial<AppPreferences>): void => {
        void savePreferences(patch)
          .then(() => showMessage(message, 'success', t('window.settings.saved')))
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
          showMessage(message, 'error', t('window.settings.clipboard.invalid'));
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
        shortcut.placeholder = t('window.settings.shortcut.recording');
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
      const shortcutOn = checkbox(t('window.settings.shortcut.toggle'), prefs.copyShortcut !== null, (on) => {
        shortcut.disabled = !on;
        save({ copyShortcut: on ? accelerator : null });
      });
      const themes = THEMES.map((theme) =>
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'radio',
            name: 'theme',
            value: theme,
            checked: prefs.theme === theme,
            onchange: () => save({ theme }),
          }),
          theme === 'system'
            ? t('window.settings.theme.system')
            : theme === 'light'
              ? t('window.settings.theme.light')
              : t('window.settings.theme.dark'),
        ),
      );
      // Each language is named in its own language, so a person who cannot read this one finds theirs.
      const language = h(
        'select',
        { 'data-testid': 'language', onchange: () => save({ language: language.value as LanguageChoice }) },
        ...LANGUAGE_CHOICES.map((choice) =>
          h(
            'option',
            choice === 'system'
              ? { value: choice, selected: prefs.language === choice }
              : { value: choice, lang: choice, selected: prefs.language === choice },
            choice !== 'system'
              ? LANGUAGE_NAMES[choice]
              : info.organization.language
                ? t('window.settings.language.organization', { language: LANGUAGE_NAMES[info.organization.language] })
                : t('window.settings.language.system'),
          ),
        ),
      ) as HTMLSelectElement;
      replace(
        body,
        info.secretStorage === 'encrypted-file'
          ? h(
              'div',
              { class: 'message warning', role: 'note' },
              h('p', null, t('window.settings.encryptedFile.notice')),
              h('p', null, t('window.settings.encryptedFile.risk')),
            )
          : null,
        field(
          t('window.settings.clipboard.label'),
          seconds,
          info.organization.clipboardClearMaxSeconds === null
            ? t('window.settings.clipboard.hint')
            : t('window.settings.clipboard.capped', { seconds: info.organization.clipboardClearMaxSeconds }),
        ),
        setBy('clipboardClearSeconds'),
        checkbox(t('window.settings.launchAtLogin'), prefs.launchAtLogin, (v) => save({ launchAtLogin: v })),
        setBy('launchAtLogin'),
        shortcutOn,
        field(
          t('window.settings.shortcut.label'),
          shortcut,
          t('window.settings.shortcut.hint', { shortcut: displayShortcut(DEFAULT_SHORTCUT, info.platform) }),
        ),
        setBy('copyShortcut'),
        field(t('window.settings.language.label'), language, t('window.settings.language.hint')),
        setBy('language'),
        h(
          'fieldset',
          { class: 'choices' },
          h('legend', { class: 'field-label' }, t('window.settings.theme.title')),
          ...themes,
          setBy('theme'),
        ),
        updatesSection(message),
        info.platform === 'darwin' ? pmtokenSection(message) : null,
        h(
          'p',
          { class: 'hint' },
          info.secretStorage === 'keychain'
            ? t('window.settings.about.keychain', { version: info.version })
            : t('window.settings.about.encryptedFile', { version: info.version }),
        ),
      );
    })
    .catch((err: unknown) => {
      body.replaceChildren();
      showError(message, err);
    });
}
