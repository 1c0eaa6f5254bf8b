/**
 * The token view: status, who is signed in, a live countdown, the masked
 * token with Reveal and Copy, decoded claims, Refresh now and Sign out.
 */
import type { CopyFormat, ProfileView, TokenDetails, UserError } from '../../../main/contract/ipc';
import { renewalProblem } from '../../../main/core/errors';
import { call, localizeError, toUserError } from '../api';
import { h, replace } from '../dom';
import { describeTokenLife, formatClaimTime } from '../format';
import { t } from '../i18n';
import { announce, clearMessage, editConnectionRow, messageArea, showError, showMessage } from '../messages';
import { reloadProfiles } from '../state/store';
import { renderSignIn } from './sign-in';

/** Renders the view for `profile`; returns a cleanup that stops the timers. */
export function renderToken(root: HTMLElement, profile: ProfileView): () => void {
  const timers: number[] = [];
  // clearInterval and clearTimeout share one pool of ids.
  const cleanup = (): void => timers.forEach((id) => window.clearInterval(id));
  if (profile.status.state !== 'signed_in') {
    renderSignIn(root, profile, () => void reloadProfiles());
    return cleanup;
  }
  const status = profile.status;
  const message = messageArea();
  const detailsArea = h('div', { class: 'stack' }, h('p', { class: 'muted' }, t('window.token.loading')));
  const countdown = h('strong', { class: 'countdown', 'data-testid': 'token-life' });
  const expiresLine = h('p', { class: 'hint', 'data-testid': 'token-life-line' });
  const badge = h('span', { class: 'badge ok', 'data-testid': 'token-badge' }, t('window.token.badge.signedIn'));
  const lifeBox = h(
    'div',
    { class: 'countdown-box' },
    countdown,
    expiresLine,
    renewalHelp(profile.id, status.renewalError),
  );

  // The words change only when they must (a second at a time only in a token's last minute).
  const tick = (): void => {
    const life = describeTokenLife(status, Date.now());
    countdown.textContent = life.headline;
    expiresLine.textContent = life.line ?? '';
    expiresLine.hidden = life.line === null;
    // One state, said once: the badge and the box agree (no green badge above a red error).
    badge.textContent = life.badge;
    badge.className = `badge ${life.tone}`;
    lifeBox.dataset['tone'] = life.tone;
    // Browsers cap timeouts at about 24.8 days; a longer wait just looks again then.
    if (life.changesInMs !== null)
      timers.push(window.setTimeout(tick, Math.min(Math.max(life.changesInMs, 50), 2_000_000_000)));
  };
  tick();

  const refresh = h('button', { type: 'button' }, t('window.token.refresh'));
  refresh.disabled = !status.refreshable;
  refresh.title = status.refreshable ? '' : t('window.token.refreshUnavailable');
  const signOut = h('button', { type: 'button', class: 'danger' }, t('window.token.signOut'));
  refresh.addEventListener('click', () => {
    refresh.disabled = true;
    showMessage(message, 'info', t('window.token.refreshing'));
    void call('refreshNow', profile.id)
      .then(() => {
        showMessage(message, 'success', t('window.token.refreshed'));
        announce(t('window.token.refreshed'));
        return reloadProfiles();
      })
      .catch(async (err: unknown) => {
        // A renewal that fails is the state itself, said once in the box above: no second box under it.
        const code = toUserError(err).code;
        const now = (await reloadProfiles().catch(() => [])).find((p) => p.id === profile.id)?.status;
        const failing = now?.state === 'signed_in' ? now.renewalError : null;
        if (failing?.code === code) {
          clearMessage(message);
          announce(t(renewalProblem(code)));
        } else showError(message, err, { profileId: profile.id });
      })
      .finally(() => (refresh.disabled = false));
  });
  signOut.addEventListener('click', () => {
    void call('signOut', profile.id)
      .then((r) => {
        announce(r.note ? t(r.note) : t('window.token.signedOut'));
        return reloadProfiles();
      })
      .catch((err: unknown) => showError(message, err));
  });

  // main.ts focuses the view's first control right after this function returns.
  let initialFocus: Element | null | undefined;
  const focusAtRender = (): Element | null => (initialFocus ??= document.activeElement);
  queueMicrotask(() => void focusAtRender());
  replace(
    root,
    h(
      'section',
      { class: 'card token-view', 'aria-labelledby': 'token-heading' },
      h('div', { class: 'row spread' }, h('h1', { id: 'token-heading' }, profile.name), badge),
      userLine(status.user?.name ?? t('window.token.unknownUser'), profile.instanceUrl),
      lifeBox,
      detailsArea,
      message,
      h('div', { class: 'row token-actions' }, refresh, signOut),
    ),
  );

  void call('tokenDetails', profile.id)
    .then((details) => {
      // Where focus was when the view was drawn (nothing, or what main.ts put it on) it moves to Copy,
      // what people come here for; focus the person has moved since stays where it is.
      const untouched = document.activeElement === document.body || document.activeElement === focusAtRender();
      replace(detailsArea, tokenBox(profile.id, details, message, timers), claimsList(details));
      if (untouched) detailsArea.querySelector<HTMLElement>('[data-copy-token]')?.focus();
    })
    .catch((err: unknown) => {
      detailsArea.replaceChildren();
      showError(message, err);
    });
  return cleanup;
}

