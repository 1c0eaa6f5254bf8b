import { describe, expect, it } from 'vitest';
import type { ProfileView, ProfileStatus } from '../../../main/core/model';
import { userErrorOf } from '../../../main/core/errors';
import { createTranslator, messagesFor } from '../../../main/i18n';
import {
  buildTrayMenu,
  buildTrayTooltip,
  formatDuration,
  parseMenuId,
  statusLine,
  type MenuItemTemplate,
} from '../../../main/desktop';

const enGB = createTranslator('en', messagesFor('en'), 'en-GB');

const now = Date.UTC(2026, 10, 28, 12, 0, 0);

function profile(id: string, status: ProfileStatus, extra: Partial<ProfileView> = {}): ProfileView {
  return {
    id,
    name: `Profile ${id}`,
    instanceUrl: 'https://acme.processmaker.net',
    clientId: '3',
    grant: 'authorization_code',
    redirectMode: 'app',
    status,
    hasClientSecret: false,
    active: false,
    ...extra,
  };
}

const jane = { id: '7', name: 'Jane Doe' };
const signedIn = (
  minutes: number,
  extra: Partial<Extract<ProfileStatus, { state: 'signed_in' }>> = {},
): ProfileStatus => ({
  state: 'signed_in',
  expiresAt: now + minutes * 60_000,
  user: jane,
  refreshable: true,
  renewAt: now + (minutes - 5) * 60_000,
  renewalError: null,
  ...extra,
});
const personal = (minutes: number): ProfileStatus => signedIn(minutes, { refreshable: false, renewAt: null });
const unreachable = userErrorOf('unreachable');
/** "15:31" as the system writes the local time of `at` in en-GB. */
const hhmm = (at: number) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(at);
const labels = (items: MenuItemTemplate[]) => items.map((i) => (i.type === 'separator' ? '---' : i.label));

