import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TokenTrayError } from '../../../../main/core/errors';
import { fetchApiEndpoints, parseOpenApiEndpoints } from '../../../../main/core/api';
import { startPmServer } from '../../../server';
import { startRawServer } from '../support/servers';

describe('OpenAPI endpoints', () => {
  const fixture: unknown = JSON.parse(readFileSync('test/fixtures/processmaker-openapi.json', 'utf8'));

  it('lists every operation of ProcessMaker’s document relative to /api/1.0, sorted', () => {
    const endpoints = parseOpenApiEndpoints(fixture);
    expect(endpoints).toHaveLength(69 + 39 + 36 + 24 + 1 + 1);
    expect(endpoints).toContainEqual(expect.objectContaining({ method: 'GET', path: '/users/{user_id}' }));
    const keys = endpoints.map((e) => `${e.path} ${e.method}`);
    expect(new Set(keys).size).toBe(keys.length);
    const paths = endpoints.map((e) => e.path);
    expect([...paths].sort()).toEqual(paths);
    expect(endpoints.find((e) => e.path === '/collections' && e.method === 'GET')?.summary).toBe(
      'Returns all collections that the user has access to',
    );
  });

  it('strips a server prefix written into the paths and ignores junk', () => {
    const doc = {
      servers: [{ url: 'https://pm.example/api/1.0' }],
      paths: { '/users': { get: {}, post: { summary: 'Create' }, parameters: [] }, nope: { get: {} } },
    };
    expect(parseOpenApiEndpoints(doc)).toEqual([
      { method: 'GET', path: '/users' },
      { method: 'POST', path: '/users', summary: 'Create' },
    ]);
    expect(parseOpenApiEndpoints('not a document')).toEqual([]);
  });

  it('downloads the document from the instance', async () => {
    const pm = await startPmServer();
    try {
      const endpoints = await fetchApiEndpoints(fetch, pm.url);
      expect(endpoints).toEqual(parseOpenApiEndpoints(fixture));
    } finally {
      await pm.close();
    }
  });

  it('reports an instance without the document', async () => {
    const server = await startRawServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html></html>'),
    );
    try {
      const err = await fetchApiEndpoints(fetch, server.url).catch((e: unknown) => e);
      expect((err as TokenTrayError).code).toBe('unexpected_response');
    } finally {
      await server.close();
    }
  });
});
