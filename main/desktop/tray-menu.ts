/**
 * The tray's menu and tooltip as plain data, built by pure functions from the
 * profiles and the time. The shell turns the template into an Electron menu
 * and routes clicks by item id ({@link parseMenuId}); no Electron types here.
 */
import type { CopyFormat } from '../contract/ipc';
import { TOKEN_FORMATS as COPY_FORMATS } from '../core';
import { renewalProblem, type ProfileView } from '../core';
import { english, type MessageKey, type Translator } from '../i18n';

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
  /** The words and the formats of times and dates ("until 15:31"); English by default. */
  say?: Translator;
}

/** What a click on a menu item asks for. */
export type MenuAction =
  | { kind: 'copy-token'; profileId: string; format: CopyFormat }
  | { kind: 'sign-in'; profileId: string }
  | { kind: 'sign-out'; profileId: string }
  | { kind: 'activate'; profileId: string }
  /** The window's token view of a profile, which says why renewal fails and what to do. */
  | { kind: 'show-profile'; profileId: string }
  | { kind: 'open' | 'console' | 'settings' | 'install-update' | 'quit' };

/** The menu's words for each copy form (keys of the app catalogue), in the order the window shows them. */
const COPY_FORMAT_LABELS = {
  raw: 'tray.format.raw',
  bearer: 'tray.format.bearer',
  header: 'tray.format.header',
  env: 'tray.format.env',
} as const satisfies Readonly<Record<CopyFormat, MessageKey>>;

/** Menu item id prefix for each copy form: `copy:<id>` is the token itself. */
const COPY_ID_PREFIX: Readonly<Record<CopyFormat, string>> = {
  raw: 'copy',
  bearer: 'copy-bearer',
  header: 'copy-header',
  env: 'copy-env',
};

/** "less than a minute", "42 min", "3 h 5 min", "2 days", in the translator's language. */
export function formatDuration(ms: number, say: Translator = english): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return say.t('tray.duration.under_a_minute');
  if (minutes < 60) return say.t('tray.duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48)
    return minutes % 60 === 0
      ? say.t('tray.duration.hours', { hours })
      : say.t('tray.duration.hours_minutes', { hours, minutes: minutes % 60 });
  return say.t('tray.duration.days', { days: Math.floor(hours / 24) });
}

/** "15:31" today, "2 Dec 15:31" on another day, in the translator's locale. */
function formatWhen(at: number, now: number, say: Translator): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return say.dateTime(at, options);
}

/**
 * One honest line per profile: "Signed in as Jane Doe · renews automatically", "Can't reach ProcessMaker ·
 * token works until 15:31", "Sign-in expired", ...
 */
export function statusLine(profile: ProfileView, now: number, say: Translator = english): string {
  const status = profile.status;
  if (status.state === 'keychain_unavailable') return say.t('tray.status.keychain');
  if (status.state === 'signed_out') {
    // The window's badge on its sign-in screen says the same words, from the same key.
    return say.t(status.reason === 'session_expired' ? 'common.status.sign_in_expired' : 'tray.status.signed_out');
  }
  const who = status.user
    ? say.t('tray.status.signed_in_as', { name: status.user.name })
    : say.t('tray.status.signed_in');
  const line = (first: string, detail: string): string => say.t('tray.status.line', { first, detail });
  const left = status.expiresAt === null ? null : status.expiresAt - now;
  if (status.renewalError) {
    const problem = say.t(renewalProblem(status.renewalError.code));
    if (left === null) return problem;
    return left > 0
      ? line(problem, say.t('tray.status.works_until', { time: formatWhen(status.expiresAt ?? now, now, say) }))
      : line(problem, say.t('tray.status.expired'));
  }
  if (status.refreshable) return line(who, say.t('tray.status.renews'));
  if (left === null) return who;
  if (left <= 0) return line(who, say.t('tray.status.expired'));
  if (left < 48 * 3_600_000) return line(who, say.t('tray.status.expires_in', { duration: formatDuration(left, say) }));
  const date = say.dateTime(status.expiresAt ?? now, { dateStyle: 'medium' });
  return line(who, say.t('tray.status.valid_until', { date }));
}

