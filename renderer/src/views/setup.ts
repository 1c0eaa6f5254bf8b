/**
 * Guided setup, used on first run and for "Add profile": the address, then
 * "How do you sign in?", then the few details that grant needs.
 */
import type { GrantKind, NewProfileInput, ProfileView } from '../../../main/contract/ipc';
import { SIGN_IN_KINDS } from '../../../main/core/model';
import type { MessageKey } from '../../../main/i18n';
import { call, toUserError } from '../api';
import { checkbox, field, h, replace } from '../dom';
import { t } from '../i18n';
import { messageArea, showError, showMessage } from '../messages';
import { getState, reloadProfiles } from '../state/store';
import { addressStep, type AddressResult } from './setup-address';
import { nextColor, openAdminHelp, suggestName } from './setup-defaults';
import { markSetupFinishing, personalTokenHelp } from './sign-in';
import { requestAutoSignIn } from './sign-in-browser';
import { renderSetupConfirm, setupInputForm } from './setup-confirm';

/** Each way of signing in, in core's order, with its words: a kind added to SIGN_IN_KINDS must get some here. */
const GRANT_WORDS = {
  authorization_code: { title: 'setup.grant.browser.title', text: 'setup.grant.browser.text', recommended: true },
  password: { title: 'setup.grant.password.title', text: 'setup.grant.password.text' },
  personal_access_token: { title: 'setup.grant.token.title', text: 'setup.grant.token.text' },
} as const satisfies Record<GrantKind, { title: MessageKey; text: MessageKey; recommended?: boolean }>;
const grantChoices: Array<{ grant: GrantKind; title: MessageKey; text: MessageKey; recommended?: boolean }> =
  SIGN_IN_KINDS.map((grant) => ({ grant, ...GRANT_WORDS[grant] }));

/** Options for {@link renderSetup}. */
export interface SetupOptions {
  /** Called with the new profile once it is saved. */
  onCreated: (profile: ProfileView) => void;
  /** Shown as a Cancel button when set (adding a profile, not first run). */
  onCancel?: () => void;
}

/** The first screen when the organisation sets up every profile itself: nothing to type, its profile comes. */
export function renderManagedOnly(root: HTMLElement): void {
  replace(
    root,
    h(
      'section',
      { class: 'card narrow setup', 'aria-labelledby': 'setup-heading', 'data-testid': 'managed-only' },
      h('h1', { id: 'setup-heading', tabindex: '-1' }, t('setup.managedOnly.title')),
      h('p', null, t('setup.managedOnly.body')),
      h('p', { class: 'hint' }, t('setup.managedOnly.next')),
    ),
  );
}

/** Renders the setup wizard into `root`. */
export function renderSetup(root: HTMLElement, options: SetupOptions): void {
  const firstRun = getState().profiles.length === 0;
  const body = h('div', { class: 'stack' });
  const stepLabel = h('p', { class: 'muted step-label' });
  const heading = h('h1', { tabindex: '-1' }, t(firstRun ? 'setup.welcome.title' : 'setup.add.title'));
  const cancel = options.onCancel
    ? h('button', { type: 'button', onclick: options.onCancel }, t('common.cancel'))
    : null;
  replace(
    root,
    h(
      'section',
      { class: 'card narrow setup', 'aria-labelledby': 'setup-heading' },
      heading,
      firstRun ? h('p', null, t('setup.welcome.intro')) : null,
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
    stepLabel.textContent = t('setup.stepOf', { step, total });
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
        h('button', { type: 'button', class: 'link', onclick: stepSetupInput }, t('setup.haveSetupFile')),
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
    const legend = h('legend', { class: 'field-label' }, t('setup.grant.legend'));
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
            t(choice.title),
            choice.recommended ? h('span', { class: 'badge recommended' }, t('setup.grant.recommended')) : null,
          ),
          h('span', { class: 'hint' }, t(choice.text)),
        ),
      ),
    );
    const back = h('button', { type: 'button', onclick: stepAddress }, t('setup.back'));
    const form = h(
      'form',
      { class: 'stack' },
      h('fieldset', { class: 'choices' }, legend, ...options),
      h('div', { class: 'row' }, back, h('button', { type: 'submit', class: 'primary' }, t('setup.continue'))),
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
    const back = h('button', { type: 'button', onclick: stepGrant }, t('setup.back'));
    const create = h(
      'button',
      { type: 'submit', class: 'primary' },
      t(needsClient ? 'setup.details.continueToSignIn' : 'setup.details.saveAndFinish'),
    );
    // Shown only when a help address is set (it comes from the organisation's policy): none is invented.
    const adminLink = getState().info?.adminHelpUrl
      ? h(
          'button',
          { type: 'button', class: 'link', onclick: () => void openAdminHelp() },
          t('setup.details.adminHelp'),
        )
      : null;
    const form = h(
      'form',
      { class: 'stack', novalidate: true },
      field(t('setup.details.name.label'), name, t('setup.details.name.hint')),
      needsClient ? field(t('setup.details.clientId.label'), clientId, t('setup.details.clientId.hint')) : null,
      needsClient ? field(t('setup.details.secret.label'), secret, t('setup.details.secret.hint')) : null,
      needsClient && adminLink ? h('p', null, adminLink) : null,
      // What only IT has can come from IT whole: a setup link fills in this step and the previous ones.
      needsClient
        ? h(
            'div',
            { class: 'stack setup-alternative', 'data-testid': 'ask-for-setup' },
            h('p', { class: 'hint' }, t('setup.details.askForSetup')),
            h(
              'div',
              null,
              h('button', { type: 'button', class: 'link', onclick: stepSetupInput }, t('setup.haveSetupFile')),
            ),
          )
        : null,
      token ? field(t('setup.token.label'), token, t('setup.token.hint')) : null,
      token ? personalTokenHelp(address.url) : null,
      checkbox(t('setup.details.production'), false, (v) => (production = v)),
      message,
      h('div', { class: 'row' }, back, create),
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
          t('setup.details.missing'),
          t(
            problem === name
              ? 'setup.details.missingName'
              : problem === token
                ? 'setup.details.missingToken'
                : 'setup.details.missingClient',
          ),
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
        showMessage(message, 'info', t(needsClient ? 'setup.details.checkingClient' : 'setup.token.checking'));
        let created: ProfileView | null = null;
        try {
          created = await call('addProfile', input);
          if (token) created = await call('savePersonalAccessToken', created.id, token.value.trim());
          else markSetupFinishing(created.id);
          // Browser sign-in was chosen on step 2: "Continue to sign in" starts it, nothing asks for it again.
          if (grant === 'authorization_code') requestAutoSignIn(created.id);
          await call('setActiveProfile', created.id);
          await reloadProfiles();
          options.onCreated(created);
        } catch (err) {
          // A token ProcessMaker refused leaves no half-made profile behind: the form keeps what was typed.
          if (created && token) await call('removeProfile', created.id).catch(() => undefined);
          create.disabled = false;
          showError(message, err);
          const { code, key } = toUserError(err);
          // Where the fix is: the Client ID, the way to sign in (Back), or most often the secret.
          (key === 'error.client.not_a_client_id'
            ? clientId
            : key === 'error.client.not_for_browser' || key === 'error.client.not_for_password'
              ? back
              : code === 'client_rejected'
                ? secret
                : code === 'token_rejected' && token
                  ? token
                  : create
          ).focus();
        }
      })();
    });
    show(3, form);
    // The first field still to fill (the Client ID, or the token), not the name already suggested.
    [name, clientId, secret, token].find((el) => el?.isConnected && !el.value.trim())?.focus();
  }

  stepAddress();
}
