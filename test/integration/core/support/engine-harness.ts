/**
 * Builds a real engine for tests: real pm-server on 127.0.0.1, the real
 * keyring (a unique keytar service per harness), a temporary config folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  createKeytarSecretStore,
  createTokenEngine,
  type EngineEvent,
  type SecretStore,
  type TokenEngine,
} from '../../../../main/core';
import { startPmServer, type PmServer, type StartOptions } from '../../../server';

/** A settable clock, starting at real time. */
export class TestClock {
  offsetMs = 0;
  now = (): number => Date.now() + this.offsetMs;
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** Everything a test needs. */
export interface Harness {
  server: PmServer;
  engine: TokenEngine;
  secrets: SecretStore;
  service: string;
  configDir: string;
  clock: TestClock;
  events: EngineEvent[];
  opened: string[];
  /** Another engine (a second "process") on the same config folder and keychain service. */
  sibling(openBrowser?: (url: string) => Promise<void>): TokenEngine;
  close(): Promise<void>;
}

/** Options for {@link createHarness}. */
export interface HarnessOptions {
  server?: StartOptions;
  /** Reuse a running server. */
  existingServer?: PmServer;
  openBrowser?: (url: string) => Promise<void>;
  /** The organisation's AllowedServers rule, as the shell hands it to the engine. */
  isServerAllowed?: (instanceUrl: string) => boolean;
  /** The organisation's AllowedSignInKinds rule. */
  isSignInKindAllowed?: (grant: 'authorization_code' | 'password' | 'personal_access_token') => boolean;
  /** The organisation's AllowUserProfiles rule. */
  allowUserProfiles?: () => boolean;
}

/** Starts a server (unless given) and an engine over it. */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = new TestClock();
  const server = options.existingServer ?? (await startPmServer({ clock: clock.now, ...options.server }));
  const configDir = await mkdtemp(join(tmpdir(), 'token-tray-core-'));
  const service = `Token Tray test ${randomUUID()}`;
  const secrets = createKeytarSecretStore(service);
  const events: EngineEvent[] = [];
  const opened: string[] = [];
  const engines: TokenEngine[] = [];
  const make = (openBrowser?: (url: string) => Promise<void>) => {
    const engine = createTokenEngine({
      fetch: (input, init) => fetch(input, init),
      secrets,
      configDir,
      clock,
      ...(options.isServerAllowed ? { isServerAllowed: options.isServerAllowed } : {}),
      ...(options.isSignInKindAllowed ? { isSignInKindAllowed: options.isSignInKindAllowed } : {}),
      ...(options.allowUserProfiles ? { allowUserProfiles: options.allowUserProfiles } : {}),
      openBrowser: async (url) => {
        opened.push(url);
        await (openBrowser ?? options.openBrowser)?.(url);
      },
    });
    engines.push(engine);
    return engine;
  };
  const engine = make();
  engine.onEvent((e) => events.push(e));
  return {
    server,
    engine,
    secrets,
    service,
    configDir,
    clock,
    events,
    opened,
    sibling: make,
    async close() {
      for (const e of engines) await e.dispose();
      const settings = await engine.listProfiles().catch(() => []);
      for (const p of settings) await secrets.delete(p.id).catch(() => false);
      if (!options.existingServer) await server.close().catch(() => undefined);
      await rm(configDir, { recursive: true, force: true });
    },
  };
}

/** Adds a password-grant profile for the seed's password client. */
export async function addPasswordProfile(h: Harness, name = 'Acme (password)') {
  const client = h.server.seed.passwordClient;
  return h.engine.addProfile({
    name,
    instanceUrl: h.server.url,
    clientId: String(client.id),
    clientSecret: client.secret ?? undefined,
    grant: 'password',
  });
}

/** Adds an authorization-code profile for the seed's code client. */
export async function addCodeProfile(h: Harness, redirectMode: 'app' | 'loopback' = 'app', name = 'Acme (browser)') {
  const client = h.server.seed.codeClient;
  return h.engine.addProfile({
    name,
    instanceUrl: h.server.url,
    clientId: String(client.id),
    clientSecret: client.secret ?? undefined,
    grant: 'authorization_code',
    redirectMode,
  });
}

/** Expects a promise to reject with a TokenTrayError of `code`; returns the error. */
export async function rejectsWithCode(
  promise: Promise<unknown>,
  code: string,
): Promise<Error & { code: string; key?: string; nextKey?: string; nextStep?: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { code?: string };
    if (e.code !== code) throw new Error(`Expected error code ${code}, got ${String(e.code)}: ${e.message}`);
    return e as Error & { code: string; nextStep?: string };
  }
  throw new Error(`Expected error code ${code}, but it resolved`);
}
