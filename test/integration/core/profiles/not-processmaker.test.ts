import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, rejectsWithCode, type Harness } from '../support/engine-harness';

/** A web server that is not ProcessMaker: HTML for everything, or a 404 page. */
let site: Server;
let siteUrl: string;
let status = 200;

beforeAll(async () => {
  site = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html><body><h1>Welcome to our intranet</h1></body></html>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => site.close(() => resolve()));
});

describe('an address that is not ProcessMaker', () => {
  let h: Harness;
  beforeEach(async () => {
    status = 200;
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function profile() {
    return h.engine.addProfile({
      name: 'Intranet',
      instanceUrl: siteUrl,
      clientId: '2',
      clientSecret: 's',
      grant: 'password',
    });
  }

  it('HTML where the token endpoint should answer JSON is unexpected_response, in plain words', async () => {
    const p = await profile();
    const err = await rejectsWithCode(h.engine.signInWithPassword(p.id, 'jane', 'pw'), 'unexpected_response');
    expect(err.message).toBe('The server sent an answer Token Tray did not understand.');
    expect(err.message).not.toMatch(/<|html/i);
  });

  it('a 404 page at the token endpoint is not_processmaker', async () => {
    status = 404;
    const p = await profile();
    await rejectsWithCode(h.engine.signInWithPassword(p.id, 'jane', 'pw'), 'not_processmaker');
  });

  it('a pasted token checked against it is refused with unexpected_response, and nothing is stored', async () => {
    const p = await h.engine.addProfile({ name: 'Intranet PAT', instanceUrl: siteUrl, grant: 'personal_access_token' });
    await rejectsWithCode(
      h.engine.savePersonalAccessToken(p.id, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIyIn0.x'),
      'unexpected_response',
    );
    expect((await h.engine.getProfile(p.id)).status.state).toBe('signed_out');
  });

  it('checkInstance says it does not look like ProcessMaker', async () => {
    const check = await h.engine.checkInstance(siteUrl);
    expect(check).toMatchObject({ url: siteUrl, reachable: true, looksLikeProcessMaker: false });
    expect(check.error).toMatchObject({
      code: 'not_processmaker',
      message: 'This address answers, but it does not look like a ProcessMaker server.',
      nextStep: 'Check the address you use to open ProcessMaker in your browser.',
    });
  });
});
