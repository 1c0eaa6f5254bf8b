import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type ChannelName } from '../../../main/contract/ipc';
import { createIpcFixture, valueOf, type IpcFixture } from './ipc-fixture';

let fx: IpcFixture;
beforeAll(async () => {
  fx = await createIpcFixture();
});
afterAll(async () => fx.close());

const goodRequest = { method: 'GET', path: 'users' };

/** For every channel, argument lists that must be refused before core sees them. */
const badArgs: Record<ChannelName, unknown[][]> = {
  appInfo: [['extra']],
  windowLocale: [['en']],
  updateStatus: [['now']],
  checkForUpdates: [[true]],
  restartToInstall: [[{}]],
  installPmtokenCommand: [['/tmp/elsewhere']],
  listProfiles: [[1]],
  setAsideNotes: [['all']],
  copySetupLink: [[], ['id'], ['id', 'yes']],
  saveSetupFile: [[], ['id'], ['id', 'yes']],
  previewSetup: [[], [''], [42], ['x'.repeat(70_000)]],
  applySetup: [[], ['id'], ['id', 'yes']],
  addProfile: [
    [],
    [null],
    ['Acme'],
    [{ name: 'Acme', instanceUrl: 'acme.example', grant: 'magic' }],
    [{ name: '', instanceUrl: 'x', grant: 'password' }],
    [{ name: 'A', instanceUrl: 'x', grant: 'password', isAdmin: true }],
    [{ name: 'A', instanceUrl: 'x', grant: 'password', color: 'red' }],
  ],
  updateProfile: [['p1'], ['p1', { name: 5 }], [7, {}], ['p1', { clientSecret: 3 }]],
  duplicateProfile: [['p1'], ['p1', ''], ['', 'copy']],
  removeProfile: [[], [42], ['']],
  setActiveProfile: [[], [{}]],
  checkInstance: [[], ['acme.example'], ['acme.example', 'yes'], ['x'.repeat(5000), false]],
  startBrowserSignIn: [['p1'], ['p1', 'pigeon'], ['p1', undefined]],
  waitForSignIn: [[], [null]],
  cancelSignIn: [[1]],
  copySignInLink: [[], [7], ['']],
  signInWithPassword: [
    ['p1', 'jane'],
    ['p1', 'jane', ''],
    ['p1', 5, 'pw'],
  ],
  savePersonalAccessToken: [['p1'], ['p1', ''], ['p1', { token: 'x' }]],
  refreshNow: [[true]],
  tokenDetails: [[[]]],
  revealToken: [[]],
  copyToken: [['p1'], ['p1', 'base64'], ['p1', 'raw', 'more']],
  signOut: [[undefined]],
  whoami: [[0]],
  sendRequest: [
    ['r1', 'p1'],
    ['r1', 'p1', { method: 'TRACE', path: 'users' }],
    ['r1', 'p1', { method: 'GET' }],
    ['r1', 'p1', { ...goodRequest, headers: [['X-A']] }],
    ['r1', 'p1', { ...goodRequest, timeoutMs: -1 }],
  ],
  cancelRequest: [[], [5]],
  apiEndpoints: [['p1'], ['p1', 'no']],
  listHistory: [['p1'], ['p1', 3]],
  clearHistory: [[]],
  copyCurl: [
    ['p1', goodRequest],
    ['p1', { path: 'users' }, false],
    ['p1', goodRequest, 'yes'],
  ],
  copyText: [[], [42]],
  getPreferences: [['all']],
  preferenceSources: [['all']],
  setPreferences: [
    [],
    [{ theme: 'neon' }],
    [{ clipboardClearSeconds: -3 }],
    [{ copyShortcut: 'Q' }],
    [{ volume: 11 }],
    ['dark'],
  ],
  openExternal: [[], [3]],
};

describe('IPC argument validation', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(badArgs).sort()).toEqual([...channelNames].sort());
  });

  for (const name of channelNames) {
    it(`${name} refuses bad arguments with invalid_input and a plain sentence`, async () => {
      for (const args of badArgs[name]) {
        const result = await fx.handlers[name](...args);
        expect(result.ok, `${name}(${JSON.stringify(args).slice(0, 80)}) was accepted`).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('invalid_input');
        const message = result.error.message;
        expect(message).toMatch(/^[A-Z“].*\.$/s);
        expect(message).not.toMatch(
          /[{}[\]]|Invalid input|expected (string|number|boolean|object|array|tuple)|received (string|number|undefined|null|object|array)|Zod|undefined|NaN|\bat \w+ \(/,
        );
      }
    });
  }

  it('names the missing or wrong detail in the sentence', async () => {
    const missing = await fx.handlers.signInWithPassword('p1', 'jane');
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', key: 'error.ipc.missing', message: 'The password is missing.' },
    });
    const empty = await fx.handlers.addProfile({ name: 'Acme', instanceUrl: '', grant: 'password' });
    expect(!empty.ok && empty.error.message).toBe('The ProcessMaker address cannot be empty.');
    const extra = await fx.handlers.addProfile({ name: 'A', instanceUrl: 'x', grant: 'password', isAdmin: true });
    expect(!extra.ok && extra.error.message).toBe('Token Tray does not recognise “isAdmin” in the profile details.');
    const tooMany = await fx.handlers.listProfiles('x');
    expect(!tooMany.ok && tooMany.error.message).toBe('Token Tray received more details than it expected.');
    const shortcut = await fx.handlers.setPreferences({ copyShortcut: 'Q' });
    expect(!shortcut.ok && shortcut.error.message).toMatch(/^The shortcut must combine at least one modifier key/);
  });

  it('logs each refusal with its channel and reason, never the arguments', async () => {
    const secret = `pw-${Math.random().toString(36).slice(2)}`;
    const before = fx.refusals.length;
    await fx.handlers.signInWithPassword('p1', 42, secret);
    expect(fx.refusals).toHaveLength(before + 1);
    expect(fx.refusals.at(-1)).toMatch(/^signInWithPassword: invalid arguments \(invalid_type at 1\)$/);
    expect(fx.refusals.join('\n')).not.toContain(secret);
  });

  it('refused calls never reach core', async () => {
    await fx.handlers.addProfile({ name: 'Sneaky', instanceUrl: fx.h.server.url, grant: 'password', isAdmin: true });
    await fx.handlers.setPreferences({ theme: 'neon' });
    expect(valueOf(await fx.handlers.listProfiles())).toEqual([]);
    expect(valueOf(await fx.handlers.getPreferences()).theme).toBe('system');
    expect(fx.events).toEqual([]);
  });

  it('answers every call with a Result, including core failures', async () => {
    expect(await fx.handlers.appInfo()).toEqual({
      ok: true,
      value: {
        version: '0.0.0-test',
        platform: process.platform,
        secretStorage: 'keychain',
        adminHelpUrl: 'https://example.test/admins',
        // No organisation policy: every profile is the person's to make, nothing capped.
        organization: { name: null, allowUserProfiles: true, clipboardClearMaxSeconds: null, language: null },
      },
    });
    const missing = await fx.handlers.tokenDetails('no-such-profile');
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.code).toBe('not_found');
      expect(missing.error.message).toMatch(/\.$/);
    }
    expect(fx.unexpected).toEqual([]);
  });

  it('opens only web links', async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'pmtokentray://open', 'not a link']) {
      const result = await fx.handlers.openExternal(url);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'Only web links (http or https) can be opened.' },
      });
    }
    expect(valueOf(await fx.handlers.openExternal('https://example.test/help'))).toBeNull();
    expect(fx.externalOpened).toEqual(['https://example.test/help']);
  });
});
