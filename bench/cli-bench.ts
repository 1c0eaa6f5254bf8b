/**
 * `pmtoken token` wall time (a valid stored token) vs `node -e 0`, both as
 * fresh processes, interleaved.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signedInBench } from './fixtures';
import { paired, ratioRow, type BenchRow } from './measure';

const run = (args: string[]) => async () => {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.trim()}`);
};

/** Runs the CLI start-up benchmark. `cliPath` is the bundled dist/cli/pmtoken.js. */
export async function cliBench(cliPath: string): Promise<BenchRow[]> {
  const configDir = await mkdtemp(join(tmpdir(), 'token-tray-bench-cli-'));
  // The CLI and the fixture share the bench's keychain service (TOKEN_TRAY_KEYCHAIN_SERVICE, set by scripts/bench.mjs).
  const { server, engine, profileId } = await signedInBench('bench-cli', configDir);
  try {
    const check = spawnSync(process.execPath, [cliPath, '--config-dir', configDir, 'token', 'bench-cli'], {
      encoding: 'utf8',
    });
    if (check.status !== 0 || check.stdout.trim().split('.').length !== 3) {
      throw new Error(`pmtoken token did not print a token: ${check.stderr.trim()}`);
    }
    const r = await paired(run([cliPath, '--config-dir', configDir, 'token', 'bench-cli']), run(['-e', '0']), {
      rounds: 25,
      warmup: 3,
    });
    await engine.removeProfile(profileId);
    return [ratioRow('pmtoken token (wall time)', 'pmtoken token', 'node -e 0', r, 1.6)];
  } finally {
    await engine.dispose();
    await server.close();
    await rm(configDir, { recursive: true, force: true });
  }
}
