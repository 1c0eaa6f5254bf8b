/**
 * Setting up from a setup link or file: paste or choose one ("I have a setup file or link"), then one
 * confirmation that shows the organisation's server large and plain, what will be set up, and one
 * button, "Set up and sign in". Nothing is saved before that button; nothing is typed but the sign-in.
 */
import type { ProfileView, SetupPreview } from '../../../main/contract/ipc';
import type { MessageKey } from '../../../main/i18n';
import { call, toUserError } from '../api';
import { checkbox, field, h, replace } from '../dom';
import { t } from '../i18n';
import { messageArea, showError, showMessage } from '../messages';
import { reloadProfiles } from '../state/store';
import { requestAutoSignIn } from './sign-in-browser';

const kindWords: Record<SetupPreview['grant'], MessageKey> = {
  authorization_code: 'setup.confirm.kind.browser',
  password: 'setup.confirm.kind.password',
  personal_access_token: 'setup.confirm.kind.token',
};

/** The paste-or-choose form; `onPreview` gets what main read from it. */
export function setupInputForm(onPreview: (preview: SetupPreview) => void, onBack: () => void): HTMLElement {
  const pasted = h('textarea', { rows: 3, spellcheck: 'false', autocomplete: 'off', class: 'token-input' });
  const file = h('input', { type: 'file', accept: '.pmtokentray,application/json' });
  const message = messageArea();
  const read = (text: string): void => {
    showMessage(message, 'info', t('setup.input.reading'));
    void call('previewSetup', text.trim())
      .then(onPreview)
      .catch((err: unknown) => showError(message, err));
  };
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen)
      void chosen
        .slice(0, 64 * 1024)
        .text()
        .then(read);
  });
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h('h2', null, t('setup.haveSetupFile')),
    field(t('setup.input.linkLabel'), pasted, t('setup.input.linkHint')),
    field(t('setup.input.fileLabel'), file, t('setup.input.fileHint')),
    message,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', onclick: onBack }, t('setup.back')),
      h('button', { type: 'submit', class: 'primary' }, t('setup.continue')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!pasted.value.trim()) {
      showMessage(message, 'error', t('setup.input.missing'));
      pasted.focus();
      return;
    }
    read(pasted.value);
  });
  return form;
}

/** The confirmation; `onDone` runs with the profile once it is set up. */
export function renderSetupConfirm(
  root: HTMLElement,
  preview: SetupPreview,
  options: { onDone: (profile: ProfileView) => void; onCancel: () => void },
): void {
  const message = messageArea();
  let trusted = false;
  const trust = preview.insecure
    ? checkbox(t('setup.confirm.trust'), false, (v) => {
        trusted = v;
      })
    : null;
  const plan = preview.plan;
  // A setup whose maker left the Auth Client's secret out asks for it here, and only for it. ProcessMaker
  // may also say so of a setup that did not know (an older link): then the field appears.
  const secretInput = h('input', {
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'setup-secret',
  });
  const secretField = field(t('setup.confirm.secretLabel'), secretInput, t('setup.confirm.secretNeeded'));
  secretField.hidden = !preview.needsClientSecret;
  const go = h(
    'button',
    { type: 'button', class: 'primary' },
    t(plan.action === 'update' ? 'setup.confirm.update' : 'setup.confirm.setUp'),
  );
  go.addEventListener('click', () => {
    if (preview.insecure && !trusted) {
      showMessage(message, 'error', t('setup.confirm.insecure'), t('setup.confirm.insecureNextStep'));
      return;
    }
    const secret = secretField.hidden ? '' : secretInput.value.trim();
    if (!secretField.hidden && secret === '') {
      showMessage(message, 'error', t('setup.confirm.secretMissing'), t('error.setup_needs_secret.next'));
      secretInput.focus();
      return;
    }
    go.disabled = true;
    showMessage(message, 'info', t('setup.confirm.applying'));
    void call('applySetup', preview.setupId, trusted, secret === '' ? null : secret)
      .then(async (profile) => {
        await reloadProfiles();
        // The one button goes straight on to the browser sign-in.
        if (profile.grant === 'authorization_code') requestAutoSignIn(profile.id);
        options.onDone(profile);
      })
      .catch((err: unknown) => {
        go.disabled = false;
        showError(message, err);
        const code = toUserError(err).code;
        if (code === 'not_found') go.hidden = true;
        if (code === 'setup_needs_secret' || code === 'setup_secret_wrong') {
          secretField.hidden = false;
          secretInput.select();
          secretInput.focus();
        }
      });
  });
  replace(
    root,
    h(
      'section',
      { class: 'card narrow stack setup-confirm', 'aria-labelledby': 'setup-confirm-heading' },
      h(
        'h1',
        { id: 'setup-confirm-heading' },
        t(plan.action === 'update' ? 'setup.confirm.updateTitle' : 'setup.confirm.setUpTitle'),
      ),
      h('p', null, t('setup.confirm.intro')),
      h('p', { class: 'setup-host', 'data-testid': 'setup-host' }, preview.host),
      preview.hostInOtherLetters
        ? h('p', { class: 'message warning', 'data-testid': 'setup-host-letters' }, t('setup.confirm.otherLetters'))
        : null,
      preview.insecure ? h('p', { class: 'message warning' }, t('setup.confirm.insecureWarning')) : null,
      h(
        'ul',
        { class: 'setup-facts' },
        h('li', null, t('setup.confirm.profile', { name: plan.name })),
        h('li', null, t(kindWords[preview.grant])),
        preview.production ? h('li', null, t('setup.confirm.production')) : null,
        preview.hasClientSecret ? h('li', null, t('setup.confirm.secret')) : null,
        plan.action === 'add' && plan.renamedFrom
          ? h(
              'li',
              { 'data-testid': 'setup-renamed' },
              plan.renamedFromHost && plan.renamedFromHost !== preview.host
                ? t('setup.confirm.renamedServer', {
                    taken: plan.renamedFrom,
                    host: plan.renamedFromHost,
                    newHost: preview.host,
                    name: plan.name,
                  })
                : t('setup.confirm.renamed', { taken: plan.renamedFrom, name: plan.name }),
            )
          : null,
      ),
      plan.action === 'add' && plan.looksLike
        ? h(
            'p',
            { class: 'message warning', 'data-testid': 'setup-looks-like' },
            t('setup.confirm.looksLike', { name: plan.name, other: plan.looksLike }),
          )
        : null,
      plan.action === 'update'
        ? h(
            'div',
            { class: 'stack' },
            h('p', null, t('setup.confirm.existing', { name: plan.name })),
            h(
              'ul',
              { 'data-testid': 'setup-differences' },
              ...(plan.differences.length > 0
                ? plan.differences.map((d) => t(d.key, d.params))
                : [t('setup.confirm.noDifferences')]
              ).map((d) => h('li', null, d)),
            ),
          )
        : null,
      preview.needsClientSecret ? null : h('p', { class: 'hint' }, t('setup.confirm.typeNothing')),
      secretField,
      trust,
      message,
      h('div', { class: 'row' }, h('button', { type: 'button', onclick: options.onCancel }, t('common.cancel')), go),
    ),
  );
  if (preview.needsClientSecret) secretInput.focus();
  else go.focus();
}
