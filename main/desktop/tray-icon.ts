/**
 * Which tray image shows the app's state on each system (macOS template images, light and dark panels elsewhere).
 */

/** Which tray image file to load. */
export function trayIconFile(platform: NodeJS.Platform, darkPanel: boolean, signedIn: boolean): string {
  // macOS recolours "…Template" images for light, dark and highlighted menu bars itself.
  if (platform === 'darwin') return signedIn ? 'trayTemplate.png' : 'traySignedOutTemplate.png';
  const state = signedIn ? 'tray' : 'tray-signed-out';
  return `${state}-${darkPanel ? 'dark' : 'light'}.png`;
}
