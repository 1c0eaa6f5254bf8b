import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPmServer, type PmServer } from '../../server';
import { api, decodeJwt, passwordToken, startWithClock, tokenForm, type TokenBody } from './helpers';

interface Envelope {
  data: Array<Record<string, unknown>>;
  meta: Record<string, unknown>;
}

describe('API authentication', () => {
  let server: PmServer;
  let advance: (ms: number) => void;
  beforeAll(async () => {
    ({ server, advance } = await startWithClock({ config: { accessTokenTtl: 600 } }));
  });
  afterAll(() => server.close());

  it('answers 401 {"error":"Unauthenticated."} without a token, with garbage, and with another server\'s token', async () => {
    const other = await startPmServer();
    const foreign = (await passwordToken(other)).access_token;
    await other.close();
    const variants: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer nonsense' },
      { authorization: `Bearer ${foreign}` },
    ];
    for (const headers of variants) {
      const res = await fetch(`${server.url}/api/1.0/users`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Unauthenticated.' });
    }
  });

  it('rejects a token once it has expired', async () => {
    const { access_token, expires_in } = await passwordToken(server);
    expect(expires_in).toBe(600);
    expect((await api(server, 'users/configuration', access_token)).status).toBe(200);
    advance(601 * 1000);
    expect((await api(server, 'users/configuration', access_token)).status).toBe(401);
  });

  it('gives a client_credentials token (no user) 401 on every API call', async () => {
    const c = server.seed.codeClient;
    const res = await tokenForm(server, {
      grant_type: 'client_credentials',
      client_id: String(c.id),
      client_secret: c.secret ?? '',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as TokenBody;
    expect(body.refresh_token).toBeUndefined();
    expect(decodeJwt(body.access_token).payload.sub).toBe('');
    expect((await api(server, 'users', body.access_token)).status).toBe(401);
  });

  it('answers 404 {"error":"Not Found"} for unknown routes and models, 405 for a wrong method', async () => {
    const { access_token } = await passwordToken(server);
    for (const path of ['nope', 'users/999', 'processes/abc']) {
      const res = await api(server, path, access_token);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'Not Found' });
    }
    expect((await api(server, 'users', access_token, { method: 'DELETE' })).status).toBe(405);
  });
});

describe('API resources', () => {
  let server: PmServer;
  let admin: string;
  let jane: string;
  beforeAll(async () => {
    server = await startPmServer();
    admin = (await passwordToken(server, 'admin', server.seed.admin.password)).access_token;
    jane = (await passwordToken(server)).access_token;
  });
  afterAll(() => server.close());

  const getJson = async <T>(path: string, token: string): Promise<T> => {
    const res = await api(server, path, token);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  it('lets a user view themselves (unwrapped, with fullname) and configuration, but not others', async () => {
    const me = await getJson<Record<string, unknown>>(`users/${server.seed.user.id}`, jane);
    expect(me).toMatchObject({
      id: 2,
      username: 'jane',
      email: 'jane@example.com',
      firstname: 'Jane',
      lastname: 'Doe',
      status: 'ACTIVE',
      fullname: 'Jane Doe',
    });
    expect(me.password).toBeUndefined();
    expect(await getJson(`users/configuration`, jane)).toMatchObject({ user_id: 2 });
    const other = await api(server, `users/${server.seed.admin.id}`, jane);
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({ message: 'This action is unauthorized.' });
    expect((await api(server, `users/${server.seed.user.id}`, admin)).status).toBe(200);
  });

  it("wraps lists in ProcessMaker's envelope with 10 per page by default", async () => {
    const page = await getJson<Envelope>('requests', admin);
    expect(page.data).toHaveLength(10);
    expect(page.meta).toEqual({
      filter: '',
      sort_by: '',
      sort_order: '',
      count: 10,
      total_pages: 3,
      current_page: 1,
      from: 1,
      last_page: 3,
      path: `${server.url}/api/1.0/requests`,
      per_page: 10,
      to: 10,
      total: 30,
    });
  });

  it('honours page and per_page, including a page past the end', async () => {
    const p3 = await getJson<Envelope>('requests?page=3&per_page=12', admin);
    expect(p3.meta).toMatchObject({
      current_page: 3,
      per_page: 12,
      from: 25,
      to: 30,
      count: 6,
      last_page: 3,
      total: 30,
    });
    expect(p3.data.map((r) => r.id)).toEqual([25, 26, 27, 28, 29, 30]);
    const past = await getJson<Envelope>('requests?page=9', admin);
    expect(past.data).toEqual([]);
    expect(past.meta).toMatchObject({ from: null, to: null, count: 0, current_page: 9 });
  });

  it('filters and sorts', async () => {
    const hits = await getJson<Envelope>('users?filter=JANE', admin);
    expect(hits.data.map((u) => u.username)).toEqual(['jane']);
    expect(hits.meta).toMatchObject({ filter: 'JANE', total: 1 });
    const desc = await getJson<Envelope>('processes?order_by=id&order_direction=desc&per_page=2', admin);
    expect(desc.data.map((p) => p.id)).toEqual([6, 5]);
    expect(desc.meta).toMatchObject({ sort_by: 'id', sort_order: 'desc' });
    const none = await getJson<Envelope>('users?filter=nobody-at-all', admin);
    expect(none.meta).toMatchObject({ total: 0, count: 0, total_pages: 0, last_page: 1, from: null, to: null });
    const done = await getJson<Envelope>('requests?status=COMPLETED&per_page=100', admin);
    expect(done.data.every((r) => r.status === 'COMPLETED')).toBe(true);
    expect(done.meta.total).toBeGreaterThan(0);
  });

  it('serves groups, group members, processes, tasks and single resources', async () => {
    expect((await getJson<Envelope>('groups', jane)).meta.total).toBe(3);
    expect((await getJson<Envelope>('groups/2/users', admin)).data.map((u) => u.username)).toEqual(['admin', 'jane']);
    expect(await getJson('processes/1', jane)).toMatchObject({ id: 1, name: 'Leave Request' });
    expect(await getJson('requests/1', admin)).toMatchObject({ id: 1, process_id: 1 });
    expect((await getJson<Envelope>('tasks', admin)).meta.total).toBe(40);
    expect(await getJson('tasks/2', admin)).toMatchObject({ id: 2, element_type: 'task' });
    const mine = await getJson<Envelope>('tasks?per_page=100', jane);
    expect(mine.data.every((t) => t.user_id === 2)).toBe(true);
  });

  it('starts a request with POST process_events and validates with 422', async () => {
    const ok = await api(server, 'process_events/1?event=node_1', jane, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days: 3 }),
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ process_id: 1, user_id: 2, status: 'ACTIVE', data: { days: 3 } });
    const missing = await api(server, 'process_events/1', jane, { method: 'POST' });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toEqual({
      message: 'The event field is required.',
      errors: { event: ['The event field is required.'] },
    });
    expect((await api(server, 'process_events/77?event=node_1', jane, { method: 'POST' })).status).toBe(404);
  });
});

