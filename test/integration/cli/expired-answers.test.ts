/**
 * A ProcessMaker that keeps answering a refresh with tokens that have already expired (a server whose
 * tokens are set to last 0 seconds): pmtoken asks once, then waits across processes, as for a
 * Retry-After, instead of asking again on every call.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { passwordProfile } from './support/profiles';
import { useCliSuite } from './support/suite';

describe('pmtoken when ProcessMaker answers with tokens that have already expired', () => {
  // Without rotation the refresh token stays valid, so every call could ask again.
  const fx = useCliSuite({ server: { config: { accessTokenTtl: 1, rotateRefreshTokens: false } } });

  it('asks once, then waits before asking again, in every process', async () => {
    await passwordProfile(fx.cli, fx.configDir, fx.pm);
    await sleep(1_100); // the stored token has expired
    fx.pm.config.accessTokenTtl = 0;
    fx.pm.stats.reset();
    const first = await fx.run(['token']);
    expect(first.code).toBe(4);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain('ProcessMaker sent a token that has already expired.');
    for (let call = 0; call < 5; call++) {
      const again = await fx.run(['token']);
      expect(again.code).toBe(4);
      expect(again.stdout).toBe('');
      expect(again.stderr).toMatch(
        /ProcessMaker keeps sending tokens that have already expired, so Token Tray waits \d+ seconds before asking again\./,
      );
    }
    expect(fx.pm.stats.tokenRequests).toBe(1);
    // The profile is still signed in: nothing was lost.
    expect((await fx.run(['status'])).stdout).not.toContain('signed out');
  });
});
