import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { createHarness, rejectsWithCode, type Harness } from '../support/engine-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('the Auth Client is checked when a profile is saved', () => {
  it('a wrong Client secret is refused at save, in plain words, and nothing is saved', async () => {
    h = await createHarness();
    const client = h.server.seed.codeClient;
    const err = await rejectsWithCode(
      h.engine.addProfile(
        {
          name: 'Acme',
          instanceUrl: h.server.url,
          grant: 'authorization_code',
          clientId: String(client.id),
          clientSecret: 'not-the-secret',
        },
        { checkClient: true },
      ),
      'client_rejected',
    );
    // ProcessMaker answers a wrong secret as it answers a wrong ID: the sentence says so, and names the usual cause.
    expect(err.key).toBe('error.client.rejected_check');
    expect(err.message).toBe(
      'ProcessMaker did not accept this Client ID with this secret: one of the two is wrong, and ProcessMaker does not say which.',
    );
    expect(err.nextStep).toContain('Most often it is the secret');
    expect(await h.engine.listProfiles()).toEqual([]);
    // The check asked the token endpoint twice (the grant, then a refresh any client may ask) and got no token.
    expect(h.server.stats.tokenRequests).toBe(2);
  });

  it('the right client is accepted and saved; so is an unknown id refused', async () => {
    h = await createHarness();
    const client = h.server.seed.codeClient;
    const saved = await h.engine.addProfile(
      {
        name: 'Acme',
        instanceUrl: h.server.url,
        grant: 'authorization_code',
        clientId: String(client.id),
        clientSecret: client.secret ?? undefined,
      },
      { checkClient: true },
    );
    expect(saved.hasClientSecret).toBe(true);
    const unknown = await rejectsWithCode(
      h.engine.addProfile(
        { name: 'Other', instanceUrl: h.server.url, grant: 'authorization_code', clientId: '9999' },
        { checkClient: true },
      ),
      'client_rejected',
    );
    expect(unknown.key).toBe('error.client.rejected_check');
    // Something that is no Client ID at all (the secret pasted in its place) is named as such.
    const notAnId = await rejectsWithCode(
      h.engine.addProfile(
        {
          name: 'Other',
          instanceUrl: h.server.url,
          grant: 'authorization_code',
          clientId: client.secret ?? '',
          clientSecret: String(client.id),
        },
        { checkClient: true },
      ),
      'client_rejected',
    );
    expect(notAnId.message).toBe('This is not a Client ID: ProcessMaker’s Client IDs are numbers, like 3.');
    expect((await h.engine.listProfiles()).map((p) => p.name)).toEqual(['Acme']);
  });

  it('a client without the password grant is refused for a password profile, with what to ask IT', async () => {
    h = await createHarness();
    const code = h.server.seed.codeClient;
    const password = h.server.seed.passwordClient;
    const err = await rejectsWithCode(
      h.engine.addProfile(
        {
          name: 'Acme',
          instanceUrl: h.server.url,
          grant: 'password',
          clientId: String(code.id),
          clientSecret: code.secret ?? undefined,
        },
        { checkClient: true },
      ),
      'client_rejected',
    );
    // ID and secret are right (ProcessMaker takes a refresh request from it), and it is a browser client.
    expect(err.key).toBe('error.client.not_for_password');
    expect(err.nextStep).toBe(
      'It is set up for signing in with the browser: choose “Sign in with my browser” as the way to sign in.',
    );
    // The other way round: a password client for a browser profile.
    const browser = await rejectsWithCode(
      h.engine.addProfile(
        {
          name: 'Acme',
          instanceUrl: h.server.url,
          grant: 'authorization_code',
          clientId: String(password.id),
          clientSecret: password.secret ?? undefined,
        },
        { checkClient: true },
      ),
      'client_rejected',
    );
    expect(browser.key).toBe('error.client.not_for_browser');
    expect(browser.nextKey).toBe('error.client.not_for_browser.password.next');
    // A client that is neither (the personal access client): what to ask IT.
    const pat = h.server.seed.patClient;
    const neither = await rejectsWithCode(
      h.engine.addProfile(
        {
          name: 'Acme',
          instanceUrl: h.server.url,
          grant: 'password',
          clientId: String(pat.id),
          clientSecret: pat.secret ?? undefined,
        },
        { checkClient: true },
      ),
      'client_rejected',
    );
    expect(neither.key).toBe('error.client.not_for_password');
    expect(neither.nextStep).toContain('Enable Password Grant');
    const ok = await h.engine.addProfile(
      {
        name: 'Acme',
        instanceUrl: h.server.url,
        grant: 'password',
        clientId: String(password.id),
        clientSecret: password.secret ?? undefined,
      },
      { checkClient: true },
    );
    expect(ok.grant).toBe('password');
  });

  it('editing the secret is checked too: a wrong one changes nothing, the right one is stored', async () => {
    h = await createHarness();
    const client = h.server.seed.codeClient;
    const profile = await h.engine.addProfile({
      name: 'Acme',
      instanceUrl: h.server.url,
      grant: 'authorization_code',
      clientId: String(client.id),
      clientSecret: 'typed-wrong-at-first',
    });
    await rejectsWithCode(
      h.engine.updateProfile(profile.id, { clientSecret: 'still-wrong' }, { checkClient: true }),
      'client_rejected',
    );
    const harness = h;
    const secretNow = async () =>
      (JSON.parse((await harness.secrets.get(profile.id)) ?? '{}') as { clientSecret?: string }).clientSecret;
    expect(await secretNow()).toBe('typed-wrong-at-first');
    // Changing only the name asks nothing.
    const before = h.server.stats.tokenRequests;
    await h.engine.updateProfile(profile.id, { name: 'Acme (renamed)' }, { checkClient: true });
    expect(h.server.stats.tokenRequests).toBe(before);
    await h.engine.updateProfile(profile.id, { clientSecret: client.secret ?? '' }, { checkClient: true });
    expect(await secretNow()).toBe(client.secret);
  });

  it('a ProcessMaker that cannot be asked does not stop the save', async () => {
    h = await createHarness();
    const down = createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'temporarily_unavailable' }));
    });
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const address = down.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const saved = await h.engine.addProfile(
        {
          name: 'Later',
          instanceUrl: `http://127.0.0.1:${port}`,
          grant: 'authorization_code',
          clientId: '3',
          clientSecret: 'whatever',
        },
        { checkClient: true },
      );
      expect(saved.name).toBe('Later');
    } finally {
      await new Promise((resolve) => down.close(resolve));
    }
  });
});
