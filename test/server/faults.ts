import type { PmFaults } from './types';

/** Fault switches for tests and demos, applied by the request handler before routing. */
export class Faults implements PmFaults {
  latencyMs = 0;
  throttle = false;
  private failures: { count: number; status: 500 | 503 } = { count: 0, status: 500 };

  constructor(private readonly revokeAll: () => void) {}

  /** The next `count` requests fail with `status`. */
  failNext(count: number, status: 500 | 503): void {
    this.failures = { count: Math.max(0, Math.floor(count)), status };
  }

  /** Revokes every token and code issued so far. */
  revokeEverything(): void {
    this.revokeAll();
  }

  /** Consumes one pending failure: its status, or null when the request should go through. */
  takeFailure(): 500 | 503 | null {
    if (this.failures.count <= 0) return null;
    this.failures.count -= 1;
    return this.failures.status;
  }
}
