/** The setup every pmtoken integration file shares: a built CLI, pm-server and a settings folder. */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startPmServer, type PmServer, type StartOptions } from '../../../server';
import { buildCli, runCli, tempConfigDir, type BuiltCli, type CliLaunch, type CliResult } from './cli';

/** Options of {@link useCliSuite}. */
export interface CliSuiteOptions {
  /** Build the single-file bundle (everything in pmtoken.js) instead of the split one. */
  split?: boolean;
  /** Start the standalone executable instead of `node pmtoken.js` (see `cliLaunches` in ./cli). */
  launch?: CliLaunch;
  /** A fresh settings folder for each test (default) or one for the whole file. */
  configDir?: 'per-test' | 'per-file';
  /** How pm-server starts (e.g. short token lifetimes). */
  server?: StartOptions;
}

/** What a CLI test file gets from {@link useCliSuite} (read inside hooks and tests only). */
export interface CliSuite {
  readonly cli: BuiltCli;
  readonly pm: PmServer;
  /** The settings folder `run` passes with --config-dir. */
  readonly configDir: string;
  /** Runs pmtoken with `--config-dir` set to {@link CliSuite.configDir}. */
  run(args: string[], stdin?: string, env?: Record<string, string>): Promise<CliResult>;
}

/** Registers the hooks (in the calling `describe`) that build the CLI, start pm-server and make the settings folder. */
export function useCliSuite(options: CliSuiteOptions = {}): CliSuite {
  let cli: BuiltCli | undefined;
  let pm: PmServer | undefined;
  let config: { dir: string; dispose(): Promise<void> } | undefined;
  const perTest = (options.configDir ?? 'per-test') === 'per-test';
  const buildOptions = {
    ...(options.split === undefined ? {} : { split: options.split }),
    ...(options.launch === undefined ? {} : { launch: options.launch }),
  };

  beforeAll(async () => {
    const server = startPmServer(options.server);
    if (perTest) [cli, pm] = await Promise.all([buildCli(buildOptions), server]);
    else [cli, pm, config] = await Promise.all([buildCli(buildOptions), server, tempConfigDir()]);
    // The first file to want the executable builds it (a copy of node with the bundle injected).
  }, 180_000);
  afterAll(async () => {
    await Promise.all([cli?.dispose(), pm?.close(), perTest ? undefined : config?.dispose()]);
  });
  if (perTest) {
    beforeEach(async () => {
      config = await tempConfigDir();
    });
    afterEach(async () => {
      await config?.dispose();
    });
  }

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`The CLI suite's ${what} is not ready yet (use it inside hooks and tests).`);
    return value;
  };
  const suite: CliSuite = {
    get cli() {
      return ready(cli, 'CLI');
    },
    get pm() {
      return ready(pm, 'pm-server');
    },
    get configDir() {
      return ready(config, 'settings folder').dir;
    },
    run: (args, stdin, env) =>
      runCli(suite.cli, ['--config-dir', suite.configDir, ...args], {
        ...(stdin === undefined ? {} : { stdin }),
        ...(env ? { env } : {}),
      }),
  };
  return suite;
}
