import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './test/support/summary-reporter';

/** One runner for every suite: core, CLI, server, renderer-in-Chromium and Electron e2e. */
export const config = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', new SummaryReporter()],
  },
});
// vitest loads the default export of its config file.
export default config;