describe('personal access tokens', () => {
  let server: PmServer;
  let jane: string;
  beforeAll(async () => {
    server = await startPmServer();
    jane = (await passwordToken(server)).access_token;
  });
  afterAll(() => server.close());

  const create = (userId: number, body: unknown, token = jane) =>
    api(server, `users/${userId}/tokens`, token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('creates a token shown once, lists it, uses it as Bearer and revokes it with 204', async () => {
    const res = await create(2, { name: 'laptop', scopes: [] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accessToken: string; token: Record<string, unknown> };
    expect(Object.keys(body.token)).toEqual([
      'id',
      'user_id',
      'client_id',
      'name',
      'scopes',
      'revoked',
      'created_at',
      'updated_at',
      'expires_at',
    ]);
    expect(body.token).toMatchObject({
      user_id: 2,
      client_id: server.seed.patClient.id,
      name: 'laptop',
      scopes: [],
      revoked: false,
    });
    expect(decodeJwt(body.accessToken).payload).toMatchObject({
      sub: '2',
      aud: String(server.seed.patClient.id),
      jti: body.token.id,
    });
    const list = (await (await api(server, 'users/2/tokens', jane)).json()) as Envelope;
    expect(list.data.map((t) => t.name)).toEqual(['laptop']);
    expect((await api(server, 'users/configuration', body.accessToken)).status).toBe(200);
    const del = await api(server, `users/2/tokens/${String(body.token.id)}`, jane, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    expect((await api(server, 'users/configuration', body.accessToken)).status).toBe(401);
    expect(((await (await api(server, 'users/2/tokens', jane)).json()) as Envelope).data).toEqual([]);
  });

  it('answers 422 when the name is missing', async () => {
    const res = await create(2, { scopes: [] });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      message: 'The name field is required.',
      errors: { name: ['The name field is required.'] },
    });
  });

  it('refuses any scope, since ProcessMaker defines none', async () => {
    const res = await create(2, { name: 'x', scopes: ['*'] });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      message: 'The selected scopes is invalid.',
      errors: { scopes: ['The selected scopes is invalid.'] },
    });
  });

  it('forbids a non-administrator to create or list tokens for someone else', async () => {
    const res = await create(1, { name: 'x' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ message: 'Not authorized to update this user.' });
    expect((await api(server, 'users/1/tokens', jane)).status).toBe(403);
  });

  it('shows one token by id and answers an unknown id with 404', async () => {
    const created = (await (await create(2, { name: 'one' })).json()) as { token: { id: string } };
    expect(await (await api(server, `users/2/tokens/${created.token.id}`, jane)).json()).toMatchObject({
      id: created.token.id,
      name: 'one',
    });
    expect((await api(server, 'users/2/tokens/unknown', jane)).status).toBe(404);
    expect((await api(server, 'users/2/tokens/unknown', jane, { method: 'DELETE' })).status).toBe(404);
  });

  it('lets an administrator create a token for another user', async () => {
    const admin = (await passwordToken(server, 'admin', server.seed.admin.password)).access_token;
    expect((await create(2, { name: 'by admin' }, admin)).status).toBe(200);
  });

  it('issues tokens in-process for tests', async () => {
    const pat = await server.issuePersonalAccessToken(2, 'fixture');
    const res = await api(server, 'users/2', pat);
    expect(res.status).toBe(200);
  });
});
