import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHandler } from './app';
import { namedSeed, resolveConfig } from './config';
import type { ServerContext } from './context';
import { Faults } from './faults';
import { generateSigningKeys } from './jwt';
import { createPersonalAccessToken } from './personal-access';
import { Store } from './store';
import { generateSelfSignedCertificate, generateTlsKeys } from './tls-cert';
import type { PmServer, PmStats, StartOptions } from './types';

/** Formats a host for a URL (IPv6 in brackets). */
const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/** Starts a ProcessMaker-compatible server; resolves once it accepts connections. */
export async function startPmServer(options: StartOptions = {}): Promise<PmServer> {
  const config = resolveConfig(options.config);
  const host = options.host ?? '127.0.0.1';
  const https = options.https === true;
  const [keys, tlsKeys] = await Promise.all([generateSigningKeys(), https ? generateTlsKeys() : null]);
  const ctx: ServerContext = {
    store: new Store(config),
    keys,
    config,
    now: options.clock ?? Date.now,
    baseUrl: '',
  };
  const faults = new Faults(() => ctx.store.revokeEverything(ctx.now()));
  const stats: PmStats = {
    tokenRequests: 0,
    requests: 0,
    reset() {
      stats.tokenRequests = 0;
      stats.requests = 0;
    },
  };
  const handler = createHandler(ctx, faults, stats);
  let server: Server;
  let caCertPem: string | undefined;
  if (https && tlsKeys !== null) {
    const tls = generateSelfSignedCertificate(host, tlsKeys);
    caCertPem = tls.certPem;
    server = createHttpsServer({ key: tls.keyPem, cert: tls.certPem }, handler);
  } else {
    server = createHttpServer(handler);
  }
  // 5 s, above undici's 4 s client default: the client drops an idle socket before the server
  // would, so bare and runner requests alike reuse connections and never race a closing one.
  // close() below ends open connections itself, so keep-alive does not hold it open.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ctx.baseUrl = `${https ? 'https' : 'http'}://${urlHost(host)}:${port}`;
  const pm: PmServer = {
    url: ctx.baseUrl,
    config,
    seed: namedSeed(config),
    faults,
    stats,
    issuePersonalAccessToken: (userId, name) => createPersonalAccessToken(ctx, userId, name, []).accessToken,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
  if (caCertPem !== undefined) pm.caCertPem = caCertPem;
  return pm;
}