/**
 * While ProcessMaker refuses to renew the token: why (the refusal's own sentence) and what to do (its
 * next step, or trying again later and then signing in anew), inside the state's box. Nothing while
 * renewal works, or while ProcessMaker is merely out of reach (Token Tray keeps trying by itself).
 */
function renewalHelp(profileId: string, error: UserError | null | undefined): HTMLElement | null {
  if (!error || renewalProblem(error.code) !== 'error.renewal.refused') return null;
  const said = localizeError(error);
  const next = said.nextStep ?? t('window.token.life.refusedNext', { refresh: t('window.token.refresh') });
  return h(
    'div',
    { class: 'stack renewal-help', 'data-testid': 'renewal-help' },
    h('p', null, said.message),
    h('p', null, next),
    // An Auth Client ProcessMaker no longer accepts is fixed in its connection details.
    error.code === 'client_rejected' ? editConnectionRow(profileId) : null,
  );
}

/** "Signed in as <strong>name</strong> on url": the sentence is translated whole, the name stays bold. */
function userLine(name: string, instance: string): HTMLElement {
  const mark = '\u0000';
  const [before = '', after = ''] = t('window.token.signedInAs', { user: mark, instance }).split(mark);
  return h('p', { class: 'user-line' }, before, h('strong', { 'data-testid': 'user-name' }, name), after);
}

function tokenBox(profileId: string, details: TokenDetails, message: HTMLElement, timers: number[]): HTMLElement {
  const value = h('code', { class: 'token-value', 'data-testid': 'token-value' }, details.masked);
  const reveal = h('button', { type: 'button', 'aria-pressed': 'false' }, t('window.token.reveal'));
  let revealed = false;
  reveal.addEventListener('click', () => {
    if (revealed) {
      value.textContent = details.masked;
      revealed = false;
      reveal.textContent = t('window.token.reveal');
      reveal.setAttribute('aria-pressed', 'false');
      return;
    }
    void call('revealToken', profileId)
      .then((token) => {
        value.textContent = token;
        revealed = true;
        reveal.textContent = t('window.token.hide');
        reveal.setAttribute('aria-pressed', 'true');
      })
      .catch((err: unknown) => showError(message, err));
  });
  const copyStatus = h('span', { class: 'copy-status', role: 'status', 'aria-live': 'polite' });
  let copyTimer = 0;
  const copy = (format: CopyFormat, label: string): HTMLButtonElement =>
    h(
      'button',
      {
        type: 'button',
        class: format === 'raw' ? 'primary' : '',
        'data-copy-token': format === 'raw' ? true : null,
        onclick: () =>
          void call('copyToken', profileId, format)
            .then(({ clearsInSeconds }) => {
              window.clearInterval(copyTimer);
              let left = clearsInSeconds;
              const show = (): void => {
                copyStatus.textContent =
                  left > 0
                    ? t('window.token.copiedClearsIn', { seconds: left })
                    : clearsInSeconds > 0
                      ? t('window.token.clipboardCleared')
                      : t('window.token.copied');
              };
              show();
              if (clearsInSeconds > 0) {
                copyTimer = window.setInterval(() => {
                  left -= 1;
                  show();
                  if (left <= 0) window.clearInterval(copyTimer);
                }, 1000);
                timers.push(copyTimer);
              }
            })
            .catch((err: unknown) => showError(message, err)),
      },
      label,
    );
  return h(
    'div',
    { class: 'stack token-box' },
    h(
      'div',
      { class: 'field-label' },
      details.kind === 'personal_access_token' ? t('window.token.kind.personal') : t('window.token.kind.access'),
    ),
    h('div', { class: 'token-line' }, value, reveal),
    h('div', { class: 'row' }, copy('raw', t('window.token.copy')), copyStatus),
    // Most people paste the token itself; the other forms are for whoever asks for them.
    h(
      'details',
      { class: 'other-formats' },
      h('summary', null, t('window.token.otherFormats')),
      h(
        'div',
        { class: 'row' },
        copy('bearer', t('window.token.copyBearer')),
        copy('header', t('window.token.copyHeader')),
        copy('env', t('window.token.copyEnv')),
      ),
    ),
  );
}

function claimsList(details: TokenDetails): HTMLElement {
  const c = details.claims;
  if (!c) return h('p', { class: 'hint' }, t('window.token.claims.none'));
  const aud = Array.isArray(c.aud) ? c.aud.join(', ') : (c.aud ?? t('window.token.claims.notStated'));
  const scopes = c.scopes && c.scopes.length > 0 ? c.scopes.join(', ') : t('window.token.claims.noScopes');
  const rows: Array<[string, string]> = [
    [t('window.token.claims.subject'), c.sub ?? t('window.token.claims.notStated')],
    [t('window.token.claims.audience'), aud],
    [t('window.token.claims.scopes'), scopes],
    [t('window.token.claims.issued'), formatClaimTime(c.iat)],
    [t('window.token.claims.expires'), formatClaimTime(c.exp)],
  ];
  // Closed by default: most people only copy the token; the details are for whoever asks.
  return h(
    'details',
    { class: 'claims' },
    h('summary', null, t('window.token.claims.title')),
    h('dl', { class: 'claims-list' }, ...rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
  );
}
