import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledChild } from '../support/child-bundle';
import { addPasswordProfile, createHarness, type Harness } from '../support/engine-harness';

const TTL = 120;
const bundle = bundledChild(resolve(__dirname, 'fixtures/race-child.ts'));

interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function startChild(h: Harness, profileId: string): { child: ChildProcess; done: Promise<ChildResult> } {
  const child = spawn(process.execPath, [bundle()], {
    env: {
      ...process.env,
      NODE_PATH: resolve(__dirname, '../../../../node_modules'),
      CONFIG_DIR: h.configDir,
      SERVICE: h.service,
      PROFILE: profileId,
      CLOCK_OFFSET_MS: String(h.clock.offsetMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<ChildResult>((resolveDone) =>
    child.on('exit', (code, signal) => resolveDone({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

async function apiAccepts(h: Harness, token: string): Promise<boolean> {
  const res = await fetch(`${h.server.url}/api/1.0/users/${h.server.seed.user.id}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  });
  return res.status === 200;
}

describe('refresh across processes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ server: { config: { accessTokenTtl: TTL } } });
  });
  afterEach(async () => {
    await h.close();
  });

  async function signedInAndDue() {
    const profile = await addPasswordProfile(h);
    await h.engine.signInWithPassword(profile.id, h.server.seed.user.username, h.server.seed.user.password);
    h.clock.advance((TTL - 10) * 1000);
    h.server.stats.reset();
    return profile;
  }

  it('two processes racing a rotating refresh both print a working token, with one token request', async () => {
    const profile = await signedInAndDue();
    h.server.faults.latencyMs = 300; // keep the first refresh in flight while the second one starts
    const a = startChild(h, profile.id);
    const b = startChild(h, profile.id);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    h.server.faults.latencyMs = 0;
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const ta = ra.stdout.trim();
    const tb = rb.stdout.trim();
    expect(ta).toBe(tb);
    expect(h.server.stats.tokenRequests).toBe(1);
    expect(await apiAccepts(h, ta)).toBe(true);
    // And this process agrees, without another request.
    expect(await h.engine.freshToken(profile.id)).toBe(ta);
    expect(h.server.stats.tokenRequests).toBe(1);
    expect((await readdir(h.configDir)).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });

  it('a process killed during a refresh leaves the profile usable or plainly signed out, never corrupted', async () => {
    const profile = await signedInAndDue();
    h.server.faults.latencyMs = 1_500;
    const victim = startChild(h, profile.id);
    const lockPath = join(h.configDir, `refresh-${profile.id}.lock`);
    const deadline = Date.now() + 10_000;
    while (!existsSync(lockPath) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(lockPath)).toBe(true);
    victim.child.kill('SIGKILL');
    const killed = await victim.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(lockPath)).toBe(true); // left behind by the dead process
    h.server.faults.latencyMs = 0;

    let token: string | null = null;
    let failure: { code?: string } | null = null;
    try {
      token = await h.engine.freshToken(profile.id);
    } catch (err) {
      failure = err as { code?: string };
    }
    if (token !== null) {
      expect(await apiAccepts(h, token)).toBe(true);
    } else {
      expect(failure?.code).toBe('session_expired');
      const view = await h.engine.getProfile(profile.id);
      expect(view.status).toEqual({ state: 'signed_out', reason: 'session_expired' });
    }
    // Never corrupted: the keychain item and the settings file still parse, the stale lock is gone.
    const item = JSON.parse((await h.secrets.get(profile.id)) ?? 'null') as { v: number; clientSecret?: string };
    expect(item.v).toBe(1);
    expect(item.clientSecret).toBe(h.server.seed.passwordClient.secret);
    const settings = JSON.parse(await readFile(join(h.configDir, 'config.json'), 'utf8')) as {
      profiles: Array<{ id: string }>;
    };
    expect(settings.profiles.map((p) => p.id)).toContain(profile.id);
    expect(existsSync(lockPath)).toBe(false);
  });
});
