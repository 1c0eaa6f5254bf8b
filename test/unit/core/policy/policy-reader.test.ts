import { describe, expect, it } from 'vitest';
import { readPolicies, type PolicySystem } from '../../../../main/core/policy';

function system(overrides: Partial<PolicySystem>): PolicySystem {
  return {
    platform: 'linux',
    run: async () => {
      throw new Error('not found');
    },
    stat: async () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    },
    readFile: async () => {
      throw new Error('ENOENT');
    },
    realpath: async (path) => path,
    userName: 'jane',
    ...overrides,
  };
}

const policyJson = JSON.stringify({ OrganizationName: 'Acme Ltd', AllowedServers: ['acme.processmaker.net'] });

describe('reading the organisation’s policies from each system’s store', () => {
  it('no policy deployed: nothing set, nothing to say', async () => {
    expect(await readPolicies(system({}))).toEqual({ values: {}, problems: [], sources: {} });
  });

  it('Linux: the root-owned file applies; one anyone could write is ignored with a warning', async () => {
    const trusted = system({ stat: async () => ({ uid: 0, mode: 0o100644 }), readFile: async () => policyJson });
    expect((await readPolicies(trusted)).values).toEqual({
      OrganizationName: 'Acme Ltd',
      AllowedServers: ['acme.processmaker.net'],
    });
    const writable = system({ stat: async () => ({ uid: 0, mode: 0o100666 }), readFile: async () => policyJson });
    const ignored = await readPolicies(writable);
    expect(ignored.values).toEqual({});
    expect(ignored.problems).toEqual([
      'The policy file /etc/token-tray/policy.json was ignored: it must belong to root and be writable by nobody else.',
    ]);
  });

  it('a malformed file never stops the app: it is left out, and said', async () => {
    const broken = system({ stat: async () => ({ uid: 0, mode: 0o100644 }), readFile: async () => '{"Organization' });
    const read = await readPolicies(broken);
    expect(read.values).toEqual({});
    expect(read.problems[0]).toMatch(/could not be read; Token Tray runs without them\.$/);
  });

  it('Windows: HKLM wins over HKCU, from reg query output', async () => {
    const runs: string[][] = [];
    const win = system({
      platform: 'win32',
      run: async (command, args) => {
        runs.push([command, ...args]);
        const key = args[1] ?? '';
        if (key.startsWith('HKLM'))
          return `\r\n${key}\r\n    OrganizationName    REG_SZ    Acme (machine)\r\n    AutoUpdate    REG_DWORD    0x0\r\n`;
        return `\r\n${key}\r\n    OrganizationName    REG_SZ    Acme (user)\r\n    HelpUrl    REG_SZ    https://it.acme.com/help\r\n`;
      },
    });
    const read = await readPolicies(win);
    expect(runs).toEqual([
      ['reg', 'query', 'HKLM\\Software\\Policies\\Token Tray'],
      ['reg', 'query', 'HKCU\\Software\\Policies\\Token Tray'],
    ]);
    expect(read.values).toEqual({
      OrganizationName: 'Acme (machine)',
      AutoUpdate: false,
      HelpUrl: 'https://it.acme.com/help',
    });
    expect(read.sources).toEqual({ OrganizationName: 'machine', AutoUpdate: 'machine', HelpUrl: 'user' });
  });

  it('Windows: a missing key is no policy; a reg query that fails otherwise is said', async () => {
    const missing = Object.assign(
      new Error('ERROR: The system was unable to find the specified registry key or value.'),
      { code: 1 },
    );
    const timedOut = Object.assign(new Error('spawn reg ETIMEDOUT'), { code: 'ETIMEDOUT' });
    const win = (failure: Error) => system({ platform: 'win32', run: async () => Promise.reject(failure) });
    expect(await readPolicies(win(missing))).toEqual({ values: {}, problems: [], sources: {} });
    const read = await readPolicies(win(timedOut));
    expect(read.problems).toEqual([
      'The policies under HKLM\\Software\\Policies\\Token Tray could not be read; Token Tray runs without them.',
      'The policies under HKCU\\Software\\Policies\\Token Tray could not be read; Token Tray runs without them.',
    ]);
  });

  it('macOS: managed preferences converted by plutil, root-owned files only', async () => {
    const mac = system({
      platform: 'darwin',
      stat: async (path) => ({ uid: path.includes('/jane/') ? 501 : 0, mode: 0o100644 }),
      run: async (command, args) => {
        expect(command).toBe('/usr/bin/plutil');
        expect(args.slice(0, 4)).toEqual(['-convert', 'json', '-o', '-']);
        return policyJson;
      },
    });
    const read = await readPolicies(mac);
    expect(read.values.OrganizationName).toBe('Acme Ltd');
    expect(read.problems).toEqual([
      'The policy file /Library/Managed Preferences/jane/com.tokentray.app.plist was ignored: it must belong to root and be writable by nobody else.',
    ]);
  });
});

describe('noticing that IT changed the policies', () => {
  it('a policy file written (or replaced) in the watched folder is told once per burst; a folder that does not exist is not watched', async () => {
    const { mkdtempSync, writeFileSync, renameSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { watchPolicyStores } = await import('../../../../main/core/policy');
    const folder = mkdtempSync(join(tmpdir(), 'token-tray-policy-'));
    const file = join(folder, 'policy.json');
    let told = 0;
    const stop = watchPolicyStores(() => told++, { platform: 'linux', userName: 'x', linuxPath: file }, 50);
    try {
      writeFileSync(join(folder, 'policy.json.tmp'), '{"OrganizationName":"Acme"}');
      renameSync(join(folder, 'policy.json.tmp'), file);
      writeFileSync(file, '{"OrganizationName":"Acme Corp"}');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(told).toBe(1);
    } finally {
      stop();
      rmSync(folder, { recursive: true, force: true });
    }
    const none = watchPolicyStores(
      () => told++,
      { platform: 'linux', userName: 'x', linuxPath: join(folder, 'gone', 'policy.json') },
      10,
    );
    none();
  });
});
