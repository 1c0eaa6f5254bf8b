import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryStore, historyLimit } from '../../../main/desktop';

describe('history store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'token-tray-history-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the last 50 requests per profile, newest first', async () => {
    const store = createHistoryStore(dir);
    for (let i = 0; i < historyLimit + 10; i += 1) {
      await store.add({
        profileId: 'p1',
        at: 1000 + i,
        request: { method: 'GET', path: `users/${i}` },
        status: 200,
        durationMs: 5,
      });
    }
    await store.add({ profileId: 'p2', request: { method: 'GET', path: 'groups' }, status: 200, durationMs: 3 });
    const p1 = await store.list('p1');
    expect(p1).toHaveLength(historyLimit);
    expect(p1[0]?.request.path).toBe(`users/${historyLimit + 9}`);
    expect(p1.at(-1)?.request.path).toBe('users/10');
    expect(await store.list('p2')).toHaveLength(1);
    // A second store on the same folder (another process) sees the same file.
    expect(await createHistoryStore(dir).list('p1')).toHaveLength(historyLimit);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never writes tokens, cookies or secret headers to disk', async () => {
    const store = createHistoryStore(dir);
    const jwt = 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIyIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    await store.add({
      profileId: 'p1',
      request: {
        method: 'POST',
        path: `users?access_token=${jwt}`,
        query: [
          ['api_key', 'k-123456'],
          ['page', '2'],
        ],
        headers: [
          ['Authorization', `Bearer ${jwt}`],
          ['Cookie', 'laravel_session=abc123'],
          ['X-Api-Key', 'k-123456'],
          ['X-Request-Id', 'r-1'],
        ],
        body: `{"username":"sam","password":"hunter2-hunter2"}`,
      },
      status: 201,
      durationMs: 12,
    });
    const raw = await readFile(join(dir, 'history.json'), 'utf8');
    for (const secret of [jwt, 'abc123', 'k-123456', 'hunter2']) expect(raw).not.toContain(secret);
    const [entry] = await store.list('p1');
    expect(entry?.request.headers).toEqual([['X-Request-Id', 'r-1']]);
    expect(entry?.request.query).toEqual([
      ['api_key', '[redacted]'],
      ['page', '2'],
    ]);
  });

  it('searches and clears one profile', async () => {
    const store = createHistoryStore(dir);
    await store.add({ profileId: 'p1', request: { method: 'GET', path: 'users' }, status: 200, durationMs: 1 });
    await store.add({ profileId: 'p1', request: { method: 'DELETE', path: 'groups/4' }, status: 204, durationMs: 1 });
    await store.add({ profileId: 'p2', request: { method: 'GET', path: 'groups' }, status: 200, durationMs: 1 });
    expect((await store.list('p1', 'GROUPS')).map((e) => e.request.method)).toEqual(['DELETE']);
    await store.clear('p1');
    expect(await store.list('p1')).toEqual([]);
    expect(await store.list('p2')).toHaveLength(1);
  });

  it('starts empty when the file is damaged', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'history.json'), '{not json');
    const store = createHistoryStore(dir);
    expect(await store.list('p1')).toEqual([]);
    await store.add({ profileId: 'p1', request: { method: 'GET', path: 'users' }, status: null, durationMs: null });
    expect(await store.list('p1')).toHaveLength(1);
  });
});
