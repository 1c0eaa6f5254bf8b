/**
 * Sign-in screens, one per grant: browser (with progress, Cancel and the
 * local-redirect fallback), username and password, or a pasted token.
 */
import type { ProfileView } from '../../../main/contract/ipc';
import { call } from '../api';
import { browserForm } from './sign-in-browser';
import { field, h, replace } from '../dom';
import { t } from '../i18n';
import { announce, messageArea, showError, showMessage } from '../messages';

/** The one path ordinary users can open to make a personal access token, as a button that opens it. */
export function personalTokenHelp(instanceUrl: string): HTMLElement {
  return h(
    'div',
    { class: 'stack pat-help' },
    h('p', { class: 'hint' }, t('setup.token.help')),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          onclick: () => void call('openExternal', `${instanceUrl}/profile/edit`).catch(() => undefined),
        },
        t('setup.token.openPage'),
      ),
    ),
  );
}

/** The last step of setting up a profile that signs in (set by the wizard, shown once by the sign-in screen). */
let finishingSetupOf: string | null = null;
/** The wizard hands over to the sign-in screen: it shows "Step 4 of 4" for this profile. */
export function markSetupFinishing(profileId: string): void {
  finishingSetupOf = profileId;
}

/** Renders the sign-in screen for `profile`; `onSignedIn` runs with the updated profile. */
export function renderSignIn(root: HTMLElement, profile: ProfileView, onSignedIn: (p: ProfileView) => void): void {
  const lastSetupStep = finishingSetupOf === profile.id;
  finishingSetupOf = null;
  const message = messageArea();
  const reason = profile.status.state === 'signed_out' ? profile.status.reason : 'never';
  const intro =
    profile.status.state === 'keychain_unavailable'
      ? t('setup.signIn.keychainUnavailable')
      : reason === 'session_expired'
        ? t('setup.signIn.sessionExpired')
        : reason === 'signed_out'
          ? t('setup.signIn.signedOut')
          : t('setup.signIn.intro', { address: profile.instanceUrl });
  const content =
    profile.grant === 'authorization_code'
      ? browserForm(profile, message, onSignedIn)
      : profile.grant === 'password'
        ? passwordForm(profile, message, onSignedIn)
        : tokenForm(profile, message, onSignedIn);
  replace(
    root,
    h(
      'section',
      { class: 'card narrow sign-in', 'aria-labelledby': 'sign-in-heading' },
      h(
        'div',
        { class: 'row spread' },
        h('h1', { id: 'sign-in-heading' }, t('setup.signIn.title', { name: profile.name })),
        // The state in the tray's words (one key): the sentence below says what to do.
        reason === 'session_expired'
          ? h('span', { class: 'badge bad', 'data-testid': 'sign-in-badge' }, t('common.status.sign_in_expired'))
          : null,
      ),
      lastSetupStep ? h('p', { class: 'muted step-label' }, t('setup.stepOf', { step: 4, total: 4 })) : null,
      h('p', null, intro),
      content,
      message,
    ),
  );
}

function passwordForm(profile: ProfileView, message: HTMLElement, onSignedIn: (p: ProfileView) => void): HTMLElement {
  const user = h('input', { type: 'text', name: 'username', autocomplete: 'username', value: profile.username ?? '' });
  const pass = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    'data-autofocus': profile.username ? true : null,
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('setup.signIn.submit'));
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field(t('setup.signIn.username.label'), user, t('setup.signIn.username.hint')),
    field(t('setup.signIn.password.label'), pass),
    h('div', { class: 'row' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!user.value.trim() || !pass.value) {
      showMessage(message, 'error', t('setup.signIn.missingCredentials'));
      (user.value.trim() ? pass : user).focus();
      return;
    }
    submit.disabled = true;
    showMessage(message, 'info', t('setup.signIn.signingIn'));
    void call('signInWithPassword', profile.id, user.value.trim(), pass.value)
      .then((p) => {
        pass.value = '';
        announce(t('setup.signIn.signedIn'));
        onSignedIn(p);
      })
      .catch((err: unknown) => {
        submit.disabled = false;
        showError(message, err, { profileId: profile.id });
        pass.select();
      });
  });
  return form;
}

function tokenForm(profile: ProfileView, message: HTMLElement, onSignedIn: (p: ProfileView) => void): HTMLElement {
  const token = h('textarea', {
    name: 'personal-access-token',
    rows: 4,
    spellcheck: 'false',
    autocomplete: 'off',
    class: 'token-input',
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('setup.signIn.saveToken'));
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field(t('setup.token.label'), token, t('setup.token.hint')),
    personalTokenHelp(profile.instanceUrl),
    h('div', { class: 'row' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = token.value.trim();
    if (!value) {
      showMessage(message, 'error', t('setup.signIn.missingToken'));
      token.focus();
      return;
    }
    submit.disabled = true;
    showMessage(message, 'info', t('setup.token.checking'));
    void call('savePersonalAccessToken', profile.id, value)
      .then((p) => {
        token.value = '';
        announce(t('setup.signIn.tokenSaved'));
        onSignedIn(p);
      })
      .catch((err: unknown) => {
        submit.disabled = false;
        showError(message, err);
        token.focus();
      });
  });
  return form;
}
