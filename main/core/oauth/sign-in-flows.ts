/**
 * Authorization-code sign-ins that are waiting for the browser. Only a
 * callback whose `state` matches a waiting flow is accepted; any other
 * callback is refused with `state_mismatch` and the flow keeps waiting. A
 * flow ends once: completed, failed, cancelled or timed out (default 5 min).
 */
import { randomUUID } from 'node:crypto';
import type { CallbackResult } from './callback-url';
import type { RedirectMode } from '../model';
import { TokenTrayError } from '../errors';
import type { AuthorizeRequest } from './authorize-flow';
import type { LoopbackListener } from './loopback-listener';
import { callbackError } from './token-errors';

/** Default time a flow waits for the browser. */
export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/** One waiting flow. */
export interface SignInFlow<T> {
  readonly flowId: string;
  readonly profileId: string;
  readonly redirectMode: RedirectMode;
  readonly request: AuthorizeRequest;
  readonly expiresAt: number;
  listener: LoopbackListener | null;
  /** Settles when the flow ends. */
  readonly result: Promise<T>;
}

interface Entry<T> extends SignInFlow<T> {
  resolve(value: T): void;
  reject(err: TokenTrayError): void;
  timer: ReturnType<typeof setTimeout>;
}

/** The registry of waiting flows. */
export class SignInFlows<T> {
  private readonly flows = new Map<string, Entry<T>>();

  /** Registers a flow; it times out after `timeoutMs` with `sign_in_timeout`. */
  register(params: {
    profileId: string;
    redirectMode: RedirectMode;
    request: AuthorizeRequest;
    listener: LoopbackListener | null;
    timeoutMs: number;
    now: number;
  }): SignInFlow<T> {
    let resolve!: (value: T) => void;
    let reject!: (err: TokenTrayError) => void;
    const result = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    result.catch(() => undefined); // Nobody may be waiting; the error is still delivered to waitForSignIn.
    const flowId = randomUUID();
    const timer = setTimeout(() => this.fail(flowId, new TokenTrayError('sign_in_timeout')), params.timeoutMs);
    timer.unref?.();
    const entry: Entry<T> = {
      flowId,
      profileId: params.profileId,
      redirectMode: params.redirectMode,
      request: params.request,
      expiresAt: params.now + params.timeoutMs,
      listener: params.listener,
      result,
      resolve,
      reject,
      timer,
    };
    this.flows.set(flowId, entry);
    return entry;
  }

  get(flowId: string): SignInFlow<T> | undefined {
    return this.flows.get(flowId);
  }

  /** Waiting flows of a profile. */
  forProfile(profileId: string): SignInFlow<T>[] {
    return [...this.flows.values()].filter((f) => f.profileId === profileId);
  }

  /**
   * Routes a parsed callback. Returns null for a URL that is not a callback;
   * throws `state_mismatch` when no waiting flow has its state; otherwise ends
   * the flow with `complete` (for a code) or the callback's error.
   */
  deliver(
    callback: CallbackResult,
    complete: (flow: SignInFlow<T>, code: string, state: string) => Promise<T>,
  ): Promise<T> | null {
    if (callback.kind === 'unknown') return null;
    const entry =
      callback.state === undefined
        ? undefined
        : [...this.flows.values()].find((f) => f.request.state === callback.state);
    if (!entry) throw new TokenTrayError('state_mismatch');
    this.end(entry);
    if (callback.kind === 'error') {
      entry.reject(callbackError(callback.error, callback.description));
      return entry.result;
    }
    complete(entry, callback.code, callback.state).then(entry.resolve, (err: unknown) =>
      entry.reject(err instanceof TokenTrayError ? err : new TokenTrayError('internal', undefined, { cause: err })),
    );
    return entry.result;
  }

  /** Ends a flow with an error (cancel, timeout, shutdown). */
  fail(flowId: string, err: TokenTrayError): void {
    const entry = this.flows.get(flowId);
    if (!entry) return;
    this.end(entry);
    entry.reject(err);
  }

  /** Cancels every flow (engine shutdown). */
  failAll(err: TokenTrayError): void {
    for (const id of [...this.flows.keys()]) this.fail(id, err);
  }

  private end(entry: Entry<T>): void {
    clearTimeout(entry.timer);
    this.flows.delete(entry.flowId);
  }
}
