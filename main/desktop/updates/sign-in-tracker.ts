/**
 * Knows whether a browser sign-in is in progress, from the engine's `sign-in-progress`
 * events, so an update never restarts the app in the middle of one. A flow ends when it
 * is done or failed, when another starts for the same profile (the engine cancels the
 * first), or when its time is up (a timed-out flow emits nothing).
 */
import type { EngineEvent } from '../../core';
import type { TimerPort } from '../secret-clipboard';

/** The tracker. */
export interface SignInTracker {
  /** Feed every engine event. */
  observe(event: EngineEvent): void;
  busy(): boolean;
  /** Calls `listener` each time the last sign-in in progress ends; returns an unsubscribe. */
  onIdle(listener: () => void): () => void;
  dispose(): void;
}

/** Builds a {@link SignInTracker}; `maxFlowMs` is the engine's sign-in timeout. */
export function createSignInTracker(timers: TimerPort, maxFlowMs: number): SignInTracker {
  const flows = new Map<string, { profileId: string; timer: unknown }>();
  const listeners = new Set<() => void>();

  const end = (flowId: string) => {
    const flow = flows.get(flowId);
    if (!flow) return;
    timers.clearTimeout(flow.timer);
    flows.delete(flowId);
    if (flows.size === 0) for (const listener of [...listeners]) listener();
  };

  return {
    observe(event) {
      if (event.type !== 'sign-in-progress') return;
      if (event.stage === 'done' || event.stage === 'failed') return end(event.flowId);
      if (flows.has(event.flowId)) return;
      for (const [id, flow] of [...flows]) {
        if (flow.profileId === event.profileId) {
          timers.clearTimeout(flow.timer);
          flows.delete(id);
        }
      }
      const timer = timers.setTimeout(() => end(event.flowId), maxFlowMs);
      flows.set(event.flowId, { profileId: event.profileId, timer });
    },
    busy: () => flows.size > 0,
    onIdle(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      for (const flow of flows.values()) timers.clearTimeout(flow.timer);
      flows.clear();
      listeners.clear();
    },
  };
}
