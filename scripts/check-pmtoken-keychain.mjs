// Checks that the standalone pmtoken reads a keychain item written the way the app writes it: keytar
// from Node (node_modules/keytar, the app's own addon) stores a profile's item under the app's
// service ("Token Tray", account = the profile id), then the executable must print its token.
// CI runs it on macOS, where the executable is another program than the one that wrote the item.
// Usage: node scripts/check-pmtoken-keychain.mjs [dist/pmtoken/pmtoken]
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { executableName } from './build-pmtoken.mjs';

const executable = resolve(process.argv[2] ?? join('dist', 'pmtoken', executableName));
const keytar = createRequire(import.meta.url)('keytar');
// main/core/tokens: KEYCHAIN_SERVICE, unless the test suite's override is set.
const service = process.env.TOKEN_TRAY_KEYCHAIN_SERVICE?.trim() || 'Token Tray';
const profileId = randomUUID();
const token = `check-${randomBytes(24).toString('hex')}`;
const configDir = mkdtempSync(join(tmpdir(), 'pmtoken-keychain-check-'));

let failed = false;
try {
  writeFileSync(
    join(configDir, 'config.json'),
    JSON.stringify({
      profiles: [
        {
          id: profileId,
          name: 'keychain-check',
          instanceUrl: 'https://processmaker.invalid',
          clientId: '',
          grant: 'personal_access_token',
          redirectMode: 'loopback',
        },
      ],
      activeProfileId: profileId,
    }),
  );
  await keytar.setPassword(
    service,
    profileId,
    JSON.stringify({ v: 1, kind: 'personal_access_token', accessToken: token, obtainedAt: Date.now() }),
  );
  const run = spawnSync(executable, ['--config-dir', configDir, 'token'], { encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  if (run.status === 0 && run.stdout.trim() === token) {
    console.log(`${executable} read the item "${service}" / ${profileId} that keytar wrote from Node.`);
  } else {
    failed = true;
    const printed = run.stdout.trim() === '' ? 'nothing' : 'another token';
    console.error(`pmtoken did not read the item (exit ${run.status}, printed ${printed}): ${run.stderr.trim()}`);
  }
} finally {
  await keytar.deletePassword(service, profileId).catch(() => false);
  rmSync(configDir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
