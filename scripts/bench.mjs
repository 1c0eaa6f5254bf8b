// Builds what the benchmarks measure (main and CLI bundles, the standalone pmtoken, renderer) and the bench runner itself, then runs it.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';
import { buildPmtokenExecutable } from './build-pmtoken.mjs';

// Keychain entries of the bench (and of the pmtoken it starts) live under a bench-only service.
process.env.TOKEN_TRAY_KEYCHAIN_SERVICE ??= `Token Tray bench ${randomBytes(4).toString('hex')}`;

execFileSync(process.execPath, ['scripts/build.mjs', 'main', 'cli'], { stdio: 'inherit' });
const executable = await buildPmtokenExecutable();
execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
await build({
  entryPoints: ['bench/bench.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: 'dist/bench/bench.cjs',
  external: ['keytar', 'playwright-core', '@axe-core/playwright', 'vite', 'esbuild'],
  logLevel: 'warning',
});
try {
  execFileSync(process.execPath, ['dist/bench/bench.cjs', 'dist/cli/pmtoken.js', executable], { stdio: 'inherit' });
} catch (err) {
  // The table is already printed; a budget that was exceeded sets the exit code.
  process.exitCode = typeof err.status === 'number' ? err.status : 1;
}
