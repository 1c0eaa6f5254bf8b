import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenTrayError } from '../../../../main/core/errors';
import { createSettingsFile, createSettingsStore, nameProblem, PROFILE_NAME_MAX } from '../../../../main/core/profiles';
import { addProfileSettings, duplicateProfileSettings, updateProfileSettings } from '../../../../main/core/profiles';

describe('profile names (one rule for the window, the tray and pmtoken)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'token-tray-names-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const store = () => createSettingsStore(createSettingsFile(dir));
  const add = (name: string) =>
    addProfileSettings(store(), { name, instanceUrl: 'acme.example.com', clientId: '7', grant: 'password' });
  const refusal = (work: () => unknown): string => {
    try {
      work();
    } catch (err) {
      if (err instanceof TokenTrayError && err.code === 'invalid_input') return err.message;
      throw err;
    }
    throw new Error('expected invalid_input');
  };

  it.each([
    ['NUL', 'a\u0000b'],
    ['ESC sequence', 'title\u001b]0;owned\u0007'],
    ['BEL', 'ding\u0007'],
    ['newline', 'two\nlines'],
    ['C1 control', 'csi\u009b2J'],
    ['bidi override', 'abc\u202edcba'],
  ])('refuses a name with %s', (_, name) => {
    expect(refusal(() => add(name))).toBe('A profile name cannot contain control characters.');
    expect(store().load().profiles).toEqual([]);
  });

  it(`caps names at ${PROFILE_NAME_MAX} characters (counted as characters, not UTF-16 units)`, () => {
    expect(refusal(() => add('x'.repeat(PROFILE_NAME_MAX + 1)))).toBe(
      `The profile name is too long (${PROFILE_NAME_MAX} characters at most).`,
    );
    expect(add('😀'.repeat(PROFILE_NAME_MAX)).name).toHaveLength(PROFILE_NAME_MAX * 2);
    expect(nameProblem('Acme  (prod)')).toBeNull();
    // Invisible direction marks and line separators reorder or break a line as surely as ESC does.
    for (const mark of ['\u200e', '\u200f', '\u2028', '\u2029'])
      expect(nameProblem(`Ac${mark}me`)).toEqual({ key: 'error.profile.name_control' });
  });

  it('applies the same rule when renaming or copying', () => {
    const acme = add('Acme');
    expect(refusal(() => updateProfileSettings(store(), acme.id, { name: 'Acme\u001b[2J' }))).toContain(
      'control characters',
    );
    expect(refusal(() => duplicateProfileSettings(store(), acme.id, 'copy\u0007'))).toContain('control characters');
    expect(
      store()
        .load()
        .profiles.map((p) => p.name),
    ).toEqual(['Acme']);
  });
});