/** The tray icon's tooltip: the active profile and its state. */
export function buildTrayTooltip(state: Pick<TrayState, 'profiles' | 'now' | 'say'>): string {
  const say = state.say ?? english;
  const active = state.profiles.find((p) => p.active) ?? state.profiles[0];
  if (!active) return say.t('tray.tooltip.empty');
  return say.t('tray.tooltip', { name: active.name, status: statusLine(active, state.now, say) });
}

/** The active profile's block: its state, then only the actions that apply to it now. */
function activeItems(profile: ProfileView, state: TrayState, label: (text: string) => string): MenuItemTemplate[] {
  const say = state.say ?? english;
  const name = profile.name;
  const items: MenuItemTemplate[] = [
    {
      id: `status:${profile.id}`,
      label: label(say.t('tray.status_item', { name, status: statusLine(profile, state.now, say) })),
      enabled: false,
    },
  ];
  const status = profile.status;
  if (status.state === 'signed_in') {
    items.push(
      { id: `copy:${profile.id}`, label: label(say.t('tray.copy_token', { name })) },
      {
        id: `formats:${profile.id}`,
        label: say.t('tray.other_formats'),
        type: 'submenu',
        submenu: (['bearer', 'header', 'env'] as const).map((format) => ({
          id: `${COPY_ID_PREFIX[format]}:${profile.id}`,
          label: say.t(COPY_FORMAT_LABELS[format]),
        })),
      },
    );
    // ProcessMaker refuses to renew: the window says why and what to do (it will not mend by itself).
    if (status.renewalError && renewalProblem(status.renewalError.code) === 'error.renewal.refused')
      items.push({ id: `show-profile:${profile.id}`, label: say.t('tray.renewal_refused.what_to_do') });
  } else if (status.state === 'signed_out') {
    const key = status.reason === 'session_expired' ? 'tray.sign_in_again' : 'tray.sign_in';
    items.push({ id: `sign-in:${profile.id}`, label: label(say.t(key, { name })) });
  }
  return items;
}

/** Builds the whole tray menu from state. */
export function buildTrayMenu(state: TrayState): MenuItemTemplate[] {
  const say = state.say ?? english;
  const label = (text: string) => (state.escapeAmpersands ? text.replace(/&/g, '&&') : text);
  const active = state.profiles.find((p) => p.active) ?? state.profiles[0];
  const items: MenuItemTemplate[] = [];
  if (active) {
    items.push(...activeItems(active, state, label), { type: 'separator' });
    if (state.profiles.length > 1) {
      items.push(
        {
          id: 'switch',
          label: say.t('tray.switch'),
          type: 'submenu',
          submenu: state.profiles.map((p) => ({
            id: `activate:${p.id}`,
            label: label(p.status.state === 'signed_in' ? p.name : say.t('tray.switch.signed_out', { name: p.name })),
            type: 'radio' as const,
            checked: p.id === active.id,
          })),
        },
        { type: 'separator' },
      );
    }
  }
  items.push({ id: 'open', label: say.t(active ? 'tray.open' : 'tray.set_up') });
  if (active) items.push({ id: 'console', label: say.t('tray.console') });
  items.push({ id: 'settings', label: say.t('tray.settings') }, { type: 'separator' });
  if (state.update) items.push({ id: 'install-update', ...state.update }, { type: 'separator' });
  // Quit stands apart: Sign out, right above it, is not hit by a hand aiming for Quit.
  if (active?.status.state === 'signed_in')
    items.push(
      { id: `sign-out:${active.id}`, label: label(say.t('tray.sign_out', { name: active.name })) },
      { type: 'separator' },
    );
  items.push({ id: 'quit', label: say.t('tray.quit') });
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
  if (verb === 'show-profile') return { kind: 'show-profile', profileId };
  return null;
}