describe('tray status lines', () => {
  it('a token that renews by itself says so, with no countdown', () => {
    expect(statusLine(profile('a', signedIn(42)), now)).toBe('Signed in as Jane Doe · renews automatically');
  });

  it('a token that cannot renew counts down under two days, and names its date after that', () => {
    expect(statusLine(profile('a', personal(42)), now)).toBe('Signed in as Jane Doe · expires in 42 min');
    expect(statusLine(profile('a', personal(365 * 24 * 60)), now, enGB)).toBe(
      'Signed in as Jane Doe · valid until 28 Nov 2027',
    );
    expect(statusLine(profile('a', personal(-1)), now)).toBe('Signed in as Jane Doe · token expired');
  });

  it('a failing renewal is one honest line: what is wrong and until when the token works', () => {
    const failing = signedIn(20, { renewalError: unreachable });
    expect(statusLine(profile('a', failing), now, enGB)).toBe(
      `Can’t reach ProcessMaker · token works until ${hhmm(now + 20 * 60_000)}`,
    );
    const refused = signedIn(20, { renewalError: userErrorOf('server_error') });
    expect(statusLine(profile('a', refused), now, enGB)).toMatch(
      /^ProcessMaker did not renew the token · token works until /,
    );
    expect(statusLine(profile('a', signedIn(-1, { renewalError: unreachable })), now)).toBe(
      'Can’t reach ProcessMaker · token expired',
    );
  });

  it('says signed out, and when the sign-in expired by itself in the window’s words', () => {
    expect(statusLine(profile('a', { state: 'signed_out', reason: 'never' }), now)).toBe('Signed out');
    // One state, one key: the window's sign-in screen shows the same words in its badge.
    expect(statusLine(profile('a', { state: 'signed_out', reason: 'session_expired' }), now)).toBe('Sign-in expired');
    const german = createTranslator('de', messagesFor('de'), 'de-AT');
    expect(statusLine(profile('a', { state: 'signed_out', reason: 'session_expired' }), now, german)).toBe(
      german.t('common.status.sign_in_expired'),
    );
    expect(statusLine(profile('a', signedIn(5, { user: null })), now)).toBe('Signed in · renews automatically');
  });

  it.each([
    [30_000, 'less than a minute'],
    [42 * 60_000, '42 min'],
    [125 * 60_000, '2 h 5 min'],
    [180 * 60_000, '3 h'],
    [72 * 3_600_000, '3 days'],
  ])('formats %i ms as "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('tray menu template', () => {
  it('no profile: only setting up, settings and quit', () => {
    expect(labels(buildTrayMenu({ profiles: [], now }))).toEqual([
      'Set up Token Tray…',
      'Settings…',
      '---',
      'Quit Token Tray',
    ]);
  });

  it('one signed-in profile: its state, Copy first, the other formats one level down, nothing greyed, Quit apart from Sign out', () => {
    const items = buildTrayMenu({ profiles: [profile('a', signedIn(42), { active: true, name: 'Acme' })], now });
    expect(labels(items)).toEqual([
      'Acme: Signed in as Jane Doe · renews automatically',
      'Copy token: Acme',
      'Copy in another format',
      '---',
      'Open Token Tray…',
      'Try an API request…',
      'Settings…',
      '---',
      'Sign out of Acme',
      '---',
      'Quit Token Tray',
    ]);
    expect(labels(items.find((i) => i.id === 'formats:a')?.submenu ?? [])).toEqual([
      'Bearer token',
      'Authorization header',
      'export PM_TOKEN=… (for a terminal)',
    ]);
    // The status line is the only item that cannot be clicked; it is information, not a greyed action.
    expect(items.filter((i) => i.enabled === false).map((i) => i.id)).toEqual(['status:a']);
  });

  it('a signed-out profile offers only its sign-in: no greyed copy or sign-out', () => {
    const items = buildTrayMenu({
      profiles: [profile('b', { state: 'signed_out', reason: 'session_expired' }, { name: 'Acme' })],
      now,
    });
    const ids = items.map((i) => i.id ?? '---');
    expect(ids).toContain('sign-in:b');
    expect(ids.some((id) => id.startsWith('copy') || id.startsWith('sign-out') || id.startsWith('formats'))).toBe(
      false,
    );
    expect(items.find((i) => i.id === 'sign-in:b')?.label).toBe('Sign in again to Acme…');
    expect(items.filter((i) => i.enabled === false).map((i) => i.id)).toEqual(['status:b']);
  });

  it('four profiles: the active one’s Copy stays at the top level, the others sit under Switch profile', () => {
    const profiles = ['a', 'b', 'c', 'd'].map((id) =>
      profile(id, id === 'd' ? { state: 'signed_out', reason: 'never' } : signedIn(10), { active: id === 'c' }),
    );
    const items = buildTrayMenu({ profiles, now });
    expect(items[1]).toEqual({ id: 'copy:c', label: 'Copy token: Profile c' });
    const switcher = items.find((i) => i.id === 'switch');
    expect(switcher?.type).toBe('submenu');
    expect(switcher?.submenu).toEqual([
      { id: 'activate:a', label: 'Profile a', type: 'radio', checked: false },
      { id: 'activate:b', label: 'Profile b', type: 'radio', checked: false },
      { id: 'activate:c', label: 'Profile c', type: 'radio', checked: true },
      { id: 'activate:d', label: 'Profile d (signed out)', type: 'radio', checked: false },
    ]);
    // No other profile's copy or sign-in items anywhere.
    const all = JSON.stringify(items);
    expect(all).not.toMatch(/copy:(a|b|d)|sign-in:/);
  });

  it('a failing renewal shows in the menu and the tooltip alike', () => {
    const profiles = [profile('a', signedIn(20, { renewalError: unreachable }), { active: true, name: 'Acme' })];
    const items = buildTrayMenu({ profiles, now, say: enGB });
    const until = hhmm(now + 20 * 60_000);
    expect(items[0]?.label).toBe(`Acme: Can’t reach ProcessMaker · token works until ${until}`);
    // The token still works, so it can still be copied.
    expect(items[1]?.id).toBe('copy:a');
    expect(buildTrayTooltip({ profiles, now, say: enGB })).toBe(
      `Token Tray — Acme: Can’t reach ProcessMaker · token works until ${until}`,
    );
  });

  it('a refused renewal gets a next step: the window, opened on that profile, says why and what to do', () => {
    const refused = signedIn(20, { renewalError: userErrorOf('server_error') });
    const items = buildTrayMenu({ profiles: [profile('a', refused, { active: true, name: 'Acme' })], now, say: enGB });
    expect(labels(items).slice(0, 4)).toEqual([
      `Acme: ProcessMaker did not renew the token · token works until ${hhmm(now + 20 * 60_000)}`,
      'Copy token: Acme',
      'Copy in another format',
      'What to do: open Token Tray…',
    ]);
    expect(parseMenuId(items[3]?.id ?? '')).toEqual({ kind: 'show-profile', profileId: 'a' });
    // Out of reach mends by itself (Token Tray keeps trying): no such item.
    const offline = signedIn(20, { renewalError: unreachable });
    expect(
      buildTrayMenu({ profiles: [profile('a', offline, { active: true })], now }).some((i) =>
        i.id?.startsWith('show-profile:'),
      ),
    ).toBe(false);
  });

  it('speaks the app’s language: every label and the tooltip come from its catalogue', () => {
    const german = createTranslator('de', messagesFor('de'), 'de-AT');
    const de = messagesFor('de') as Record<string, string>;
    const profiles = [
      profile('a', signedIn(20, { renewalError: unreachable }), { active: true, name: 'Acme' }),
      profile('b', { state: 'signed_out', reason: 'never' }, { name: 'Beta' }),
    ];
    const items = buildTrayMenu({ profiles, now, say: german });
    const labels = (list: MenuItemTemplate[]): string[] =>
      list.flatMap((i) => [...(i.label ? [i.label] : []), ...(i.submenu ? labels(i.submenu) : [])]);
    const all = labels(items);
    expect(all).toContain(
      `Acme: ${de['error.renewal.unreachable']} · ${german.t('tray.status.works_until', { time: hhmm(now + 20 * 60_000) })}`,
    );
    expect(all).toContain(german.t('tray.copy_token', { name: 'Acme' }));
    expect(all).toContain(german.t('tray.switch.signed_out', { name: 'Beta' }));
    for (const key of ['tray.other_formats', 'tray.switch', 'tray.open', 'tray.console', 'tray.settings', 'tray.quit'])
      expect(all).toContain(de[key]);
    // Nothing English is left in it.
    const english = messagesFor('en') as Record<string, string>;
    const left = all.filter((label) =>
      Object.entries(english).some(
        ([key, en]) =>
          key.startsWith('tray.') && !/[{}]/.test(en) && en.length > 8 && label.includes(en) && de[key] !== en,
      ),
    );
    expect(left).toEqual([]);
    expect(buildTrayTooltip({ profiles, now, say: german })).toMatch(/^Token Tray – Acme: /);
  });

  it('doubles ampersands in names where menus read them as mnemonics', () => {
    const p = profile('a', signedIn(3), { name: 'R&D' });
    expect(buildTrayMenu({ profiles: [p], now, escapeAmpersands: true })[1]?.label).toBe('Copy token: R&&D');
    expect(buildTrayMenu({ profiles: [p], now })[1]?.label).toBe('Copy token: R&D');
  });

  it('every clickable item id parses back into an action', () => {
    const items = buildTrayMenu({ profiles: [profile('p1', signedIn(3)), profile('p2', signedIn(3))], now });
    const flat = (list: MenuItemTemplate[]): MenuItemTemplate[] =>
      list.flatMap((i) => (i.submenu ? flat(i.submenu) : [i]));
    const actions = flat(items)
      .filter((i) => i.id && i.enabled !== false)
      .map((i) => parseMenuId(i.id ?? ''));
    expect(actions).toEqual([
      { kind: 'copy-token', profileId: 'p1', format: 'raw' },
      { kind: 'copy-token', profileId: 'p1', format: 'bearer' },
      { kind: 'copy-token', profileId: 'p1', format: 'header' },
      { kind: 'copy-token', profileId: 'p1', format: 'env' },
      { kind: 'activate', profileId: 'p1' },
      { kind: 'activate', profileId: 'p2' },
      { kind: 'open' },
      { kind: 'console' },
      { kind: 'settings' },
      { kind: 'sign-out', profileId: 'p1' },
      { kind: 'quit' },
    ]);
    expect(parseMenuId('status:p1')).toBeNull();
    expect(parseMenuId('copy:')).toBeNull();
  });

  it('shows the updater’s item above Quit only when it has one, and routes its click', () => {
    const label = 'Update ready: restart to install 1.4.0';
    const items = buildTrayMenu({ profiles: [], now, update: { label, enabled: true } });
    const ids = items.map((i) => i.id ?? '---');
    expect(ids.slice(-3)).toEqual(['install-update', '---', 'quit']);
    expect(items.find((i) => i.id === 'install-update')).toEqual({ id: 'install-update', label, enabled: true });
    expect(parseMenuId('install-update')).toEqual({ kind: 'install-update' });
    expect(buildTrayMenu({ profiles: [], now, update: null }).some((i) => i.id === 'install-update')).toBe(false);
  });
});

describe('tray tooltip', () => {
  it('shows the active profile and its state', () => {
    const profiles = [profile('a', signedIn(5)), profile('b', personal(42), { active: true, name: 'Acme' })];
    expect(buildTrayTooltip({ profiles, now })).toBe('Token Tray — Acme: Signed in as Jane Doe · expires in 42 min');
  });

  it('shows signed out, or that there are no profiles', () => {
    expect(
      buildTrayTooltip({
        profiles: [profile('a', { state: 'signed_out', reason: 'signed_out' }, { active: true })],
        now,
      }),
    ).toBe('Token Tray — Profile a: Signed out');
    expect(buildTrayTooltip({ profiles: [], now })).toBe('Token Tray — no profiles yet');
  });
});
