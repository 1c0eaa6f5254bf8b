/**
 * The window's state: profiles, preferences, app facts and the current view.
 * A tiny observable; views subscribe and re-render what they own.
 */
import type { AppInfo, AppPreferences, ProfileView } from '../../../main/contract/ipc';
import { call } from '../api';

/** The screens of the window. */
export type ViewName = 'setup' | 'token' | 'console' | 'profiles' | 'settings';

/** Everything views read. */
export interface State {
  profiles: ProfileView[];
  prefs: AppPreferences | null;
  info: AppInfo | null;
  view: ViewName;
}

type Listener = (state: State, changed: ReadonlyArray<keyof State>) => void;

const state: State = { profiles: [], prefs: null, info: null, view: 'token' };
const listeners = new Set<Listener>();

/** The current state (read-only by convention). */
export function getState(): Readonly<State> {
  return state;
}

/** Merges a patch and notifies listeners with the keys that changed. */
export function setState(patch: Partial<State>): void {
  const changed = Object.keys(patch) as Array<keyof State>;
  Object.assign(state, patch);
  for (const listener of listeners) listener(state, changed);
}

/** Subscribes; returns an unsubscribe function. */
export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The active profile, or the first one, or null. */
export function activeProfile(): ProfileView | null {
  return state.profiles.find((p) => p.active) ?? state.profiles[0] ?? null;
}

/** Reloads the profile list from main. */
export async function reloadProfiles(): Promise<ProfileView[]> {
  const profiles = await call('listProfiles');
  setState({ profiles });
  return profiles;
}

const themeKey = 'token-tray.theme';

/** Applies the theme preference to the document and remembers it (not a secret) for the next start. */
export function applyTheme(theme: AppPreferences['theme']): void {
  document.documentElement.dataset['theme'] = theme;
  try {
    localStorage.setItem(themeKey, theme);
  } catch {
    // storage may be unavailable; the preference still arrives from main
  }
}

/** The theme used last time, so the first paint does not flash the wrong colours. */
export function rememberedTheme(): AppPreferences['theme'] {
  try {
    const value = localStorage.getItem(themeKey);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Saves preference changes and applies them. */
export async function savePreferences(patch: Partial<AppPreferences>): Promise<AppPreferences> {
  const prefs = await call('setPreferences', patch);
  applyTheme(prefs.theme);
  setState({ prefs });
  return prefs;
}
