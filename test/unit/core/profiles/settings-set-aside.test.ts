import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsFile, createSettingsStore, setAsideReasons } from '../../../../main/core/profiles';

const good = (id: string, name: string) => ({
  id,
  name,
  instanceUrl: 'https://acme.processmaker.net',
  clientId: '7',
  grant: 'password',
  redirectMode: 'app',
});

describe('one profile that does not fit', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'token-tray-set-aside-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const write = (value: unknown) => writeFile(join(dir, 'config.json'), JSON.stringify(value));
  const onDisk = async () => JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;

  it('is set aside with a sentence naming it; the others keep working', async () => {
    await write({
      schemaVersion: 1,
      profiles: [good('a', 'Acme'), { ...good('b', 'Broken'), instanceUrl: 'not a url' }, good('c', 'Contoso')],
      activeProfileId: 'c',
      windowBounds: { width: 400 },
    });
    const settings = createSettingsStore(createSettingsFile(dir)).load();
    expect(settings.profiles.map((p) => p.name)).toEqual(['Acme', 'Contoso']);
    expect(settings.activeProfileId).toBe('c');
    const [reason, ...more] = setAsideReasons(settings);
    expect(more).toEqual([]);
    expect(reason).toMatch(/^The profile “Broken” was set aside because its server address is not a web address/);
    expect(reason).toContain(join(dir, 'config.json'));
    // On disk: moved out of `profiles` (so nothing else finds it), kept whole under `setAside`.
    const file = await onDisk();
    expect((file.profiles as Array<{ name: string }>).map((p) => p.name)).toEqual(['Acme', 'Contoso']);
    expect(file.setAside).toEqual([
      expect.objectContaining({ reason, profile: { ...good('b', 'Broken'), instanceUrl: 'not a url' } }),
    ]);
    expect(file.windowBounds).toEqual({ width: 400 });
  });

  it('a name with control characters, a duplicate id or a duplicate name is set aside; printed names are made safe', async () => {
    await write({
      profiles: [good('a', 'Acme'), good('e', 'Evil\u001b]0;owned\u0007'), good('a', 'Again'), good('d', 'ACME')],
    });
    const settings = createSettingsStore(createSettingsFile(dir)).load();
    expect(settings.profiles.map((p) => p.name)).toEqual(['Acme']);
    const reasons = setAsideReasons(settings);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toContain('“Evil?]0;owned?”');
    // eslint-disable-next-line no-control-regex
    for (const reason of reasons) expect(reason).not.toMatch(/[\u0000-\u001f]/);
    expect(reasons[1]).toContain('the same id');
    expect(reasons[2]).toContain('the same name');
  });

  it('a damaged list of profiles is kept in the file, not thrown away', async () => {
    await write({ profiles: { oops: true }, activeProfileId: null });
    const settings = createSettingsStore(createSettingsFile(dir)).load();
    expect(settings.profiles).toEqual([]);
    expect((await onDisk()).setAside).toEqual([expect.objectContaining({ profile: { oops: true } })]);
  });

  it('set-aside entries stay recorded when the settings change later', async () => {
    await write({ profiles: [good('a', 'Acme'), { id: 'x' }] });
    const store = createSettingsStore(createSettingsFile(dir));
    store.update((s) => {
      s.activeProfileId = 'a';
    });
    const again = createSettingsStore(createSettingsFile(dir)).load();
    expect(again.activeProfileId).toBe('a');
    expect(setAsideReasons(again)).toHaveLength(1);
  });
});
