import { describe, expect, it } from 'vitest';
import { describeTokenLife } from '../../../renderer/src/format';
import { userErrorOf } from '../../../main/core/errors';

const now = Date.UTC(2026, 11, 2, 12, 0, 0);
const minute = 60_000;
const day = 86_400_000;

describe('what the token view says about a token', () => {
  it('a refreshable token is ready and renews by itself; it says until when the current one is valid', () => {
    const life = describeTokenLife({ expiresAt: now + 59 * minute, refreshable: true }, now);
    expect(life.headline).toBe('Ready, renews automatically');
    expect(life.line).toMatch(/^The current token is valid until .+; Token Tray renews it before then\.$/);
    expect(life.changesInMs).toBe(59 * minute);
    const past = describeTokenLife({ expiresAt: now - 1, refreshable: true }, now);
    expect(past).toEqual({
      headline: 'Ready, renews automatically',
      line: 'A fresh token is fetched when you copy it.',
      tone: 'ok',
      badge: 'Signed in',
      changesInMs: null,
    });
  });

  it('a personal access token shows its last day, not a ticking year-long countdown', () => {
    const life = describeTokenLife({ expiresAt: now + 365 * day, refreshable: false }, now);
    const expected = new Date(now + 365 * day).toLocaleDateString(undefined, { dateStyle: 'medium' });
    expect(life).toEqual({
      headline: `Valid until ${expected}`,
      line: null,
      tone: 'ok',
      badge: 'Signed in',
      changesInMs: 365 * day - 59_999,
    });
    expect(life.headline).not.toMatch(/\d+ s\b/);
  });

  it('within a day it shows the time; it counts seconds only in the last minute, with real plurals', () => {
    const soon = describeTokenLife({ expiresAt: now + 3 * 3_600_000, refreshable: false }, now);
    expect(soon.headline).toMatch(/^Valid until \d\d:\d\d/);
    const last = describeTokenLife({ expiresAt: now + 42_500, refreshable: false }, now);
    expect(last).toEqual({
      headline: 'Expires in 43 seconds',
      line: 'Sign in again to get a new token.',
      tone: 'warn',
      badge: 'Expiring',
      changesInMs: 500,
    });
    expect(describeTokenLife({ expiresAt: now + 1_000, refreshable: false }, now).headline).toBe('Expires in 1 second');
    expect(describeTokenLife({ expiresAt: now, refreshable: false }, now)).toEqual({
      headline: 'Expired',
      line: 'Sign in again to get a new token.',
      tone: 'bad',
      badge: 'Expired',
      changesInMs: null,
    });
  });

  it('says plainly when ProcessMaker gave no expiry', () => {
    expect(describeTokenLife({ expiresAt: null, refreshable: false }, now)).toEqual({
      headline: 'Ready',
      line: 'ProcessMaker did not say when this token stops working.',
      tone: 'ok',
      badge: 'Signed in',
      changesInMs: null,
    });
  });

  it('while renewal fails it says what is wrong and until when the current token works, once', () => {
    const unreachable = userErrorOf('unreachable');
    const failing = describeTokenLife(
      { expiresAt: now + 20 * minute, refreshable: true, renewalError: unreachable },
      now,
    );
    expect(failing).toMatchObject({ headline: 'Can’t reach ProcessMaker', tone: 'warn', badge: 'Offline' });
    expect(failing.line).toMatch(
      /^Your current token works until \d\d:\d\d( [AP]M)?\. Token Tray keeps trying by itself\.$/,
    );
    const refused = describeTokenLife(
      { expiresAt: now + 20 * minute, refreshable: true, renewalError: userErrorOf('server_error') },
      now,
    );
    expect(refused).toMatchObject({ headline: 'ProcessMaker did not renew the token', badge: 'Not renewing' });
    const gone = describeTokenLife({ expiresAt: now - 1, refreshable: true, renewalError: unreachable }, now);
    expect(gone).toMatchObject({ tone: 'bad', badge: 'Expired' });
    expect(gone.line).toBe(
      'Your token has expired. Token Tray keeps trying, and copying works again once ProcessMaker answers.',
    );
  });
});
