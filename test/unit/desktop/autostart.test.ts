import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartDesktopEntry, autostartFile, setLinuxAutostart } from '../../../main/desktop';

describe('launch at login on Linux', () => {
  it('writes an XDG autostart entry and removes it again', () => {
    const home = mkdtempSync(join(tmpdir(), 'tt-home-'));
    try {
      const file = autostartFile({}, home);
      expect(file).toBe(join(home, '.config', 'autostart', 'token-tray.desktop'));
      setLinuxAutostart(file, true, ['/opt/Token Tray/token-tray']);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('[Desktop Entry]');
      expect(text).toContain('Exec="/opt/Token Tray/token-tray"');
      setLinuxAutostart(file, false, []);
      expect(existsSync(file)).toBe(false);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('honours XDG_CONFIG_HOME and quotes special characters', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/cfg' }, '/home/j')).toBe('/cfg/autostart/token-tray.desktop');
    expect(autostartDesktopEntry(['/a/b$c"d'])).toContain('Exec="/a/b\\$c\\"d"');
  });
});
