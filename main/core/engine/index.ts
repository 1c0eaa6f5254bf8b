/**
 * The TokenEngine facade that every edge uses: profiles, sign-ins, fresh tokens and API calls,
 * with single-flight refresh inside a process and a lock file across processes.
 */
export type { EngineContext } from './engine-context';
export { withFileLock } from './file-lock';

export { PAT_SIGN_OUT_NOTE, createTokenEngine } from './token-engine';
