/** "Launch at login": Electron's login items on macOS and Windows, an XDG autostart entry on Linux. */
import { homedir } from 'node:os';
import { app } from 'electron';
import { autostartFile, setLinuxAutostart } from '../desktop';

/** Turns launching at login on or off. */
export function setLaunchAtLogin(enabled: boolean): void {
  if (process.platform === 'linux') {
    // An AppImage must be started through its own file, not the unpacked binary.
    const command = [process.env.APPIMAGE ?? process.execPath];
    setLinuxAutostart(autostartFile(process.env, homedir()), enabled, command);
    return;
  }
  app.setLoginItemSettings({ openAtLogin: enabled });
}
