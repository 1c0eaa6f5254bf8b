/**
 * `pmtoken token` wall time (a valid stored token) vs `node -e 0`, both as
 * fresh processes, interleaved: the bundle under node, and the standalone
 * executable (npm run build:pmtoken), which is what installed users run.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keychainService } from '../main/core';
import { signedInBench } from './fixtures';
import { paired, ratioRow, type BenchRow } from './measure';

const run =
  (args: string[], program = process.execPath) =>
  async () => {
    const result = spawnSync(program, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.trim()}`);
  };

/** Checks that `pmtoken token` printed a token (a JWT), so that the rows time the fast path, not an error. */
function checkToken(program: string, args: string[]): void {
  const check = spawnSync(program, args, { encoding: 'utf8' });
  if (check.status !== 0 || check.stdout.trim().split('.').length !== 3) {
    throw new Error(`pmtoken token did not print a token: ${check.stderr.trim()}`);
  }
}

/**
 * Runs the CLI start-up benchmark. `cliPath` is the bundled dist/cli/pmtoken.js; `executablePath`
 * the standalone dist/pmtoken/pmtoken.
 */
export async function cliBench(cliPath: string, executablePath: string): Promise<BenchRow[]> {
  const configDir = await mkdtemp(join(tmpdir(), 'token-tray-bench-cli-'));
  // The CLI and the fixture share the bench's keychain service (TOKEN_TRAY_KEYCHAIN_SERVICE, set by scripts/bench.mjs).
  const { server, engine, profileId } = await signedInBench('bench-cli', configDir);
  try {
    const args = ['--config-dir', configDir, 'token', 'bench-cli'];
    checkToken(process.execPath, [cliPath, ...args]);
    checkToken(executablePath, args);
    const r = await paired(run([cliPath, ...args]), run(['-e', '0']), { rounds: 25, warmup: 3 });
    // The executable is this same Node with the bundle and its code cache inside: its start-up is
    // node's own, plus reading the token.
    const exe = await paired(run(args, executablePath), run(['-e', '0']), { rounds: 25, warmup: 3 });
    // What no `pmtoken token` can go below: a Node that starts and reads the profile's keychain item once.
    const keytarPath = createRequire(__filename).resolve('keytar');
    const readItem = `require(${JSON.stringify(keytarPath)}).getPassword(${JSON.stringify(keychainService())}, ${JSON.stringify(profileId)}).then((v) => process.exit(v ? 0 : 1))`;
    const floor = await paired(run(args, executablePath), run(['-e', readItem]), { rounds: 25, warmup: 3 });
    await engine.removeProfile(profileId);
    return [
      ratioRow('pmtoken token (wall time)', 'node dist/cli/pmtoken.js token', 'node -e 0', r, 1.6),
      ratioRow('pmtoken executable token (wall time)', 'dist/pmtoken/pmtoken token', 'node -e 0', exe, 1.1),
      ratioRow(
        'pmtoken executable token vs its floor',
        'dist/pmtoken/pmtoken token',
        'node -e "keytar.getPassword(the profile\'s item)"',
        floor,
        null,
      ),
    ];
  } finally {
    await engine.dispose();
    await server.close();
    await rm(configDir, { recursive: true, force: true });
  }
}
