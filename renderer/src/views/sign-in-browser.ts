/**
 * Browser sign-in: starts the flow, shows "Waiting for your browser…" with
 * Cancel, and offers another way back (the local redirect) when the app link does not come back.
 */
import type { PendingSignIn, ProfileView, RedirectMode } from '../../../main/contract/ipc';
import { ApiError, call } from '../api';
import { h, replace } from '../dom';
import { t } from '../i18n';
import { announce, clearMessage, showError, showMessage } from '../messages';

/** DOM event (on window) carrying main's `sign-in-progress` events to this panel. */
export const signInProgressEvent = 'token-tray:sign-in-progress';

/** A profile whose browser sign-in starts by itself when its panel appears (right after "Set up and sign in"). */
let autoStart: string | null = null;
/** Asks the next browser sign-in panel of `profileId` to start at once. */
export function requestAutoSignIn(profileId: string): void {
  autoStart = profileId;
}

/** How long to wait for the app link before offering the local redirect. */
const FALLBACK_AFTER_MS = 8000;

/** The browser sign-in panel; `message` is the screen's live message area. */
export function browserForm(
  profile: ProfileView,
  message: HTMLElement,
  onSignedIn: (p: ProfileView) => void,
): HTMLElement {
  const start = h('button', { type: 'button', class: 'primary' }, t('setup.browser.start'));
  const area = h(
    'div',
    { class: 'stack' },
    h('p', { class: 'hint' }, t('setup.browser.hint')),
    h('div', { class: 'row' }, start),
  );
  let pending: PendingSignIn | null = null;
  let fallbackTimer = 0;

  async function begin(mode: RedirectMode | null): Promise<void> {
    clearMessage(message);
    try {
      pending = await call('startBrowserSignIn', profile.id, mode);
    } catch (err) {
      showError(message, err, { profileId: profile.id });
      return;
    }
    const flow = pending;
    showWaiting(flow);
    try {
      const signedIn = await call('waitForSignIn', flow.flowId);
      if (pending !== flow) return;
      pending = null;
      announce(t('setup.signIn.signedIn'));
      onSignedIn(signedIn);
    } catch (err) {
      if (pending !== flow) return; // replaced by the local-redirect flow
      pending = null;
      window.clearTimeout(fallbackTimer);
      resetIdle();
      if (err instanceof ApiError && err.userError.code === 'sign_in_cancelled')
        showMessage(message, 'info', t('setup.browser.cancelled'));
      else showError(message, err, { profileId: profile.id });
    }
  }

  function showWaiting(flow: PendingSignIn): void {
    const cancel = h('button', { type: 'button' }, t('common.cancel'));
    const stage = h('strong', null, t('setup.browser.waiting'));
    const fallback = h('button', { type: 'button', class: 'link' }, t('setup.browser.fallback'));
    const fallbackRow = h(
      'div',
      { class: 'stack fallback' },
      h('p', { class: 'hint' }, t('setup.browser.stillWaiting')),
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
      h('div', { class: 'row waiting', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), stage),
      h('p', { class: 'hint' }, t(flow.browserOpened ? 'setup.browser.opened' : 'setup.browser.notOpened')),
      signInLink(flow),
      h('div', { class: 'row' }, cancel),
      fallbackRow,
    );
    cancel.focus();
    const onProgress = (event: Event): void => {
      const detail = (event as CustomEvent<{ flowId: string; stage: string }>).detail;
      if (detail.flowId !== flow.flowId) return;
      if (detail.stage === 'exchanging') {
        stage.textContent = t('setup.browser.finishing');
        cancel.disabled = true;
        fallbackRow.hidden = true;
        window.clearTimeout(fallbackTimer);
      }
      if (detail.stage === 'done' || detail.stage === 'failed')
        window.removeEventListener(signInProgressEvent, onProgress);
    };
    window.addEventListener(signInProgressEvent, onProgress);
  }

  /** The sign-in link with a Copy button: shown at once when the browser did not open, else on request. */
  function signInLink(flow: PendingSignIn): HTMLElement {
    const link = h('input', {
      type: 'text',
      readonly: true,
      value: flow.authorizeUrl,
      'aria-label': t('setup.browser.linkLabel'),
      class: 'sign-in-link',
      spellcheck: 'false',
    });
    const copy = h(
      'button',
      { type: 'button', class: flow.browserOpened ? 'secondary' : 'primary' },
      t('setup.browser.copyLink'),
    );
    copy.addEventListener('click', () => {
      void call('copySignInLink', flow.flowId).then(
        () => {
          copy.textContent = t('setup.browser.linkCopied');
          announce(t('setup.browser.linkCopiedAnnounce'));
        },
        (err: unknown) => showError(message, err),
      );
    });
    const body = h('div', { class: 'row' }, link, copy);
    if (!flow.browserOpened) return body;
    return h('details', { class: 'sign-in-link-box' }, h('summary', null, t('setup.browser.notOpenedSummary')), body);
  }

  function resetIdle(): void {
    start.textContent = t('setup.browser.retry');
    replace(area, h('div', { class: 'row' }, start));
    start.focus();
  }

  start.addEventListener('click', () => void begin(null));
  if (autoStart === profile.id) {
    autoStart = null;
    // After the panel is on screen, so that its waiting state replaces it as usual.
    queueMicrotask(() => void begin(null));
  }
  return area;
}
