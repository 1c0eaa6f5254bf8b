/**
 * `pmtoken token` (needing a refresh) and `pmtoken add` with the settings
 * folder on a full, then a read-only, file system: a tiny tmpfs mounted for
 * this file (the test machine runs as root). Where mounting is not allowed the
 * tests are reported as skipped, never as passed.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, writeSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPmServer, type PmServer } from '../../server';
import { buildCli, runCli, type BuiltCli } from './support/cli';
import { passwordProfile } from './support/profiles';

const mountPoint = mkdtempSync(join(tmpdir(), 'pmtoken-tmpfs-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', mountPoint], { stdio: 'ignore' });
  mounted = true;
} catch {
  rmdirSync(mountPoint);
}

/** Fills the file system until it has no room left; returns the filler's path. */
function fill(dir: string): string {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
  return path;
}

describe.skipIf(!mounted)('pmtoken with the settings folder on a full or read-only disk', () => {
  let cli: BuiltCli;
  let pm: PmServer;
  const configDir = join(mountPoint, 'Token Tray');
  const run = (args: string[]) => runCli(cli, ['--config-dir', configDir, ...args]);
  // With the client's secret: the client check passes, and the write to the full disk is what fails.
  const addOther = () =>
    runCli(
      cli,
      [
        '--config-dir',
        configDir,
        'add',
        'other',
        '--url',
        pm.url,
        '--client-id',
        String(pm.seed.passwordClient.id),
        '--grant',
        'password',
        '--client-secret-stdin',
      ],
      { stdin: `${pm.seed.passwordClient.secret ?? ''}\n` },
    );
  const locks = async () => (await readdir(configDir)).filter((n) => n.includes('.lock') || n.endsWith('.tmp'));
  const profileNames = async () =>
    (
      JSON.parse(await readFile(join(configDir, 'config.json'), 'utf8')) as { profiles: Array<{ name: string }> }
    ).profiles.map((p) => p.name);

  beforeAll(async () => {
    // One-second tokens: after a short wait every `pmtoken token` needs a refresh.
    [cli, pm] = await Promise.all([
      buildCli(),
      startPmServer({ config: { accessTokenTtl: 1, rotateRefreshTokens: true } }),
    ]);
    await passwordProfile(cli, configDir, pm, 'acme');
  });
  afterAll(async () => {
    await runCli(cli, ['--config-dir', configDir, 'remove', 'acme']).catch(() => undefined);
    execFileSync('umount', [mountPoint]);
    rmdirSync(mountPoint);
    await Promise.all([cli?.dispose(), pm?.close()]);
  });

  /** Waits until the stored one-second token has expired. */
  const expired = () => new Promise((resolve) => setTimeout(resolve, 1_100));

  it('full: a plain sentence, no half-made lock, nothing sent to the token endpoint; afterwards the refresh token still works', async () => {
    const filler = fill(mountPoint);
    try {
      await expired();
      pm.stats.reset();
      const token = await run(['token', 'acme']);
      // Compared as a boolean, so a failure never prints a token.
      expect(token.stdout === '').toBe(true);
      expect(token.stderr).toContain(
        'pmtoken: The disk that holds Token Tray’s settings is full, so nothing was changed.',
      );
      expect(token.stderr).toContain(`Free some space on the disk that holds ${configDir}`);
      expect(token.code).toBe(1);
      expect(pm.stats.tokenRequests).toBe(0);
      expect(await locks()).toEqual([]);

      const added = await addOther();
      expect(added.stderr).toContain('The disk that holds Token Tray’s settings is full');
      expect(added.code).toBe(1);
      expect(await profileNames()).toEqual(['acme']);
      expect(await locks()).toEqual([]);
      // The add asked ProcessMaker about its Auth Client first (a request that cannot return a token).
      pm.stats.reset();
    } finally {
      await rm(filler);
    }
    const again = await run(['token', 'acme']);
    expect(again.code).toBe(0);
    expect(again.stdout.trim().length).toBeGreaterThan(20);
    expect(pm.stats.tokenRequests).toBe(1);
  });

  it('read-only: its own plain sentence, nothing sent; afterwards the refresh token still works', async () => {
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    try {
      await expired();
      pm.stats.reset();
      const token = await run(['token', 'acme']);
      // Compared as a boolean, so a failure never prints a token.
      expect(token.stdout === '').toBe(true);
      expect(token.stderr).toContain('pmtoken: Token Tray cannot save to its settings folder (it is read-only)');
      expect(pm.stats.tokenRequests).toBe(0);
      const added = await addOther();
      expect(added.stderr).toContain('Token Tray cannot save to its settings folder (it is read-only)');
      expect(await profileNames()).toEqual(['acme']);
      // The add asked ProcessMaker about its Auth Client first (a request that cannot return a token).
      pm.stats.reset();
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
    const again = await run(['token', 'acme']);
    expect(again.code).toBe(0);
    expect(pm.stats.tokenRequests).toBe(1);
    expect(await locks()).toEqual([]);
  });
});
