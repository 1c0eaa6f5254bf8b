import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeInBrowser } from '../../../server/browser';
import { addCodeProfile, createHarness, rejectsWithCode, type Harness } from '../support/engine-harness';

describe('authorization-code sign-in through the app scheme (pmtokentray://)', () => {
  let h: Harness;
  /** Where the browser ended up: the callback URL the shell would hand to core. */
  let landed: string[];
  let decision: 'approve' | 'deny';
  beforeEach(async () => {
    landed = [];
    decision = 'approve';
    h = await createHarness({
      openBrowser: async (url) => {
        landed.push(await authorizeInBrowser(url, h.server.seed.user, decision));
      },
    });
  });
  afterEach(async () => {
    await h.close();
  });

  it('signs in end to end: PKCE S256, state, response_type=code, no scope; the callback URL completes the flow', async () => {
    const profile = await addCodeProfile(h, 'app');
    const pending = await h.engine.startBrowserSignIn(profile.id);
    const authorize = new URL(pending.authorizeUrl);
    expect(authorize.origin + authorize.pathname).toBe(`${h.server.url}/oauth/authorize`);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')?.length).toBeGreaterThanOrEqual(20);
    expect(authorize.searchParams.get('redirect_uri')).toBe('pmtokentray://oauth/callback');
    expect(authorize.searchParams.has('scope')).toBe(false);
    expect(landed[0]).toMatch(/^pmtokentray:\/\/oauth\/callback\?code=/);
    const waiting = h.engine.waitForSignIn(pending.flowId);
    expect(await h.engine.handleCallbackUrl(landed[0]!)).toBe(true);
    const view = await waiting;
    expect(view.status.state).toBe('signed_in');
    if (view.status.state === 'signed_in') expect(view.status.user?.username).toBe(h.server.seed.user.username);
    const me = await h.engine.request(profile.id, { method: 'GET', path: `users/${h.server.seed.user.id}` });
    expect(me.status).toBe(200);
    const stages = h.events
      .filter((e) => e.type === 'sign-in-progress')
      .map((e) => (e.type === 'sign-in-progress' ? e.stage : ''));
    expect(stages).toEqual(['waiting_for_browser', 'exchanging', 'done']);
  });

  it('a callback with another state is refused (state_mismatch) and the flow keeps waiting', async () => {
    const profile = await addCodeProfile(h, 'app');
    const pending = await h.engine.startBrowserSignIn(profile.id);
    const good = new URL(landed[0]!);
    const forged = new URL(good.href);
    forged.searchParams.set('state', 'not-the-state-we-sent');
    await rejectsWithCode(h.engine.handleCallbackUrl(forged.href), 'state_mismatch');
    await rejectsWithCode(h.engine.handleCallbackUrl('pmtokentray://oauth/callback?code=abc'), 'state_mismatch');
    const waiting = h.engine.waitForSignIn(pending.flowId);
    expect(await h.engine.handleCallbackUrl(good.href)).toBe(true);
    expect((await waiting).status.state).toBe('signed_in');
  });

  it('a replayed callback is refused, and a replayed code fails without touching the stored tokens', async () => {
    const profile = await addCodeProfile(h, 'app');
    await h.engine.startBrowserSignIn(profile.id);
    const first = landed[0]!;
    await h.engine.handleCallbackUrl(first);
    const stored = await h.secrets.get(profile.id);
    // The same URL again: the flow has ended, so nothing waits for that state.
    await rejectsWithCode(h.engine.handleCallbackUrl(first), 'state_mismatch');
    // A new flow given the old (used) code: ProcessMaker refuses it.
    const second = await h.engine.startBrowserSignIn(profile.id, { openBrowser: false });
    const replay = new URL(first);
    replay.searchParams.set('state', new URL(second.authorizeUrl).searchParams.get('state')!);
    const waiting = h.engine.waitForSignIn(second.flowId);
    await h.engine.handleCallbackUrl(replay.href);
    await rejectsWithCode(waiting, 'sign_in_failed');
    expect(await h.secrets.get(profile.id)).toBe(stored);
  });

  it('a callback without a code ends the flow with a plain error', async () => {
    const profile = await addCodeProfile(h, 'app');
    const pending = await h.engine.startBrowserSignIn(profile.id, { openBrowser: false });
    const state = new URL(pending.authorizeUrl).searchParams.get('state')!;
    const waiting = h.engine.waitForSignIn(pending.flowId);
    expect(await h.engine.handleCallbackUrl(`pmtokentray://oauth/callback?state=${state}`)).toBe(true);
    const err = await rejectsWithCode(waiting, 'sign_in_failed');
    expect(err.message).toBe('ProcessMaker returned to Token Tray without a sign-in code.');
  });

  it('pressing Cancel on the consent page (access_denied) means "Sign-in was cancelled"', async () => {
    decision = 'deny';
    const profile = await addCodeProfile(h, 'app');
    const pending = await h.engine.startBrowserSignIn(profile.id);
    expect(landed[0]).toMatch(/error=access_denied/);
    const waiting = h.engine.waitForSignIn(pending.flowId);
    await h.engine.handleCallbackUrl(landed[0]!);
    const err = await rejectsWithCode(waiting, 'sign_in_cancelled');
    expect(err.message).toBe('Sign-in was cancelled.');
  });

  it('a flow times out, and a flow can be cancelled', async () => {
    const profile = await addCodeProfile(h, 'app');
    const slow = await h.engine.startBrowserSignIn(profile.id, { openBrowser: false, timeoutMs: 150 });
    await rejectsWithCode(h.engine.waitForSignIn(slow.flowId), 'sign_in_timeout');
    const other = await h.engine.startBrowserSignIn(profile.id, { openBrowser: false });
    const waiting = h.engine.waitForSignIn(other.flowId);
    h.engine.cancelSignIn(other.flowId);
    await rejectsWithCode(waiting, 'sign_in_cancelled');
    // Both flows are gone: their callbacks are refused.
    const state = new URL(other.authorizeUrl).searchParams.get('state')!;
    await rejectsWithCode(
      h.engine.handleCallbackUrl(`pmtokentray://oauth/callback?code=x&state=${state}`),
      'state_mismatch',
    );
  });

  it('a code issued for another return address fails the exchange with redirect_mismatch', async () => {
    const profile = await addCodeProfile(h, 'app');
    const pending = await h.engine.startBrowserSignIn(profile.id, { openBrowser: false });
    const tampered = new URL(pending.authorizeUrl);
    tampered.searchParams.set('redirect_uri', 'http://127.0.0.1/oauth/callback');
    const landedAt = await authorizeInBrowser(tampered.href, h.server.seed.user);
    const waiting = h.engine.waitForSignIn(pending.flowId);
    expect(await h.engine.handleCallbackUrl(landedAt)).toBe(true);
    const err = await rejectsWithCode(waiting, 'redirect_mismatch');
    expect(err.nextStep).toMatch(/pmtokentray:\/\/oauth\/callback/);
  });

  it('an error callback about the client is client_rejected', async () => {
    const profile = await addCodeProfile(h, 'app');
    const pending = await h.engine.startBrowserSignIn(profile.id, { openBrowser: false });
    const state = new URL(pending.authorizeUrl).searchParams.get('state')!;
    const waiting = h.engine.waitForSignIn(pending.flowId);
    await h.engine.handleCallbackUrl(`pmtokentray://oauth/callback?state=${state}&error=invalid_client`);
    await rejectsWithCode(waiting, 'client_rejected');
  });

  it('a URL that is not a sign-in callback is ignored', async () => {
    expect(await h.engine.handleCallbackUrl('pmtokentray://something/else')).toBe(false);
    expect(await h.engine.handleCallbackUrl('https://example.com/oauth/callback?code=1&state=2')).toBe(false);
  });

  it('a wrong client secret makes the code exchange fail with client_rejected, storing nothing', async () => {
    const client = h.server.seed.codeClient;
    const profile = await h.engine.addProfile({
      name: 'Bad',
      instanceUrl: h.server.url,
      clientId: String(client.id),
      clientSecret: 'y'.repeat(40),
      grant: 'authorization_code',
    });
    const pending = await h.engine.startBrowserSignIn(profile.id);
    const waiting = h.engine.waitForSignIn(pending.flowId);
    await h.engine.handleCallbackUrl(landed[0]!);
    await rejectsWithCode(waiting, 'client_rejected');
    expect((await h.engine.getProfile(profile.id)).status.state).toBe('signed_out');
  });
});
