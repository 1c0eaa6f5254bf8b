/** Defaults and links for the setup wizard: a unique name, a distinct colour, the administrators' guide. */
import { nextProfileColor } from '../../../main/core/model';
import { call } from '../api';
import { getState } from '../state/store';

/** Opens the administrators' help page (when one is set) in the system browser. */
export async function openAdminHelp(): Promise<void> {
  const info = getState().info ?? (await call('appInfo'));
  if (info.adminHelpUrl) await call('openExternal', info.adminHelpUrl);
}

/** The colour the wizard proposes: the first of core's list no profile uses yet (core picks the same). */
export function nextColor(): string {
  return nextProfileColor(getState().profiles);
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
