/**
 * The tray's menu and tooltip as plain data, built by pure functions from the
 * profiles and the time. The shell turns the template into an Electron menu
 * and routes clicks by item id ({@link parseMenuId}); no Electron types here.
 */
import { COPY_FORMATS, type CopyFormat } from '../contract/ipc';
import { renewalProblem, type ProfileView } from '../core';

/** One menu item, a subset of Electron's MenuItemConstructorOptions. */
export interface MenuItemTemplate {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'radio';
  enabled?: boolean;
  checked?: boolean;
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
  /** For times and dates ("until 15:31"); the system's by default. */
  locale?: string;
}

/** What a click on a menu item asks for. */
export type MenuAction =
  | { kind: 'copy-token'; profileId: string; format: CopyFormat }
  | { kind: 'sign-in'; profileId: string }
  | { kind: 'sign-out'; profileId: string }
  | { kind: 'activate'; profileId: string }
  | { kind: 'open' | 'console' | 'settings' | 'install-update' | 'quit' };

/** The menu's words for each copy form, in the order the window shows them. */
export const COPY_FORMAT_LABELS: Readonly<Record<CopyFormat, string>> = {
  raw: 'Token only',
  bearer: 'Bearer token',
  header: 'Authorization header',
  env: 'export PM_TOKEN=… (for a terminal)',
};

/** Menu item id prefix for each copy form: `copy:<id>` is the token itself. */
const COPY_ID_PREFIX: Readonly<Record<CopyFormat, string>> = {
  raw: 'copy',
  bearer: 'copy-bearer',
  header: 'copy-header',
  env: 'copy-env',
};

/** "less than a minute", "42 min", "3 h 5 min", "2 days". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

/** "15:31" today, "2 Dec 15:31" on another day, in `locale`. */
function formatWhen(at: number, now: number, locale: string | undefined): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(at);
}

/**
 * One honest line per profile: "Signed in as Jane Doe · renews automatically", "Can't reach ProcessMaker ·
 * token works until 15:31", "Signed out · sign-in ended", ...
 */
export function statusLine(profile: ProfileView, now: number, locale?: string): string {
  const status = profile.status;
  if (status.state === 'keychain_unavailable') return 'Keychain unavailable';
  if (status.state === 'signed_out') {
    return status.reason === 'session_expired' ? 'Signed out · sign-in ended' : 'Signed out';
  }
  const who = status.user ? `Signed in as ${status.user.name}` : 'Signed in';
  const left = status.expiresAt === null ? null : status.expiresAt - now;
  if (status.renewalError) {
    const problem = renewalProblem(status.renewalError.code);
    if (left === null) return problem;
    return left > 0
      ? `${problem} · token works until ${formatWhen(status.expiresAt ?? now, now, locale)}`
      : `${problem} · token expired`;
  }
  if (status.refreshable) return `${who} · renews automatically`;
  if (left === null) return who;
  if (left <= 0) return `${who} · token expired`;
  if (left < 48 * 3_600_000) return `${who} · expires in ${formatDuration(left)}`;
  return `${who} · valid until ${new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(status.expiresAt ?? now)}`;
}

/** The tray icon's tooltip: the active profile and its state. */
export function buildTrayTooltip(state: Pick<TrayState, 'profiles' | 'now' | 'locale'>): string {
  const active = state.profiles.find((p) => p.active) ?? state.profiles[0];
  if (!active) return 'Token Tray — no profiles yet';
  return `Token Tray — ${active.name}: ${statusLine(active, state.now, state.locale)}`;
}

/** The active profile's block: its state, then only the actions that apply to it now. */
function activeItems(profile: ProfileView, state: TrayState, label: (text: string) => string): MenuItemTemplate[] {
  const items: MenuItemTemplate[] = [
    {
      id: `status:${profile.id}`,
      label: label(`${profile.name}: ${statusLine(profile, state.now, state.locale)}`),
      enabled: false,
    },
  ];
  const status = profile.status;
  if (status.state === 'signed_in') {
    items.push(
      { id: `copy:${profile.id}`, label: label(`Copy token: ${profile.name}`) },
      {
        id: `formats:${profile.id}`,
        label: 'Copy in another format',
        type: 'submenu',
        submenu: (['bearer', 'header', 'env'] as const).map((format) => ({
          id: `${COPY_ID_PREFIX[format]}:${profile.id}`,
          label: COPY_FORMAT_LABELS[format],
        })),
      },
    );
  } else if (status.state === 'signed_out') {
    const again = status.reason === 'session_expired' ? 'Sign in again to' : 'Sign in to';
    items.push({ id: `sign-in:${profile.id}`, label: label(`${again} ${profile.name}…`) });
  }
  return items;
}

/** Builds the whole tray menu from state. */
export function buildTrayMenu(state: TrayState): MenuItemTemplate[] {
  const label = (text: string) => (state.escapeAmpersands ? text.replace(/&/g, '&&') : text);
  const active = state.profiles.find((p) => p.active) ?? state.profiles[0];
  const items: MenuItemTemplate[] = [];
  if (active) {
    items.push(...activeItems(active, state, label), { type: 'separator' });
    if (state.profiles.length > 1) {
      items.push(
        {
          id: 'switch',
          label: 'Switch profile',
          type: 'submenu',
          submenu: state.profiles.map((p) => ({
            id: `activate:${p.id}`,
            label: label(p.status.state === 'signed_in' ? p.name : `${p.name} (signed out)`),
            type: 'radio' as const,
            checked: p.id === active.id,
          })),
        },
        { type: 'separator' },
      );
    }
  }
  items.push({ id: 'open', label: active ? 'Open Token Tray…' : 'Set up Token Tray…' });
  if (active) items.push({ id: 'console', label: 'Try an API request…' });
  items.push({ id: 'settings', label: 'Settings…' }, { type: 'separator' });
  if (state.update) items.push({ id: 'install-update', ...state.update }, { type: 'separator' });
  if (active?.status.state === 'signed_in')
    items.push({ id: `sign-out:${active.id}`, label: label(`Sign out of ${active.name}`) });
  items.push({ id: 'quit', label: 'Quit Token Tray' });
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
  for (const format of COPY_FORMATS) {
    if (verb === COPY_ID_PREFIX[format]) return { kind: 'copy-token', profileId, format };
  }
  if (verb === 'sign-in') return { kind: 'sign-in', profileId };
  if (verb === 'sign-out') return { kind: 'sign-out', profileId };
  if (verb === 'activate') return { kind: 'activate', profileId };
  return null;
}
