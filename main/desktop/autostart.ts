/**
 * "Launch at login" on Linux, where Electron's setLoginItemSettings does not
 * apply: an XDG autostart desktop entry. Pure text plus one file write.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core';

/** Where the autostart entry goes: `$XDG_CONFIG_HOME/autostart` or `~/.config/autostart`. */
export function autostartFile(env: Record<string, string | undefined>, home: string): string {
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const base = xdg && xdg.startsWith('/') ? xdg : join(home, '.config');
  return join(base, 'autostart', 'token-tray.desktop');
}

/** Quotes one Exec argument as the Desktop Entry spec requires. */
function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_./-]+$/.test(arg)) return arg;
  return `"${arg.replace(/([\\"`$])/g, '\\$1')}"`;
}

/** The desktop entry that starts Token Tray hidden in the tray. */
export function autostartDesktopEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Token Tray',
    'Comment=ProcessMaker access tokens in your tray',
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes or removes the autostart entry. */
export function setLinuxAutostart(file: string, enabled: boolean, command: readonly string[]): void {
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileAtomic(file, autostartDesktopEntry(command), { mode: 0o644 });
}
