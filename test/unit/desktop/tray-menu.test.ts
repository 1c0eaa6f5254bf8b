import { describe, expect, it } from 'vitest';
import type { ProfileView, ProfileStatus } from '../../../main/core/model';
import {
  buildTrayMenu,
  buildTrayTooltip,
  formatDuration,
  parseMenuId,
  statusLine,
  type MenuItemTemplate,
} from '../../../main/desktop';

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
const signedIn = (minutes: number): ProfileStatus => ({
  state: 'signed_in',
  expiresAt: now + minutes * 60_000,
  user: jane,
  refreshable: true,
});
const labels = (items: MenuItemTemplate[]) => items.map((i) => (i.type === 'separator' ? '---' : i.label));

describe('tray status lines', () => {
  it('says who is signed in and when the token expires', () => {
    expect(statusLine(profile('a', signedIn(42)), now)).toBe('Signed in as Jane Doe · expires in 42 min');
  });

  it('says signed out, and why when the sign-in expired', () => {
    expect(statusLine(profile('a', { state: 'signed_out', reason: 'never' }), now)).toBe('Signed out');
    expect(statusLine(profile('a', { state: 'signed_out', reason: 'session_expired' }), now)).toBe(
      'Signed out · sign-in expired',
    );
  });

  it('handles unknown users, unknown expiry and expired tokens', () => {
    expect(statusLine(profile('a', { state: 'signed_in', expiresAt: null, user: null, refreshable: false }), now)).toBe(
      'Signed in',
    );
    expect(statusLine(profile('a', { ...signedIn(-5), refreshable: true } as ProfileStatus), now)).toBe(
      'Signed in as Jane Doe · renews when copied',
    );
    expect(
      statusLine(profile('a', { state: 'signed_in', expiresAt: now - 1, user: jane, refreshable: false }), now),
    ).toBe('Signed in as Jane Doe · token expired');
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
  it('lists one profile with its status and actions, then the app items', () => {
    const items = buildTrayMenu({ profiles: [profile('a', signedIn(42), { active: true })], now });
    expect(labels(items)).toEqual([
      'Profile a',
      'Signed in as Jane Doe · expires in 42 min',
      'Copy access token',
      'Copy as Authorization: Bearer header',
      'Sign in…',
      'Sign out',
      '---',
      'Open Token Tray…',
      'Request console…',
      'Settings',
      '---',
      'Quit',
    ]);
    const byId = Object.fromEntries(items.filter((i) => i.id).map((i) => [i.id, i]));
    expect(byId['copy:a']?.enabled).toBe(true);
    expect(byId['sign-in:a']?.enabled).toBe(false);
    expect(byId['status:a']?.enabled).toBe(false);
  });

  it('disables copying and sign-out for a signed-out profile', () => {
    const items = buildTrayMenu({ profiles: [profile('b', { state: 'signed_out', reason: 'never' })], now });
    const byId = Object.fromEntries(items.filter((i) => i.id).map((i) => [i.id, i.enabled]));
    expect(byId).toMatchObject({ 'copy:b': false, 'copy-header:b': false, 'sign-in:b': true, 'sign-out:b': false });
  });

  it('marks the active profile when there are several', () => {
    const items = buildTrayMenu({
      profiles: [profile('a', signedIn(5)), profile('b', signedIn(9), { active: true })],
      now,
    });
    expect(labels(items)).toContain('Profile b (active)');
    expect(labels(items)).toContain('Profile a');
  });

  it('puts each profile in a submenu when there are many', () => {
    const profiles = ['a', 'b', 'c', 'd'].map((id) => profile(id, signedIn(10)));
    const items = buildTrayMenu({ profiles, now });
    const subs = items.filter((i) => i.type === 'submenu');
    expect(subs).toHaveLength(4);
    expect(subs[0]?.submenu?.map((i) => i.id)).toEqual([
      'status:a',
      'copy:a',
      'copy-header:a',
      'sign-in:a',
      'sign-out:a',
    ]);
  });

  it('offers set-up when there are no profiles', () => {
    const items = buildTrayMenu({ profiles: [], now });
    expect(labels(items)).toEqual([
      'No profiles yet',
      '---',
      'Set up Token Tray…',
      'Request console…',
      'Settings',
      '---',
      'Quit',
    ]);
    expect(items.find((i) => i.id === 'console')?.enabled).toBe(false);
  });

  it('doubles ampersands in names where menus read them as mnemonics', () => {
    const items = buildTrayMenu({
      profiles: [profile('a', signedIn(3), { name: 'R&D' })],
      now,
      escapeAmpersands: true,
    });
    expect(items[0]?.label).toBe('R&&D');
    expect(buildTrayMenu({ profiles: [profile('a', signedIn(3), { name: 'R&D' })], now })[0]?.label).toBe('R&D');
  });

  it('every clickable item id parses back into an action', () => {
    const items = buildTrayMenu({ profiles: [profile('p1', signedIn(3))], now });
    const actions = items.filter((i) => i.id && i.enabled !== false).map((i) => parseMenuId(i.id ?? ''));
    expect(actions).toEqual([
      { kind: 'copy-token', profileId: 'p1', format: 'raw' },
      { kind: 'copy-token', profileId: 'p1', format: 'header' },
      { kind: 'sign-out', profileId: 'p1' },
      { kind: 'open' },
      { kind: 'console' },
      { kind: 'settings' },
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
  it('shows the active profile and its time to expiry', () => {
    const profiles = [profile('a', signedIn(5)), profile('b', signedIn(42), { active: true, name: 'Acme' })];
    expect(buildTrayTooltip({ profiles, now })).toBe('Token Tray — Acme: expires in 42 min');
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
