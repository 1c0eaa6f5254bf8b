import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenTrayError } from '../../../main/core/errors';
import {
  createPreferencesStore,
  defaultPreferences,
  isValidAccelerator,
  sanitizePreferences,
} from '../../../main/desktop';
import type { AppPreferences } from '../../../main/contract/ipc';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tt-prefs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function updateError(patch: unknown): TokenTrayError {
  const store = createPreferencesStore(dir);
  try {
    store.update(patch as Partial<AppPreferences>);
  } catch (err) {
    if (err instanceof TokenTrayError) return err;
    throw err;
  }
  throw new Error('update accepted an invalid patch');
}

describe('preferences', () => {
  it('starts from the defaults when there is no file', () => {
    expect(createPreferencesStore(dir).get()).toEqual({
      clipboardClearSeconds: 60,
      launchAtLogin: false,
      copyShortcut: null,
      theme: 'system',
      language: 'system',
    });
  });

  it('saves a change and a new store reads it back', () => {
    const store = createPreferencesStore(dir);
    const next = store.update({ theme: 'dark', copyShortcut: 'CommandOrControl+Shift+T' });
    expect(next.theme).toBe('dark');
    const reopened = createPreferencesStore(dir).get();
    expect(reopened).toEqual({ ...defaultPreferences, theme: 'dark', copyShortcut: 'CommandOrControl+Shift+T' });
    // The file keeps what the person chose; the rest stays the defaults (built-in, or the organisation's).
    expect(JSON.parse(readFileSync(join(dir, 'preferences.json'), 'utf8'))).toEqual({
      theme: 'dark',
      copyShortcut: 'CommandOrControl+Shift+T',
    });
  });

  it('writes atomically, leaving no temporary files behind', () => {
    const store = createPreferencesStore(dir);
    for (let i = 1; i <= 5; i++) store.update({ clipboardClearSeconds: i * 10 });
    expect(readdirSync(dir)).toEqual(['preferences.json']);
  });

  it.each([
    [{ clipboardClearSeconds: -1 }, /whole number of seconds/],
    [{ clipboardClearSeconds: 2.5 }, /whole number of seconds/],
    [{ clipboardClearSeconds: 99999 }, /between 0 and 3600/],
    [{ launchAtLogin: 'yes' }, /on or off/],
    [{ theme: 'purple' }, /system, light or dark/],
    [{ copyShortcut: 'T' }, /modifier key/],
    [{ copyShortcut: 'Ctrl+Banana' }, /modifier key/],
    [{ fontSize: 12 }, /does not exist/],
  ])('refuses %j with a plain sentence', (patch, message) => {
    const err = updateError(patch);
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(message);
    expect(err.message).not.toMatch(/[{}[\]]/);
  });

  it('a refused change leaves the stored preferences untouched', () => {
    const store = createPreferencesStore(dir);
    store.update({ theme: 'light' });
    expect(() => store.update({ theme: 'light', clipboardClearSeconds: -5 })).toThrow(TokenTrayError);
    expect(createPreferencesStore(dir).get().theme).toBe('light');
    expect(store.get().clipboardClearSeconds).toBe(60);
  });

  it('turning the shortcut off stores null', () => {
    const store = createPreferencesStore(dir);
    store.update({ copyShortcut: 'Alt+Shift+C' });
    expect(store.update({ copyShortcut: null }).copyShortcut).toBeNull();
  });

  it('keeps the valid fields of a damaged file and defaults the rest', () => {
    writeFileSync(
      join(dir, 'preferences.json'),
      JSON.stringify({ theme: 'dark', clipboardClearSeconds: 'soon', launchAtLogin: true }),
    );
    expect(createPreferencesStore(dir).get()).toEqual({ ...defaultPreferences, theme: 'dark', launchAtLogin: true });
  });

  it('starts from the defaults when the file is not JSON', () => {
    writeFileSync(join(dir, 'preferences.json'), '{not json');
    expect(createPreferencesStore(dir).get()).toEqual(defaultPreferences);
    expect(sanitizePreferences(null)).toEqual(defaultPreferences);
  });

  it('tells listeners about each saved change', () => {
    const store = createPreferencesStore(dir);
    const seen: AppPreferences[] = [];
    const stop = store.onChange((p) => seen.push(p));
    store.update({ launchAtLogin: true });
    stop();
    store.update({ launchAtLogin: false });
    expect(seen.map((p) => p.launchAtLogin)).toEqual([true]);
  });

  it('accepts accelerators with modifiers and refuses bare or odd keys', () => {
    for (const ok of ['CommandOrControl+Shift+T', 'Ctrl+Alt+F12', 'Super+Space', 'Alt+1'])
      expect(isValidAccelerator(ok)).toBe(true);
    for (const bad of ['', 'T', 'Shift', 'Ctrl+Ctrl+T', 'Ctrl+Shift+', 'Hyper+T', 'Ctrl+TT'])
      expect(isValidAccelerator(bad)).toBe(false);
  });
});

describe('the organisation’s Defaults (preferences the person starts with and may change)', () => {
  it('fill in what the person has not chosen; a choice of theirs wins and is all the file keeps', () => {
    let provisioned: unknown = { theme: 'dark', clipboardClearSeconds: 30, launchAtLogin: 'yes', unknown: 1 };
    const store = createPreferencesStore(dir, { provisioned: () => provisioned });
    // A value the preferences' own rules refuse ('yes') is left out: the built-in default stays.
    expect(store.get()).toMatchObject({ theme: 'dark', clipboardClearSeconds: 30, launchAtLogin: false });
    store.update({ theme: 'light' });
    expect(JSON.parse(readFileSync(join(dir, 'preferences.json'), 'utf8'))).toEqual({ theme: 'light' });
    // The organisation changes its Defaults later: what the person chose stays theirs, the rest follows.
    provisioned = { theme: 'dark', clipboardClearSeconds: 20 };
    expect(store.get()).toMatchObject({ theme: 'light', clipboardClearSeconds: 20 });
    expect(createPreferencesStore(dir, { provisioned: () => provisioned }).get().theme).toBe('light');
    // Without Defaults: the built-in ones.
    expect(createPreferencesStore(dir).get().clipboardClearSeconds).toBe(60);
  });

  it('the Defaults policy is an object, or its JSON text where the store holds text (the registry)', async () => {
    const { parsePolicyValues } = await import('../../../main/core');
    expect(parsePolicyValues({ Defaults: '{"theme":"dark"}' }).values.Defaults).toEqual({ theme: 'dark' });
    expect(parsePolicyValues({ Defaults: { language: 'de' } }).values.Defaults).toEqual({ language: 'de' });
    expect(parsePolicyValues({ Defaults: 'not json' }).problems).toHaveLength(1);
  });
});
