import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPmServer, type PmServer } from '../../server';

/** GET over https with an optional trusted CA; resolves the status or rejects with the TLS error code. */
function get(url: string, ca?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, ca === undefined ? {} : { ca }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (err: NodeJS.ErrnoException) => reject(new Error(err.code ?? err.message)));
    req.end();
  });
}

describe('https', () => {
  let server: PmServer;
  beforeAll(async () => {
    server = await startPmServer({ https: true });
  });
  afterAll(() => server.close());

  it('serves https with a self-signed certificate for 127.0.0.1 and localhost', () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const cert = new X509Certificate(server.caCertPem ?? '');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.verify(cert.publicKey)).toBe(true);
  });

  it('is trusted by a client given the certificate, and refused by one without it', async () => {
    expect(await get(`${server.url}/docs/api-docs.json`, server.caCertPem)).toBe(200);
    await expect(get(`${server.url}/docs/api-docs.json`)).rejects.toThrow(/SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/);
  });
});
