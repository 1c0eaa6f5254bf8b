/**
 * The token view: status, who is signed in, a live countdown, the masked
 * token with Reveal and Copy, decoded claims, Refresh now and Sign out.
 */
import type { CopyFormat, ProfileView, TokenDetails } from '../../../main/contract/ipc';
import { call } from '../api';
import { h, replace } from '../dom';
import { describeTokenLife, formatClaimTime } from '../format';
import { announce, messageArea, showError, showMessage } from '../messages';
import { reloadProfiles } from '../state/store';
import { renderSignIn } from './sign-in';

/** Renders the view for `profile`; returns a cleanup that stops the timers. */
export function renderToken(root: HTMLElement, profile: ProfileView): () => void {
  const timers: number[] = [];
  // clearInterval and clearTimeout share one pool of ids.
  const cleanup = (): void => timers.forEach((t) => window.clearInterval(t));
  if (profile.status.state !== 'signed_in') {
    renderSignIn(root, profile, () => void reloadProfiles());
    return cleanup;
  }
  const status = profile.status;
  const message = messageArea();
  const detailsArea = h('div', { class: 'stack' }, h('p', { class: 'muted' }, 'Loading token details…'));
  const countdown = h('strong', { class: 'countdown', 'data-testid': 'token-life' });
  const expiresLine = h('p', { class: 'hint', 'data-testid': 'token-life-line' });
  const badge = h('span', { class: 'badge ok', 'data-testid': 'token-badge' }, 'Signed in');
  const lifeBox = h('div', { class: 'countdown-box' }, countdown, expiresLine);

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

  const refresh = h('button', { type: 'button' }, 'Refresh now');
  refresh.disabled = !status.refreshable;
  refresh.title = status.refreshable ? '' : 'This token cannot be refreshed; sign in again when it expires.';
  const signOut = h('button', { type: 'button', class: 'danger' }, 'Sign out');
  refresh.addEventListener('click', () => {
    refresh.disabled = true;
    showMessage(message, 'info', 'Getting a fresh token…');
    void call('refreshNow', profile.id)
      .then(() => {
        showMessage(message, 'success', 'Token refreshed.');
        announce('Token refreshed.');
        return reloadProfiles();
      })
      .catch((err: unknown) => showError(message, err))
      .finally(() => (refresh.disabled = false));
  });
  signOut.addEventListener('click', () => {
    void call('signOut', profile.id)
      .then((r) => {
        announce(r.note ?? 'Signed out.');
        return reloadProfiles();
      })
      .catch((err: unknown) => showError(message, err));
  });

  replace(
    root,
    h(
      'section',
      { class: 'card token-view', 'aria-labelledby': 'token-heading' },
      h('div', { class: 'row spread' }, h('h1', { id: 'token-heading' }, profile.name), badge),
      h(
        'p',
        { class: 'user-line' },
        'Signed in as ',
        h('strong', { 'data-testid': 'user-name' }, status.user?.name ?? 'unknown user'),
        ` on ${profile.instanceUrl}`,
      ),
      lifeBox,
      detailsArea,
      message,
      h('div', { class: 'row token-actions' }, refresh, signOut),
    ),
  );

  void call('tokenDetails', profile.id)
    .then((details) => replace(detailsArea, tokenBox(profile.id, details, message, timers), claimsList(details)))
    .catch((err: unknown) => {
      detailsArea.replaceChildren();
      showError(message, err);
    });
  return cleanup;
}

function tokenBox(profileId: string, details: TokenDetails, message: HTMLElement, timers: number[]): HTMLElement {
  const value = h('code', { class: 'token-value', 'data-testid': 'token-value' }, details.masked);
  const reveal = h('button', { type: 'button', 'aria-pressed': 'false' }, 'Reveal');
  let revealed = false;
  reveal.addEventListener('click', () => {
    if (revealed) {
      value.textContent = details.masked;
      revealed = false;
      reveal.textContent = 'Reveal';
      reveal.setAttribute('aria-pressed', 'false');
      return;
    }
    void call('revealToken', profileId)
      .then((token) => {
        value.textContent = token;
        revealed = true;
        reveal.textContent = 'Hide';
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
        onclick: () =>
          void call('copyToken', profileId, format)
            .then(({ clearsInSeconds }) => {
              window.clearInterval(copyTimer);
              let left = clearsInSeconds;
              const show = (): void => {
                copyStatus.textContent =
                  left > 0 ? `Copied — clears in ${left} s` : clearsInSeconds > 0 ? 'Clipboard cleared' : 'Copied';
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
      details.kind === 'personal_access_token' ? 'Personal access token' : 'Access token',
    ),
    h('div', { class: 'token-line' }, value, reveal),
    h('div', { class: 'row' }, copy('raw', 'Copy'), copyStatus),
    // Most people paste the token itself; the other forms are for whoever asks for them.
    h(
      'details',
      { class: 'other-formats' },
      h('summary', null, 'Other formats'),
      h(
        'div',
        { class: 'row' },
        copy('bearer', 'Copy as “Bearer …”'),
        copy('header', 'Copy as Authorization header'),
        copy('env', 'Copy as export PM_TOKEN=…'),
      ),
    ),
  );
}

function claimsList(details: TokenDetails): HTMLElement {
  const c = details.claims;
  if (!c) return h('p', { class: 'hint' }, 'This token carries no readable details.');
  const aud = Array.isArray(c.aud) ? c.aud.join(', ') : (c.aud ?? 'not stated');
  const scopes = c.scopes && c.scopes.length > 0 ? c.scopes.join(', ') : 'none';
  const rows: Array<[string, string]> = [
    ['Signed in as (user number)', c.sub ?? 'not stated'],
    ['Auth Client', aud],
    ['Allowed (scopes)', scopes],
    ['Issued', formatClaimTime(c.iat)],
    ['Valid until', formatClaimTime(c.exp)],
  ];
  // Closed by default: most people only copy the token; the details are for whoever asks.
  return h(
    'details',
    { class: 'claims' },
    h('summary', null, 'Token details'),
    h('dl', { class: 'claims-list' }, ...rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
  );
}
