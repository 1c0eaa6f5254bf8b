/**
 * Setting up from a setup link or file: paste or choose one ("I have a setup file or link"), then one
 * confirmation that shows the organisation's server large and plain, what will be set up, and one
 * button, "Set up and sign in". Nothing is saved before that button; nothing is typed but the sign-in.
 */
import type { ProfileView, SetupPreview } from '../../../main/contract/ipc';
import { call, toUserError } from '../api';
import { checkbox, field, h, replace } from '../dom';
import { messageArea, showError, showMessage } from '../messages';
import { reloadProfiles } from '../state/store';
import { requestAutoSignIn } from './sign-in-browser';

const kindWords: Record<SetupPreview['grant'], string> = {
  authorization_code: 'You sign in with your browser, on the ProcessMaker sign-in page.',
  password: 'You sign in with your ProcessMaker username and password.',
  personal_access_token: 'You paste a personal access token you made in ProcessMaker.',
};

/** The paste-or-choose form; `onPreview` gets what main read from it. */
export function setupInputForm(onPreview: (preview: SetupPreview) => void, onBack: () => void): HTMLElement {
  const pasted = h('textarea', { rows: 3, spellcheck: 'false', autocomplete: 'off', class: 'token-input' });
  const file = h('input', { type: 'file', accept: '.pmtokentray,application/json' });
  const message = messageArea();
  const read = (text: string): void => {
    showMessage(message, 'info', 'Reading the setup…');
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
    h('h2', null, 'I have a setup file or link'),
    field('Paste the setup link', pasted, 'It starts with pmtokentray://setup. Your IT team sends it.'),
    field('Or choose the setup file', file, 'A file ending in .pmtokentray.'),
    message,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', onclick: onBack }, 'Back'),
      h('button', { type: 'submit', class: 'primary' }, 'Continue'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!pasted.value.trim()) {
      showMessage(message, 'error', 'Paste the setup link, or choose the setup file.');
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
    ? checkbox('I trust this network (the connection to this server is not encrypted)', false, (v) => {
        trusted = v;
      })
    : null;
  const plan = preview.plan;
  const go = h(
    'button',
    { type: 'button', class: 'primary' },
    plan.action === 'update' ? 'Update and sign in' : 'Set up and sign in',
  );
  go.addEventListener('click', () => {
    if (preview.insecure && !trusted) {
      showMessage(message, 'error', 'This server’s address has no https.', 'Tick “I trust this network” to go on.');
      return;
    }
    go.disabled = true;
    showMessage(message, 'info', 'Setting up the profile and checking it with ProcessMaker…');
    void call('applySetup', preview.setupId, trusted)
      .then(async (profile) => {
        await reloadProfiles();
        // The one button goes straight on to the browser sign-in.
        if (profile.grant === 'authorization_code') requestAutoSignIn(profile.id);
        options.onDone(profile);
      })
      .catch((err: unknown) => {
        go.disabled = false;
        showError(message, err);
        if (toUserError(err).code === 'not_found') go.hidden = true;
      });
  });
  replace(
    root,
    h(
      'section',
      { class: 'card narrow stack setup-confirm', 'aria-labelledby': 'setup-confirm-heading' },
      h('h1', { id: 'setup-confirm-heading' }, plan.action === 'update' ? 'Update this profile?' : 'Set up Token Tray'),
      h('p', null, 'This setup connects Token Tray to your organisation’s ProcessMaker server:'),
      h('p', { class: 'setup-host', 'data-testid': 'setup-host' }, preview.host),
      preview.insecure
        ? h(
            'p',
            { class: 'message warning' },
            'This address has no https: what you send to it can be read on the way. Go on only on a network you trust.',
          )
        : null,
      h(
        'ul',
        { class: 'setup-facts' },
        h('li', null, `Profile: ${plan.name}`),
        h('li', null, kindWords[preview.grant]),
        preview.production
          ? h('li', null, 'Marked as a production server: the console asks before changing data.')
          : null,
        preview.hasClientSecret
          ? h('li', null, 'It includes your organisation’s Auth Client secret, kept in this computer’s secure storage.')
          : null,
        plan.action === 'add' && plan.renamedFrom
          ? h(
              'li',
              null,
              `“${plan.renamedFrom}” is already the name of another profile, so this one is “${plan.name}”.`,
            )
          : null,
      ),
      plan.action === 'update'
        ? h(
            'div',
            { class: 'stack' },
            h('p', null, `You already have “${plan.name}” for this server. This changes:`),
            h(
              'ul',
              { 'data-testid': 'setup-differences' },
              ...(plan.differences.length > 0 ? plan.differences : ['Nothing: it stays as it is.']).map((d) =>
                h('li', null, d),
              ),
            ),
          )
        : null,
      h('p', { class: 'hint' }, 'You type nothing here: you only sign in to ProcessMaker, as you always do.'),
      trust,
      message,
      h('div', { class: 'row' }, h('button', { type: 'button', onclick: options.onCancel }, 'Cancel'), go),
    ),
  );
  go.focus();
}
