/**
 * The shapes every layer shares: profiles, token details, API requests and engine events.
 * Types only, with no imports: the IPC contract and the renderer read them too.
 */
export type * from './types';
