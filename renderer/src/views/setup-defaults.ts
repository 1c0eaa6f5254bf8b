/** Defaults and links for the setup wizard: a unique name, a distinct colour, the administrators' guide. */
import { call } from '../api';
import { getState } from '../state/store';

/** Opens the administrators' help page (when one is set) in the system browser. */
export async function openAdminHelp(): Promise<void> {
  const info = getState().info ?? (await call('appInfo'));
  if (info.adminHelpUrl) await call('openExternal', info.adminHelpUrl);
}

/** Distinct default colours, so profiles are told apart at a glance. */
const palette = ['#2563eb', '#16a34a', '#c2410c', '#9333ea', '#0891b2', '#db2777', '#a16207', '#4b5563'];

/** The first palette colour no profile uses yet. */
export function nextColor(): string {
  const used = new Set(getState().profiles.map((p) => p.color?.toLowerCase()));
  return palette.find((c) => !used.has(c)) ?? palette[getState().profiles.length % palette.length] ?? '#2563eb';
}

/** A unique default name from the host, e.g. "acme.processmaker.net 2". */
export function suggestName(url: string): string {
  let base = 'ProcessMaker';
  try {
    base = new URL(url).hostname || base;
  } catch {
    // keep the generic name
  }
  const taken = new Set(getState().profiles.map((p) => p.name.toLowerCase()));
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base} ${n}`;
  return candidate;
}
