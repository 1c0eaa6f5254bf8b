/**
 * Sign-in screens, one per grant: browser (with progress, Cancel and the
 * local-redirect fallback), username and password, or a pasted token.
 */
import type { PendingSignIn, ProfileView, RedirectMode } from '../../../main/contract/ipc';
import { ApiError, call } from '../api';
import { field, h, replace } from '../dom';
import { announce, clearMessage, messageArea, showError, showMessage } from '../messages';

/** How long to wait for the app link before offering the local redirect. */
const FALLBACK_AFTER_MS = 8000;

/** Renders the sign-in screen for `profile`; `onSignedIn` runs with the updated profile. */
export function renderSignIn(root: HTMLElement, profile: ProfileView, onSignedIn: (p: ProfileView) => void): void {
  const message = messageArea();
  const reason = profile.status.state === 'signed_out' ? profile.status.reason : 'never';
  const intro =
    reason === 'session_expired'
      ? 'Your sign-in has expired. Sign in again to keep getting tokens.'
      : reason === 'signed_out'
        ? 'You are signed out of this profile.'
        : `Sign in to ${profile.instanceUrl} to get a token.`;
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
      h('h1', { id: 'sign-in-heading' }, `Sign in — ${profile.name}`),
      h('p', null, intro),
      content,
      message,
    ),
  );
}

function browserForm(profile: ProfileView, message: HTMLElement, onSignedIn: (p: ProfileView) => void): HTMLElement {
  const start = h('button', { type: 'button', class: 'primary' }, 'Sign in with my browser');
  const area = h(
    'div',
    { class: 'stack' },
    h(
      'p',
      { class: 'hint' },
      'Your browser opens the ProcessMaker sign-in page. Approve Token Tray there and come back.',
    ),
    h('div', { class: 'row' }, start),
  );
  let pending: PendingSignIn | null = null;
  let fallbackTimer = 0;

  async function begin(mode: RedirectMode | null): Promise<void> {
    clearMessage(message);
    try {
      pending = await call('startBrowserSignIn', profile.id, mode);
    } catch (err) {
      showError(message, err);
      return;
    }
    const flow = pending;
    showWaiting(flow);
    try {
      const signedIn = await call('waitForSignIn', flow.flowId);
      if (pending !== flow) return;
      pending = null;
      announce('Signed in.');
      onSignedIn(signedIn);
    } catch (err) {
      if (pending !== flow) return; // replaced by the local-redirect flow
      pending = null;
      window.clearTimeout(fallbackTimer);
      resetIdle();
      if (err instanceof ApiError && err.userError.code === 'sign_in_cancelled')
        showMessage(message, 'info', 'Sign-in was cancelled.');
      else showError(message, err);
    }
  }

  function showWaiting(flow: PendingSignIn): void {
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const fallback = h('button', { type: 'button', class: 'link' }, 'Use the local redirect instead');
    const fallbackRow = h(
      'div',
      { class: 'stack fallback' },
      h(
        'p',
        { class: 'hint' },
        'Still waiting? If the browser did not come back to Token Tray, try the local redirect.',
      ),
      h('div', null, fallback),
    );
    fallbackRow.hidden = flow.redirectMode === 'loopback';
    if (!fallbackRow.hidden) {
      fallbackRow.hidden = true;
      fallbackTimer = window.setTimeout(() => (fallbackRow.hidden = false), FALLBACK_AFTER_MS);
    }
    cancel.addEventListener(
      'click',
      () => void call('cancelSignIn', flow.flowId).catch((err: unknown) => showError(message, err)),
    );
    fallback.addEventListener('click', () => {
      window.clearTimeout(fallbackTimer);
      pending = null;
      void call('cancelSignIn', flow.flowId)
        .catch(() => null)
        .then(() => begin('loopback'));
    });
    replace(
      area,
      h(
        'div',
        { class: 'row waiting', role: 'status' },
        h('span', { class: 'spinner', 'aria-hidden': 'true' }),
        h('strong', null, 'Waiting for your browser…'),
      ),
      h('p', { class: 'hint' }, 'Sign in and approve Token Tray in the browser window that opened.'),
      h('div', { class: 'row' }, cancel),
      fallbackRow,
    );
    cancel.focus();
  }

  function resetIdle(): void {
    start.textContent = 'Try again';
    replace(area, h('div', { class: 'row' }, start));
    start.focus();
  }

  start.addEventListener('click', () => void begin(null));
  return area;
}

function passwordForm(profile: ProfileView, message: HTMLElement, onSignedIn: (p: ProfileView) => void): HTMLElement {
  const user = h('input', { type: 'text', name: 'username', autocomplete: 'username', value: profile.username ?? '' });
  const pass = h('input', { type: 'password', name: 'password', autocomplete: 'current-password' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field('Username', user, 'Your ProcessMaker username (not your email address).'),
    field('Password', pass),
    h('div', { class: 'row' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!user.value.trim() || !pass.value) {
      showMessage(message, 'error', 'Type your username and password.');
      (user.value.trim() ? pass : user).focus();
      return;
    }
    submit.disabled = true;
    showMessage(message, 'info', 'Signing in…');
    void call('signInWithPassword', profile.id, user.value.trim(), pass.value)
      .then((p) => {
        pass.value = '';
        announce('Signed in.');
        onSignedIn(p);
      })
      .catch((err: unknown) => {
        submit.disabled = false;
        showError(message, err);
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
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Save token');
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    field(
      'Personal access token',
      token,
      'Paste the whole token from ProcessMaker (Users › Edit › API Tokens). It is kept in this computer’s secure storage.',
    ),
    h('div', { class: 'row' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = token.value.trim();
    if (!value) {
      showMessage(message, 'error', 'Paste your personal access token first.');
      token.focus();
      return;
    }
    submit.disabled = true;
    showMessage(message, 'info', 'Checking the token with ProcessMaker…');
    void call('savePersonalAccessToken', profile.id, value)
      .then((p) => {
        token.value = '';
        announce('Token saved.');
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
