import { describe, expect, it } from 'vitest';
import { displayShortcut, recordShortcut, type KeyPress } from '../../../renderer/src/shortcut-keys';

const press = (code: string, mods: Partial<KeyPress> = {}, key = code.replace(/^Key/, '').toLowerCase()): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('recording the copy shortcut from the keys pressed', () => {
  it('Ctrl on Windows and Linux, ⌘ on macOS, both become CommandOrControl', () => {
    expect(recordShortcut(press('KeyT', { ctrlKey: true, shiftKey: true }), 'linux')).toEqual({
      accelerator: 'CommandOrControl+Shift+T',
    });
    expect(recordShortcut(press('KeyT', { metaKey: true, shiftKey: true }), 'darwin')).toEqual({
      accelerator: 'CommandOrControl+Shift+T',
    });
    expect(recordShortcut(press('KeyK', { ctrlKey: true, altKey: true }), 'darwin')).toEqual({
      accelerator: 'Control+Alt+K',
    });
    expect(recordShortcut(press('F5', { metaKey: true }), 'win32')).toEqual({ accelerator: 'Super+F5' });
  });

  it('reads the physical key, so Shift or the keyboard layout does not change it', () => {
    expect(recordShortcut(press('Digit1', { ctrlKey: true, shiftKey: true }, '!'), 'linux')).toEqual({
      accelerator: 'CommandOrControl+Shift+1',
    });
    expect(recordShortcut(press('ArrowUp', { altKey: true }, 'ArrowUp'), 'linux')).toEqual({ accelerator: 'Alt+Up' });
  });

  it('waits while only modifiers are down, and refuses a key without one, in plain words', () => {
    expect(recordShortcut(press('ShiftLeft', { shiftKey: true }, 'Shift'), 'linux')).toEqual({ waiting: true });
    expect(recordShortcut(press('KeyT'), 'linux')).toEqual({
      problem: 'Hold Ctrl, Alt or Shift (⌘ on a Mac) while you press the key, so no other app loses it.',
    });
    expect(recordShortcut(press('CapsLock', { ctrlKey: true }, 'CapsLock'), 'linux')).toMatchObject({
      problem: expect.stringMatching(/cannot be part of a shortcut/),
    });
  });
});

describe('showing a shortcut as the system writes it', () => {
  it('macOS symbols in macOS order; words elsewhere', () => {
    expect(displayShortcut('CommandOrControl+Shift+T', 'darwin')).toBe('⇧⌘T');
    expect(displayShortcut('Control+Alt+Shift+CommandOrControl+K', 'darwin')).toBe('⌃⌥⇧⌘K');
    expect(displayShortcut('CommandOrControl+Shift+T', 'win32')).toBe('Ctrl+Shift+T');
    expect(displayShortcut('Super+Alt+F5', 'linux')).toBe('Alt+Super+F5');
    expect(displayShortcut('Super+F5', 'win32')).toBe('Win+F5');
  });
});
