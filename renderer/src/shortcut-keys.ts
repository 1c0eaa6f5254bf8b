/**
 * The copy shortcut as people press and read it: a key press becomes an Electron accelerator
 * ("CommandOrControl+Shift+T"), and an accelerator is shown as the system writes it (⌘⇧T on macOS,
 * Ctrl+Shift+T elsewhere, with the modifiers' names in the active language: Strg+Umschalt+T).
 */
import { t } from './i18n';

/** The parts of a keyboard event the recorder reads. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** What a key press gives: an accelerator, a press of modifiers alone (keep listening), or a key without a modifier. */
export type Recorded = { accelerator: string } | { waiting: true } | { problem: string };

const named: Record<string, string> = {
  Space: 'Space',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Enter: 'Enter',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  Backslash: '\\',
};

/** The accelerator's key for a physical key (`code`, so the layout and Shift do not change it), or null. */
function keyOf(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1] ?? null;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (digit) return digit[1] ?? null;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return named[code] ?? null;
}

/** Reads one key press on `platform` (Node's names: darwin, win32, linux). */
export function recordShortcut(press: KeyPress, platform: string): Recorded {
  if (['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'OS'].includes(press.key)) return { waiting: true };
  const key = keyOf(press.code);
  if (key === null) return { problem: t('window.settings.shortcut.badKey') };
  const mac = platform === 'darwin';
  const parts: string[] = [];
  // The "main" modifier is ⌘ on macOS and Ctrl elsewhere: CommandOrControl works on both.
  if (mac ? press.metaKey : press.ctrlKey) parts.push('CommandOrControl');
  if (mac && press.ctrlKey) parts.push('Control');
  if (press.altKey) parts.push('Alt');
  if (press.shiftKey) parts.push('Shift');
  if (!mac && press.metaKey) parts.push('Super');
  if (parts.length === 0) return { problem: t('window.settings.shortcut.needsModifier') };
  return { accelerator: [...parts, key].join('+') };
}

/** `CommandOrControl+Shift+T` as the system writes it: ⌘⇧T on macOS, Ctrl+Shift+T elsewhere. */
export function displayShortcut(accelerator: string, platform: string): string {
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  if (platform === 'darwin') {
    // macOS's own order: Control, Option, Shift, Command.
    const symbols = [
      mods.has('control') || mods.has('ctrl') ? '⌃' : '',
      mods.has('alt') || mods.has('option') ? '⌥' : '',
      mods.has('shift') ? '⇧' : '',
      mods.has('commandorcontrol') || mods.has('cmdorctrl') || mods.has('command') || mods.has('cmd') ? '⌘' : '',
    ];
    return `${symbols.join('')}${key}`;
  }
  const words = [
    mods.has('commandorcontrol') || mods.has('cmdorctrl') || mods.has('control') || mods.has('ctrl')
      ? t('window.keys.ctrl')
      : '',
    mods.has('alt') || mods.has('altgr') ? t('window.keys.alt') : '',
    mods.has('shift') ? t('window.keys.shift') : '',
    mods.has('super') || mods.has('meta') ? (platform === 'win32' ? t('window.keys.win') : t('window.keys.super')) : '',
  ].filter(Boolean);
  return [...words, key].join('+');
}
