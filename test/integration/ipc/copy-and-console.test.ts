import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcFixture, valueOf, type IpcFixture } from './ipc-fixture';

let fx: IpcFixture;
let profileId: string;

beforeAll(async () => {
  fx = await createIpcFixture();
  const { passwordClient, user } = fx.h.server.seed;
  const profile = valueOf(
    await fx.handlers.addProfile({
      name: 'Acme',
      instanceUrl: fx.h.server.url,
      clientId: String(passwordClient.id),
      clientSecret: passwordClient.secret ?? undefined,
      grant: 'password',
    }),
  );
  profileId = profile.id;
  valueOf(await fx.handlers.signInWithPassword(profileId, user.username, user.password));
});
afterAll(async () => fx.close());

/** Lets the clipboard clear (it awaits the clipboard) finish. */
const settle = () => new Promise((r) => setImmediate(r));

/** Calls the API with an Authorization header value, as a person pasting it would. */
async function statusWith(authorization: string): Promise<number> {
  const response = await fetch(`${fx.h.server.url}/api/1.0/users`, {
    headers: { Authorization: authorization, Accept: 'application/json' },
  });
  await response.arrayBuffer();
  return response.status;
}

describe('copying tokens from the window', () => {
  it('copies a working raw token and reports when it clears', async () => {
    expect(valueOf(await fx.handlers.copyToken(profileId, 'raw'))).toEqual({ clearsInSeconds: 60 });
    expect(fx.board.text.length).toBeGreaterThan(20);
    expect(await statusWith(`Bearer ${fx.board.text}`)).toBe(200);
  });

  it('copies the Bearer and header forms of the same working token', async () => {
    valueOf(await fx.handlers.copyToken(profileId, 'bearer'));
    expect(fx.board.text.startsWith('Bearer ')).toBe(true);
    expect(await statusWith(fx.board.text)).toBe(200);
    valueOf(await fx.handlers.copyToken(profileId, 'header'));
    expect(fx.board.text.startsWith('Authorization: Bearer ')).toBe(true);
    expect(await statusWith(fx.board.text.slice('Authorization: '.length))).toBe(200);
  });

  it('clears the clipboard after the delay only if it still holds the token', async () => {
    valueOf(await fx.handlers.copyToken(profileId, 'raw'));
    fx.timers.fireAll();
    await settle();
    expect(fx.board.text).toBe('');
    valueOf(await fx.handlers.copyToken(profileId, 'raw'));
    fx.board.writeText('something the user copied');
    fx.timers.fireAll();
    await settle();
    expect(fx.board.text).toBe('something the user copied');
  });

  it('uses the delay from the preferences', async () => {
    valueOf(await fx.handlers.setPreferences({ clipboardClearSeconds: 15 }));
    expect(valueOf(await fx.handlers.copyToken(profileId, 'raw'))).toEqual({ clearsInSeconds: 15 });
    expect(fx.events).toContainEqual({ type: 'preferences-changed' });
    valueOf(await fx.handlers.setPreferences({ clipboardClearSeconds: 60 }));
  });

  it('reveals the same token only when asked', async () => {
    const token = valueOf(await fx.handlers.revealToken(profileId));
    expect(await statusWith(`Bearer ${token}`)).toBe(200);
  });

  it('answers a copy for a signed-out profile with a plain error and copies nothing', async () => {
    const { passwordClient } = fx.h.server.seed;
    const other = valueOf(
      await fx.handlers.addProfile({
        name: 'Signed out',
        instanceUrl: fx.h.server.url,
        clientId: String(passwordClient.id),
        clientSecret: passwordClient.secret ?? '',
        grant: 'password',
      }),
    );
    fx.board.writeText('before');
    const result = await fx.handlers.copyToken(other.id, 'raw');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('signed_out');
    expect(fx.board.text).toBe('before');
    valueOf(await fx.handlers.removeProfile(other.id));
  });
});

describe('curl and text copies', () => {
  const request = { method: 'POST' as const, path: 'users', body: '{"firstname":"Ann"}' };

  it('writes $PM_TOKEN instead of the token by default, and never clears it', async () => {
    valueOf(await fx.handlers.copyCurl(profileId, request, false));
    const token = valueOf(await fx.handlers.revealToken(profileId));
    expect(fx.board.text).toContain('$PM_TOKEN');
    expect(fx.board.text.includes(token)).toBe(false);
    expect(fx.board.text).toContain(`${fx.h.server.url}/api/1.0/users`);
    fx.timers.fireAll();
    await settle();
    expect(fx.board.text).toContain('$PM_TOKEN');
  });

  it('includes the token only when asked, and then clears it like a token', async () => {
    valueOf(await fx.handlers.copyCurl(profileId, request, true));
    const token = valueOf(await fx.handlers.revealToken(profileId));
    expect(fx.board.text.includes(token)).toBe(true);
    fx.timers.fireAll();
    await settle();
    expect(fx.board.text).toBe('');
  });

  it('copies response text as is', async () => {
    valueOf(await fx.handlers.copyText('{"data":[]}'));
    fx.timers.fireAll();
    await settle();
    expect(fx.board.text).toBe('{"data":[]}');
  });
});

describe('the request console', () => {
  it('sends a request and remembers it in history without the token', async () => {
    valueOf(await fx.handlers.clearHistory(profileId));
    const response = valueOf(
      await fx.handlers.sendRequest('req-1', profileId, {
        method: 'GET',
        path: 'users',
        headers: [['Authorization', 'Bearer typed-by-hand']],
      }),
    );
    expect(response.status).toBe(401);
    const ok = valueOf(
      await fx.handlers.sendRequest('req-2', profileId, { method: 'GET', path: 'users', query: [['per_page', '1']] }),
    );
    expect(ok.status).toBe(200);
    const history = valueOf(await fx.handlers.listHistory(profileId, ''));
    expect(history.map((e) => [e.request.path, e.status])).toEqual([
      ['users', 200],
      ['users', 401],
    ]);
    expect(JSON.stringify(history)).not.toContain('typed-by-hand');
    expect(valueOf(await fx.handlers.listHistory(profileId, 'per_page'))).toHaveLength(1);
  });

  it('cancels a slow request by its id', async () => {
    fx.h.server.faults.latencyMs = 5_000;
    try {
      const pending = fx.handlers.sendRequest('slow-1', profileId, { method: 'GET', path: 'users' });
      valueOf(await fx.handlers.cancelRequest('slow-1'));
      const result = await pending;
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('cancelled');
    } finally {
      fx.h.server.faults.latencyMs = 0;
    }
  });

  it('refuses a path on another origin with core’s plain sentence', async () => {
    const result = await fx.handlers.sendRequest('req-3', profileId, {
      method: 'GET',
      path: 'https://evil.example/api/1.0/users',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('forbidden_origin');
    expect(fx.unexpected).toEqual([]);
  });
});
