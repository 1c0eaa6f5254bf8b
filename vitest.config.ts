import { randomBytes } from 'node:crypto';
import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './test/support/summary-reporter';

// Keychain entries of this run live under a test-only service (deleted again by the global setup's teardown).
process.env.TOKEN_TRAY_KEYCHAIN_SERVICE ??= `Token Tray test ${randomBytes(4).toString('hex')}`;

/** One runner for every suite: core, CLI, server, renderer-in-Chromium and Electron e2e. */
export const config = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { TOKEN_TRAY_KEYCHAIN_SERVICE: process.env.TOKEN_TRAY_KEYCHAIN_SERVICE },
    globalSetup: ['test/support/keychain-service.ts'],
    reporters: ['default', new SummaryReporter()],
  },
});
// vitest loads the default export of its config file.
export default config;
