/** ProcessMaker-compatible OAuth and API server for tests, demos and benchmarks. */
export type {
  PmServerConfig,
  PmUser,
  PmClient,
  PmClientType,
  StartOptions,
  PmServer,
  PmFaults,
  PmStats,
  PmSeed,
} from './types';
export { startPmServer } from './start';
export { defaultSeed, readConfigFile, ONE_YEAR_SECONDS } from './config';
