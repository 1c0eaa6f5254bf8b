/**
 * Guided setup, used on first run and for "Add profile": the address, then
 * "How do you sign in?", then the few details that grant needs.
 */
import type { GrantKind, NewProfileInput, ProfileView } from '../../../main/contract/ipc';
import { call, toUserError } from '../api';
import { checkbox, field, h, replace } from '../dom';
import { messageArea, showError, showMessage } from '../messages';
import { getState, reloadProfiles } from '../state/store';
import { addressStep, type AddressResult } from './setup-address';
import { nextColor, openAdminHelp, suggestName } from './setup-defaults';
import { markSetupFinishing, personalTokenHelp } from './sign-in';
import { renderSetupConfirm, setupInputForm } from './setup-confirm';

const grantChoices: Array<{ grant: GrantKind; title: string; text: string; recommended?: boolean }> = [
  {
    grant: 'authorization_code',
    title: 'Sign in with my browser',
    text: 'Use the ProcessMaker sign-in page you already know.',
    recommended: true,
  },
  { grant: 'password', title: 'Username and password', text: 'Type your ProcessMaker username and password here.' },
  {
    grant: 'personal_access_token',
    title: 'Paste a personal access token',
    text: 'Use a token you made in ProcessMaker under Edit Profile › API Tokens.',
  },
];

/** Options for {@link renderSetup}. */
export interface SetupOptions {
  /** Called with the new profile once it is saved. */
  onCreated: (profile: ProfileView) => void;
  /** Shown as a Cancel button when set (adding a profile, not first run). */
  onCancel?: () => void;
}

