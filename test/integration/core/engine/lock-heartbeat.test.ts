/**
 * A hung keychain under the refresh lock: the holder (this process) waits on a keychain port whose
 * calls never answer, and a second real process contends for the same lock. The holder's heartbeat
 * keeps the lock from looking stale, so the other process never takes it (it says "busy"); the
 * keychain's time limit then ends the holder's wait with a plain error and frees the lock.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { SecretStore } from '../../../../main/core';
import { withFileLock } from '../../../../main/core/engine';
import { createCachedVault } from '../../../../main/core/tokens';
import { bundledChild } from '../support/child-bundle';

const STALE_MS = 600;
const KEYCHAIN_LIMIT_MS = 8_000;
const bundle = bundledChild(resolve(__dirname, 'fixtures/lock-child.ts'));

/** A real keychain port that takes every call and never answers, as a hung keyring does. */
function hangingKeychain(): SecretStore & { calls: string[] } {
  const calls: string[] = [];
  const never =
    <T>(name: string) =>
    (): Promise<T> => {
      calls.push(name);
      return new Promise<T>(() => undefined);
    };
  return { kind: 'keychain', calls, get: never('get'), set: never('set'), delete: never('delete') };
}

/** Runs the contending process; resolves with what it printed. */
async function contend(lock: string, waitMs: number): Promise<{ took?: boolean; code?: string }> {
  const { stdout } = await promisify(execFile)(process.execPath, [bundle()], {
    env: { ...process.env, LOCK: lock, STALE_MS: String(STALE_MS), WAIT_MS: String(waitMs) },
  });
  return JSON.parse(stdout) as { took?: boolean; code?: string };
}

describe('the refresh lock while the keychain hangs', () => {
  it('stays with its holder past the stale limit, then the time limit ends the wait with a plain error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'token-tray-heartbeat-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const lock = join(dir, 'refresh-p.lock');
    const keychain = hangingKeychain();
    const vault = createCachedVault(keychain, dir, { keychainTimeLimitMs: KEYCHAIN_LIMIT_MS });
    const started = Date.now();
    const holding = withFileLock(lock, () => vault.read('p'), { staleMs: STALE_MS });
    const outcome = holding.then(
      () => ({ error: null, at: Date.now() - started }),
      (error: unknown) => ({ error, at: Date.now() - started }),
    );
    expect(existsSync(lock)).toBe(true);

    // More than three times the stale limit, while the holder is stuck in the keychain.
    expect(await contend(lock, 4 * STALE_MS)).toEqual({ code: 'busy' });
    expect(keychain.calls).toEqual(['get']);
    expect(existsSync(lock)).toBe(true);

    const { error, at } = await outcome;
    expect(error).toMatchObject({
      code: 'keychain_unavailable',
      key: 'error.keychain.timeout',
      message: 'This computer’s secure password storage did not answer within 8 seconds.',
      nextStep: 'If it is asking for your password, unlock it, then try again.',
    });
    expect(at).toBeGreaterThanOrEqual(KEYCHAIN_LIMIT_MS - 50);
    expect(existsSync(lock)).toBe(false);
    expect(await contend(lock, 4 * STALE_MS)).toEqual({ took: true });
  });
});
