import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCliArgs, USAGE } from './cli-args';
import { readConfigFile } from './config';
import { startPmServer } from './start';
import type { PmServer } from './types';

/** Prints the demo credentials (this is a throwaway demo server: showing its generated secrets is the point). */
function printCredentials(server: PmServer): void {
  const lines = ['ProcessMaker-compatible demo server (test data only)', 'Users:'];
  for (const u of server.config.users)
    lines.push(
      `  ${u.id}  ${u.username}  password: ${u.password}${u.is_administrator === true ? '  (administrator)' : ''}`,
    );
  lines.push('Auth clients:');
  for (const c of server.config.clients) {
    lines.push(`  ${c.id}  ${c.name}  [${c.types.join(', ')}]  secret: ${c.secret ?? '(none: public client)'}`);
    if (c.types.includes('authorization_code_grant')) lines.push(`      redirect: ${c.redirect}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

/** Entry point of `npm run pm-server`. */
async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  let opts;
  try {
    opts = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  // Handlers go in first, so a stop during start-up (key generation) still exits cleanly.
  let server: PmServer | null = null;
  let certFile: string | null = null;
  const stop = (): void => {
    if (certFile !== null) rmSync(certFile, { force: true });
    if (server === null) process.exit(0);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const config = opts.configFile === null ? undefined : readConfigFile(opts.configFile);
  server = await startPmServer({
    port: opts.port,
    host: opts.host,
    https: opts.https,
    ...(config === undefined ? {} : { config }),
  });
  server.faults.latencyMs = opts.latencyMs;
  printCredentials(server);
  if (server.caCertPem !== undefined) {
    certFile = join(tmpdir(), `pm-server-${process.pid}.pem`);
    writeFileSync(certFile, server.caCertPem);
    process.stdout.write(`Self-signed certificate: ${certFile} (trust it with NODE_EXTRA_CA_CERTS=${certFile})\n`);
  }
  process.stdout.write(`pm-server listening on ${server.url}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`pm-server could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
