import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cliLaunches } from './support/cli';
import { passwordProfile } from './support/profiles';
import { useCliSuite } from './support/suite';

const TTL_SECONDS = 600;

const tokenSchema = z.strictObject({
  token: z.string().min(20),
  expires_at: z.iso.datetime().nullable(),
  profile: z.string(),
  kind: z.enum(['oauth', 'personal_access_token']),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.for(cliLaunches)('pmtoken token --json, --format, --min-validity and --force-refresh (%s)', (launch) => {
  // Ten-minute tokens, so that --min-validity can ask for more than a token has left.
  const fx = useCliSuite({ configDir: 'per-file', launch, server: { config: { accessTokenTtl: TTL_SECONDS } } });
  const { run } = fx;
  let signedIn = false;
  const token = async (args: string[] = []): Promise<string> => {
    if (!signedIn) {
      await passwordProfile(fx.cli, fx.configDir, fx.pm);
      signedIn = true;
    }
    const res = await run(['token', ...args]);
    expect(res.code, res.stderr).toBe(0);
    return res.stdout;
  };

  it('prints the token with its expiry, profile and kind as JSON', async () => {
    const raw = (await token()).trim();
    const info = tokenSchema.parse(JSON.parse(await token(['--json'])));
    expect(info).toMatchObject({ token: raw, profile: 'pw', kind: 'oauth' });
    const left = Date.parse(info.expires_at ?? '') - Date.now();
    expect(left).toBeGreaterThan((TTL_SECONDS - 60) * 1000);
    expect(left).toBeLessThanOrEqual(TTL_SECONDS * 1000);
  });

  it.each([
    ['raw', (t: string) => t],
    ['bearer', (t: string) => `Bearer ${t}`],
    ['header', (t: string) => `Authorization: Bearer ${t}`],
    ['env', (t: string) => `export PM_TOKEN=${t}`],
  ])('--format %s', async (format, expected) => {
    const raw = (await token()).trim();
    expect(await token(['--format', format])).toBe(`${expected(raw)}\n`);
  });

  it('refuses an unknown format, --json with --format, and a bad --min-validity', async () => {
    await token();
    for (const [args, sentence] of [
      [['--format', 'xml'], '--format must be raw, bearer, header or env'],
      [['--json', '--format', 'raw'], 'Give --json or --format, not both.'],
      [['--min-validity', 'soon'], '--min-validity takes a whole number of seconds'],
      [['--min-validity=-5'], '--min-validity takes a whole number of seconds'],
      [['--min-validity', '99999999'], '--min-validity can be at most 31622400 seconds (366 days), not 99999999.'],
    ] as const) {
      const res = await run(['token', ...args]);
      expect(res.code).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr).toContain(sentence);
    }
  });

  it('refreshes first when the token would expire sooner than --min-validity', async () => {
    const before = (await token()).trim();
    // Enough is asked to need a refresh: everything a new token has, less a second that has passed.
    expect((await token(['--min-validity', '300'])).trim()).toBe(before);
    await sleep(1500);
    const after = tokenSchema.parse(JSON.parse(await token(['--json', '--min-validity', String(TTL_SECONDS - 1)])));
    expect(after.token).not.toBe(before);
    expect(Date.parse(after.expires_at ?? '') - Date.now()).toBeGreaterThanOrEqual((TTL_SECONDS - 1) * 1000);
    // The new token was stored: the plain path hands it out too.
    expect((await token()).trim()).toBe(after.token);
  });

  it('says so when no token lasts as long as --min-validity asks', async () => {
    await token();
    const res = await run(['token', '--min-validity', String(TTL_SECONDS + 60)]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('less than --min-validity asks for');
    expect(res.stderr).toContain('ProcessMaker gives no longer tokens');
  });

  it('gets a new token with --force-refresh and keeps it', async () => {
    const before = (await token()).trim();
    const forced = (await token(['--force-refresh'])).trim();
    expect(forced).not.toBe(before);
    expect((await token()).trim()).toBe(forced);
  });

  it('refuses --force-refresh for a personal access token, which cannot be refreshed', async () => {
    await token();
    expect((await run(['add', 'pat', '--url', fx.pm.url, '--grant', 'pat'])).code).toBe(0);
    const pat = await fx.pm.issuePersonalAccessToken(fx.pm.seed.user.id, 'cli test');
    expect((await run(['login', 'pat', '--pat-stdin'], `${pat}\n`)).code).toBe(0);
    const info = tokenSchema.parse(JSON.parse((await run(['token', 'pat', '--json'])).stdout));
    expect(info).toMatchObject({ token: pat, kind: 'personal_access_token', profile: 'pat' });
    const res = await run(['token', 'pat', '--force-refresh']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('This token cannot be refreshed.');
    expect((await run(['token', 'pat'])).stdout).toBe(`${pat}\n`);
  });
});
