/**
 * The tray's menu and tooltip as plain data, built by pure functions from the
 * profiles and the time. The shell turns the template into an Electron menu
 * and routes clicks by item id ({@link parseMenuId}); no Electron types here.
 */
import type { ProfileView } from '../core';

/** One menu item, a subset of Electron's MenuItemConstructorOptions. */
export interface MenuItemTemplate {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu';
  enabled?: boolean;
  submenu?: MenuItemTemplate[];
}

/** What the menu is built from. */
export interface TrayState {
  profiles: readonly ProfileView[];
  /** Epoch ms. */
  now: number;
  /** Windows and Linux read `&` as a mnemonic marker; a literal one must be doubled. */
  escapeAmpersands?: boolean;
  /** The updater's menu item ("Update ready: restart to install 1.2.0"), when it has one. */
  update?: { label: string; enabled: boolean } | null;
}

/** What a click on a menu item asks for. */
export type MenuAction =
  | { kind: 'copy-token'; profileId: string; format: 'raw' | 'header' }
  | { kind: 'sign-in'; profileId: string }
  | { kind: 'sign-out'; profileId: string }
  | { kind: 'open' | 'console' | 'settings' | 'install-update' | 'quit' };

/** Profiles shown flat in the menu; more than this and each gets a submenu. */
export const maxFlatProfiles = 3;

/** "less than a minute", "42 min", "3 h 5 min", "2 days". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

/** "Signed in as Jane Doe · expires in 42 min", "Signed out", ... */
export function statusLine(profile: ProfileView, now: number): string {
  const status = profile.status;
  if (status.state === 'keychain_unavailable') return 'Keychain unavailable';
  if (status.state === 'signed_out') {
    return status.reason === 'session_expired' ? 'Signed out · sign-in expired' : 'Signed out';
  }
  const who = status.user ? `Signed in as ${status.user.name}` : 'Signed in';
  if (status.expiresAt === null) return who;
  const left = status.expiresAt - now;
  if (left > 0) return `${who} · expires in ${formatDuration(left)}`;
  return status.refreshable ? `${who} · renews when copied` : `${who} · token expired`;
}

/** The tray icon's tooltip: the active profile and its time to expiry. */
export function buildTrayTooltip(state: Pick<TrayState, 'profiles' | 'now'>): string {
  const active = state.profiles.find((p) => p.active) ?? state.profiles[0];
  if (!active) return 'Token Tray — no profiles yet';
  const status = active.status;
  const left = status.state === 'signed_in' && status.expiresAt !== null ? status.expiresAt - state.now : 0;
  const detail = left > 0 ? `expires in ${formatDuration(left)}` : statusLine(active, state.now);
  return `Token Tray — ${active.name}: ${detail}`;
}

function profileItems(profile: ProfileView, now: number, label: (text: string) => string): MenuItemTemplate[] {
  const signedIn = profile.status.state === 'signed_in';
  return [
    { id: `status:${profile.id}`, label: label(statusLine(profile, now)), enabled: false },
    { id: `copy:${profile.id}`, label: 'Copy access token', enabled: signedIn },
    { id: `copy-header:${profile.id}`, label: 'Copy as Authorization: Bearer header', enabled: signedIn },
    { id: `sign-in:${profile.id}`, label: 'Sign in…', enabled: !signedIn },
    { id: `sign-out:${profile.id}`, label: 'Sign out', enabled: signedIn },
  ];
}

/** Builds the whole tray menu from state. */
export function buildTrayMenu(state: TrayState): MenuItemTemplate[] {
  const label = (text: string) => (state.escapeAmpersands ? text.replace(/&/g, '&&') : text);
  const items: MenuItemTemplate[] = [];
  const flat = state.profiles.length <= maxFlatProfiles;
  for (const profile of state.profiles) {
    const title = label(profile.active && state.profiles.length > 1 ? `${profile.name} (active)` : profile.name);
    if (flat) {
      items.push(
        { id: `profile:${profile.id}`, label: title, enabled: false },
        ...profileItems(profile, state.now, label),
      );
      items.push({ type: 'separator' });
    } else {
      items.push({
        id: `profile:${profile.id}`,
        label: title,
        type: 'submenu',
        submenu: profileItems(profile, state.now, label),
      });
    }
  }
  if (state.profiles.length === 0)
    items.push({ id: 'empty', label: 'No profiles yet', enabled: false }, { type: 'separator' });
  else if (!flat) items.push({ type: 'separator' });
  items.push(
    { id: 'open', label: state.profiles.length === 0 ? 'Set up Token Tray…' : 'Open Token Tray…' },
    { id: 'console', label: 'Request console…', enabled: state.profiles.length > 0 },
    { id: 'settings', label: 'Settings' },
    { type: 'separator' },
  );
  if (state.update) items.push({ id: 'install-update', ...state.update }, { type: 'separator' });
  items.push({ id: 'quit', label: 'Quit' });
  return items;
}

/** Reads a menu item id back into an action; null for display-only items. */
export function parseMenuId(id: string): MenuAction | null {
  if (id === 'open' || id === 'console' || id === 'settings' || id === 'install-update' || id === 'quit')
    return { kind: id };
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const verb = id.slice(0, colon);
  const profileId = id.slice(colon + 1);
  if (!profileId) return null;
  if (verb === 'copy') return { kind: 'copy-token', profileId, format: 'raw' };
  if (verb === 'copy-header') return { kind: 'copy-token', profileId, format: 'header' };
  if (verb === 'sign-in') return { kind: 'sign-in', profileId };
  if (verb === 'sign-out') return { kind: 'sign-out', profileId };
  return null;
}
