/**
 * Where no keychain answers (no Secret Service on the session bus), the app
 * keeps secrets in a safeStorage-encrypted file and says storage is weaker;
 * when safeStorage would only store plain text, it refuses to save sign-ins.
 * Runs the bundled main process with only Electron replaced.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelPrefix, type AppInfo, type ProfileView, type Result } from '../../../main/contract/ipc';
import { startPmServer, type PmServer } from '../../server';
import { buildShell, startShell, type ShellProcess } from './support/shell-process';

let pm: PmServer;
let built: Awaited<ReturnType<typeof buildShell>>;
const started: Array<{ shell: ShellProcess; dir: string }> = [];

beforeAll(async () => {
  if (process.platform !== 'linux') return;
  pm = await startPmServer();
  built = await buildShell();
}, 60_000);

afterAll(async () => {
  for (const { shell, dir } of started) {
    shell.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
  built?.remove();
  await pm?.close();
});

/** Starts the app with no reachable Secret Service and the given safeStorage behaviour, window open. */
async function startWithoutKeychain(safeStorage: 'encrypting' | 'basic_text') {
  const dir = mkdtempSync(join(tmpdir(), 'token-tray-fallback-'));
  const shell = startShell(built, dir, [], {
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/token-tray-test-bus',
    FAKE_SAFE_STORAGE: safeStorage,
  });
  started.push({ shell, dir });
  await vi.waitFor(
    async () => {
      if ((await shell.send({ cmd: 'tray' })) === null) throw new Error(`not started: ${shell.stderr().slice(-300)}`);
    },
    { timeout: 30_000, interval: 200 },
  );
  await shell.send({ cmd: 'emit', event: 'second-instance', args: [{}, ['/opt/token-tray'], '/'] });
  const call = <T>(name: string, ...args: unknown[]) =>
    shell.send<Result<T>>({ cmd: 'invoke', channel: `${channelPrefix}${name}`, args, sender: 'window' });
  return { dir, call };
}

const newProfile = (secret: string) => ({
  name: 'Acme',
  instanceUrl: pm.url,
  clientId: String(pm.seed.codeClient.id),
  clientSecret: secret,
  grant: 'authorization_code' as const,
  redirectMode: 'loopback' as const,
});

// Only Linux's Secret Service can be made to not answer from a test (the macOS Keychain and
// Windows Credential Manager always do): elsewhere the suite is reported skipped, with the reason.
const onLinux = process.platform === 'linux';
const suiteName = `secret storage without a keychain${onLinux ? '' : ' (skipped: needs Linux’s Secret Service)'}`;

describe.skipIf(!onLinux)(suiteName, () => {
  it('falls back to a safeStorage-encrypted file and tells the window it is weaker', async () => {
    const { dir, call } = await startWithoutKeychain('encrypting');
    const info = await call<AppInfo>('appInfo');
    expect(info.ok && info.value.secretStorage).toBe('encrypted-file');
    const secret = `client-secret-${Math.random().toString(36).slice(2)}`;
    const added = await call<ProfileView>('addProfile', newProfile(secret));
    expect(added.ok && added.value.hasClientSecret).toBe(true);
    const file = join(dir, 'secrets.enc.json');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8').includes(secret)).toBe(false);
  }, 60_000);

  it('refuses to save sign-ins when safeStorage would keep them as plain text', async () => {
    const { dir, call } = await startWithoutKeychain('basic_text');
    const added = await call<ProfileView>('addProfile', newProfile('some-client-secret'));
    expect(added.ok).toBe(false);
    if (!added.ok) {
      expect(added.error.code).toBe('keychain_unavailable');
      expect(added.error.message).toBe(
        'This computer has no secure password storage that Token Tray can use, so it will not save sign-ins.',
      );
      expect(added.error.nextStep).toMatch(/keyring/);
    }
    expect(existsSync(join(dir, 'secrets.enc.json'))).toBe(false);
  }, 60_000);
});
