import { lstatSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../../../main/core/engine';
import { storageError, writeFileAtomic, writePrivateFileAtomic } from '../../../../main/core/files';
import { createSettingsFile, createSettingsStore } from '../../../../main/core/profiles';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('files in the settings folder', () => {
  let dir: string;
  let umask: number;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'token-tray-private-'));
    umask = process.umask(0o022);
  });
  afterEach(async () => {
    process.umask(umask);
    await rm(dir, { recursive: true, force: true });
  });

  it('a symlinked config.json is replaced, never written through: the file it points to stays as it was', async () => {
    const other = join(dir, 'other.json');
    await writeFile(other, '{"mine":true}\n');
    await mkdir(join(dir, 'settings'));
    await symlink(other, join(dir, 'settings', 'config.json'));
    const store = createSettingsStore(createSettingsFile(join(dir, 'settings')));
    store.update((s) => {
      s.activeProfileId = null;
      s.note = 'written by Token Tray';
    });
    expect(await readFile(other, 'utf8')).toBe('{"mine":true}\n');
    expect(lstatSync(join(dir, 'settings', 'config.json')).isFile()).toBe(true);
    expect(await readFile(join(dir, 'settings', 'config.json'), 'utf8')).toContain('written by Token Tray');
  });

  it('with umask 022 the folder is 0700 and every file 0600 (settings, lock, endpoint cache)', async () => {
    const configDir = join(dir, 'nested', 'Token Tray');
    createSettingsStore(createSettingsFile(configDir)).update((s) => {
      s.activeProfileId = null;
    });
    expect(mode(configDir)).toBe(0o700);
    expect(mode(join(configDir, 'config.json'))).toBe(0o600);
    const lock = join(configDir, 'refresh-p.lock');
    await withFileLock(lock, async () => {
      expect(mode(lock)).toBe(0o600);
    });
    writePrivateFileAtomic(join(configDir, 'openapi-cache', 'p.json'), '{}');
    expect(mode(join(configDir, 'openapi-cache'))).toBe(0o700);
    expect(mode(join(configDir, 'openapi-cache', 'p.json'))).toBe(0o600);
    expect((await readdir(configDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('narrows a settings folder an older version made 0755, and makes the replaced file 0600', async () => {
    const configDir = join(dir, 'Token Tray');
    await mkdir(configDir, { mode: 0o755 });
    await writeFile(join(configDir, 'config.json'), '{"profiles":[]}', { mode: 0o644 });
    await chmod(configDir, 0o755);
    createSettingsStore(createSettingsFile(configDir)).update((s) => {
      s.activeProfileId = null;
    });
    expect(mode(configDir)).toBe(0o700);
    expect(mode(join(configDir, 'config.json'))).toBe(0o600);
  });

  it('leaves a shared sticky folder (like /tmp) as it is', async () => {
    const shared = join(dir, 'shared');
    await mkdir(shared);
    await chmod(shared, 0o1777);
    createSettingsStore(createSettingsFile(shared)).update(() => undefined);
    expect(statSync(shared).mode & 0o7777).toBe(0o1777);
  });

  it('the careful writer makes a file with the mode asked for (0600 unless told), and leaves nothing behind when it fails', async () => {
    writeFileAtomic(join(dir, 'private.json'), '{}');
    writeFileAtomic(join(dir, 'entry.desktop'), '[Desktop Entry]\n', { mode: 0o644 });
    expect(mode(join(dir, 'private.json'))).toBe(0o600);
    expect(mode(join(dir, 'entry.desktop'))).toBe(0o644);
    // A folder where the file should be: the rename fails, the error is left as it is, no temporary file stays.
    await mkdir(join(dir, 'taken'));
    expect(() => writeFileAtomic(join(dir, 'taken'), 'x')).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    expect((await readdir(dir)).sort()).toEqual(['entry.desktop', 'private.json', 'taken']);
  });

  it('a full or read-only disk becomes its own plain error; anything else is left alone', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(storageError(err('ENOSPC'), '/cfg')).toMatchObject({
      code: 'storage_full',
      message: 'The disk that holds Token Tray’s settings is full, so nothing was changed.',
      nextStep: 'Free some space on the disk that holds /cfg, then try again.',
    });
    expect(storageError(err('EROFS'), '/cfg')?.code).toBe('storage_read_only');
    expect(storageError(err('EACCES'), '/cfg')?.code).toBe('storage_read_only');
    expect(storageError(err('EIO'), '/cfg')).toBeNull();
  });
});
