import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsFile } from '../../../../main/core/profiles';
import { createSettingsStore, setAsideReasons } from '../../../../main/core/profiles';

describe('the settings file (the same config.json for the app and pmtoken)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'token-tray-settings-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lives at <configDir>/config.json, starts empty, and round-trips profiles', async () => {
    const file = createSettingsFile(dir);
    expect(file.path).toBe(join(dir, 'config.json'));
    const store = createSettingsStore(file);
    expect(store.load()).toEqual({ schemaVersion: 1, profiles: [], activeProfileId: null });
    store.update((s) => {
      s.profiles.push({
        id: 'p1',
        name: 'Acme',
        instanceUrl: 'https://acme.processmaker.net',
        clientId: '3',
        grant: 'password',
        redirectMode: 'app',
      });
      s.activeProfileId = 'p1';
    });
    const onDisk = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as {
      profiles: Array<{ name: string }>;
    };
    expect(onDisk.profiles[0]?.name).toBe('Acme');
    expect(createSettingsStore(createSettingsFile(dir)).load().activeProfileId).toBe('p1');
  });

  it('keeps keys it does not own (the app’s window state, preferences)', async () => {
    await writeFile(
      join(dir, 'config.json'),
      JSON.stringify({ windowBounds: { width: 400 }, profiles: [], activeProfileId: null, schemaVersion: 1 }),
    );
    const store = createSettingsStore(createSettingsFile(dir));
    store.update((s) => {
      s.activeProfileId = null;
    });
    const onDisk = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk.windowBounds).toEqual({ width: 400 });
  });

  it('a file that is not JSON is kept aside as config.corrupt-<time>.json and the app starts empty', async () => {
    await writeFile(join(dir, 'config.json'), '{"profiles": [ this is not json');
    const store = createSettingsStore(createSettingsFile(dir));
    expect(store.load().profiles).toEqual([]);
    const names = await readdir(dir);
    const backup = names.find((n) => /^config\.corrupt-\d+\.json$/.test(n));
    expect(backup).toBeDefined();
    expect(await readFile(join(dir, backup!), 'utf8')).toContain('this is not json');
  });

  it('JSON with the wrong shape keeps the file: bad entries are set aside, bad top-level fields fall back', async () => {
    await writeFile(
      join(dir, 'config.json'),
      JSON.stringify({ profiles: [{ id: 1, name: null }], activeProfileId: 5 }),
    );
    const store = createSettingsStore(createSettingsFile(dir));
    const settings = store.load();
    expect(settings).toMatchObject({ schemaVersion: 1, profiles: [], activeProfileId: null });
    expect(setAsideReasons(settings)).toEqual([expect.stringContaining('Profile number 1 was set aside')]);
    expect((await readdir(dir)).some((n) => n.startsWith('config.corrupt-'))).toBe(false);
  });

  it('says where the copy of an unreadable file is, in the settings and the log', async () => {
    await writeFile(join(dir, 'config.json'), 'not json at all');
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined };
    const settings = createSettingsStore(createSettingsFile(dir, log), log).load();
    const backup = (await readdir(dir)).find((n) => n.startsWith('config.corrupt-'));
    expect(backup).toBeDefined();
    const [reason] = setAsideReasons(settings);
    expect(reason).toContain(join(dir, backup!));
    expect(warnings).toContain(reason);
    // The note is on disk too, so the next process (or pmtoken profiles) can say it again.
    expect(setAsideReasons(createSettingsStore(createSettingsFile(dir)).load())).toEqual([reason]);
  });

  it('a file damaged while running is recovered on the next read', async () => {
    const store = createSettingsStore(createSettingsFile(dir));
    store.update((s) => {
      s.activeProfileId = null;
    });
    await writeFile(join(dir, 'config.json'), 'garbage');
    expect(store.load().profiles).toEqual([]);
  });
});
