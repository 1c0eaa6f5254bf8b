import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../../../main/core/engine';

describe('the cross-process lock file', () => {
  let dir: string;
  let lock: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'token-tray-lock-'));
    lock = join(dir, 'refresh-p.lock');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('holds pid and time while the work runs, and is gone afterwards', async () => {
    const seen = await withFileLock(
      lock,
      async () => JSON.parse(await readFile(lock, 'utf8')) as { pid: number; at: number },
    );
    expect(seen.pid).toBe(process.pid);
    expect(seen.at).toBeTypeOf('number');
    await expect(stat(lock)).rejects.toThrow();
  });

  it('runs holders one at a time', async () => {
    const order: string[] = [];
    const job = (name: string) =>
      withFileLock(lock, async () => {
        order.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, 30));
        order.push(`${name}:end`);
      });
    await Promise.all([job('a'), job('b'), job('c')]);
    for (let i = 0; i < order.length; i += 2) expect(order[i]!.split(':')[0]).toBe(order[i + 1]!.split(':')[0]);
  });

  it('is released when the work throws', async () => {
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(stat(lock)).rejects.toThrow();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
    await writeFile(lock, JSON.stringify({ pid: deadPid, at: Date.now(), host: hostname() }));
    expect(await withFileLock(lock, async () => 'ran', { waitMs: 2_000 })).toBe('ran');
  });

  it('takes over a lock that is older than the stale limit, even from a live process', async () => {
    await writeFile(lock, JSON.stringify({ pid: process.ppid, at: Date.now() - 120_000, host: hostname() }));
    const old = new Date(Date.now() - 120_000);
    await utimes(lock, old, old);
    expect(await withFileLock(lock, async () => 'ran', { waitMs: 2_000 })).toBe('ran');
  });

  it('gives up with a plain "busy" error when a live holder keeps the lock too long', async () => {
    await writeFile(lock, JSON.stringify({ pid: process.ppid, at: Date.now(), host: hostname() }));
    await expect(withFileLock(lock, async () => 'ran', { waitMs: 200 })).rejects.toMatchObject({ code: 'busy' });
    // The other holder's lock is left alone.
    expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(process.ppid);
  });

  it('creates a missing folder for the lock (first run)', async () => {
    const deep = join(dir, 'not', 'yet', 'there.lock');
    expect(await withFileLock(deep, async () => 'ran')).toBe('ran');
  });
});