/** Renders the setup wizard into `root`. */
export function renderSetup(root: HTMLElement, options: SetupOptions): void {
  const firstRun = getState().profiles.length === 0;
  const body = h('div', { class: 'stack' });
  const stepLabel = h('p', { class: 'muted step-label' });
  const heading = h('h1', { tabindex: '-1' }, firstRun ? 'Welcome to Token Tray' : 'Add a profile');
  const cancel = options.onCancel ? h('button', { type: 'button', onclick: options.onCancel }, 'Cancel') : null;
  replace(
    root,
    h(
      'section',
      { class: 'card narrow setup', 'aria-labelledby': 'setup-heading' },
      heading,
      firstRun ? h('p', null, 'Let’s connect Token Tray to your ProcessMaker server, step by step.') : null,
      stepLabel,
      body,
      cancel ? h('div', { class: 'row setup-cancel' }, cancel) : null,
    ),
  );
  heading.id = 'setup-heading';

  let address: AddressResult = { url: '', allowInsecure: false };

  /** Browser and password sign-ins end with a fourth screen, the sign-in itself; a pasted token ends at step 3. */
  let total = 4;
  function show(step: number, content: HTMLElement): void {
    stepLabel.textContent = `Step ${step} of ${total}`;
    replace(body, content);
    content.querySelector<HTMLElement>('input:not([type=hidden]), button')?.focus();
  }

  function stepAddress(): void {
    const step = addressStep(address.url, (result) => {
      address = result;
      stepGrant();
    });
    // Most staff get everything from their IT team: then they only sign in.
    step.append(
      h(
        'p',
        { class: 'setup-alternative' },
        h('button', { type: 'button', class: 'link', onclick: stepSetupInput }, 'I have a setup file or link'),
      ),
    );
    show(1, step);
  }

  function stepSetupInput(): void {
    stepLabel.textContent = '';
    const form = setupInputForm(
      (preview) =>
        renderSetupConfirm(root, preview, {
          onDone: options.onCreated,
          onCancel: () => renderSetup(root, options),
        }),
      stepAddress,
    );
    replace(body, form);
    form.querySelector<HTMLElement>('textarea')?.focus();
  }

  function stepGrant(): void {
    const legend = h('legend', { class: 'field-label' }, 'How do you sign in?');
    const options = grantChoices.map((choice, i) =>
      h(
        'label',
        { class: 'choice' },
        h('input', { type: 'radio', name: 'grant', value: choice.grant, checked: i === 0 }),
        h(
          'span',
          { class: 'choice-text' },
          h(
            'span',
            { class: 'choice-title' },
            choice.title,
            choice.recommended ? h('span', { class: 'badge recommended' }, 'Recommended') : null,
          ),
          h('span', { class: 'hint' }, choice.text),
        ),
      ),
    );
    const back = h('button', { type: 'button', onclick: stepAddress }, 'Back');
    const form = h(
      'form',
      { class: 'stack' },
      h('fieldset', { class: 'choices' }, legend, ...options),
      h('div', { class: 'row' }, back, h('button', { type: 'submit', class: 'primary' }, 'Continue')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const picked = form.querySelector<HTMLInputElement>('input[name=grant]:checked');
      const grant = (picked?.value ?? 'authorization_code') as GrantKind;
      total = grant === 'personal_access_token' ? 3 : 4;
      stepDetails(grant);
    });
    show(2, form);
  }

  function stepDetails(grant: GrantKind): void {
    const name = h('input', { type: 'text', name: 'profile-name', value: suggestName(address.url), required: true });
    const clientId = h('input', { type: 'text', name: 'client-id', autocomplete: 'off' });
    const secret = h('input', { type: 'password', name: 'client-secret', autocomplete: 'off' });
    const needsClient = grant !== 'personal_access_token';
    // A personal access token is pasted here too: no separate screen that only asks for a name.
    const token = needsClient
      ? null
      : h('textarea', {
          name: 'personal-access-token',
          rows: 4,
          spellcheck: 'false',
          autocomplete: 'off',
          class: 'token-input',
        });
    let production = false;
    const message = messageArea();
    const create = h(
      'button',
      { type: 'submit', class: 'primary' },
      needsClient ? 'Continue to sign in' : 'Save and finish',
    );
    // Shown only when a help address is set (it comes from the organisation's policy): none is invented.
    const adminLink = getState().info?.adminHelpUrl
      ? h(
          'button',
          { type: 'button', class: 'link', onclick: () => void openAdminHelp() },
          'How your administrator sets this up',
        )
      : null;
    const form = h(
      'form',
      { class: 'stack', novalidate: true },
      field('Profile name', name, 'A short name to tell your ProcessMaker servers apart, such as “Production”.'),
      needsClient
        ? field(
            'Client ID',
            clientId,
            'The ID of the Auth Client your administrator created for Token Tray, as ProcessMaker shows it.',
          )
        : null,
      needsClient
        ? field(
            'Client secret',
            secret,
            'The long secret shown with that Auth Client; it is kept in this computer’s secure storage.',
          )
        : null,
      needsClient && adminLink ? h('p', null, adminLink) : null,
      token
        ? field('Personal access token', token, 'Paste the whole token. It is kept in this computer’s secure storage.')
        : null,
      token ? personalTokenHelp(address.url) : null,
      checkbox('This is a production server (ask before changing data)', false, (v) => (production = v)),
      message,
      h('div', { class: 'row' }, h('button', { type: 'button', onclick: stepGrant }, 'Back'), create),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const problem = !name.value.trim()
        ? name
        : needsClient && !clientId.value.trim()
          ? clientId
          : needsClient && !secret.value
            ? secret
            : token && !token.value.trim()
              ? token
              : null;
      for (const el of [name, clientId, secret, token]) el?.removeAttribute('aria-invalid');
      if (problem) {
        problem.setAttribute('aria-invalid', 'true');
        showMessage(
          message,
          'error',
          'Please fill in every field.',
          problem === name
            ? 'Give the profile a name.'
            : problem === token
              ? 'Paste your personal access token.'
              : 'Your administrator can tell you the client ID and secret.',
        );
        problem.focus();
        return;
      }
      const input: NewProfileInput = {
        name: name.value.trim(),
        instanceUrl: address.url,
        grant,
        production,
        allowInsecure: address.allowInsecure,
        color: nextColor(),
      };
      if (needsClient) {
        input.clientId = clientId.value.trim();
        input.clientSecret = secret.value;
      }
      create.disabled = true;
      void (async () => {
        showMessage(
          message,
          'info',
          needsClient
            ? 'Checking the Client ID and secret with ProcessMaker…'
            : 'Checking the token with ProcessMaker…',
        );
        let created: ProfileView | null = null;
        try {
          created = await call('addProfile', input);
          if (token) created = await call('savePersonalAccessToken', created.id, token.value.trim());
          else markSetupFinishing(created.id);
          await call('setActiveProfile', created.id);
          await reloadProfiles();
          options.onCreated(created);
        } catch (err) {
          // A token ProcessMaker refused leaves no half-made profile behind: the form keeps what was typed.
          if (created && token) await call('removeProfile', created.id).catch(() => undefined);
          create.disabled = false;
          showError(message, err);
          const code = toUserError(err).code;
          (code === 'client_rejected' ? secret : code === 'token_rejected' && token ? token : create).focus();
        }
      })();
    });
    show(3, form);
  }

  stepAddress();
}
