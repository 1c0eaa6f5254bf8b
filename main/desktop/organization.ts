/**
 * The organisation's side of the app, Electron-free: its policies as they are now (read at start, after
 * waking and whenever IT changes them), its profiles made to match them, and the app's language told
 * when a new reading or the person's choice changes it. The shell wires these; it decides nothing.
 */
import { managedProfileEntries, type LogSink, type Policies, type PolicyValues, type TokenEngine } from '../core';

/** How the policies are read and watched (core's readPolicies and watchPolicyStores on a real system). */
export interface PolicyStorePort {
  read(): Promise<Policies>;
  /** Calls `onChange` when IT changes a policy store; returns what stops watching. */
  watch(onChange: () => void): () => void;
}

/** The organisation's policies in force, and what to do when a new reading is in. */
export interface OrganizationPolicies {
  /** The values of the latest reading. */
  values(): PolicyValues;
  /** What could not be read in the latest reading (one sentence each). */
  problems(): readonly string[];
  /** Reads the stores again (after waking); listeners hear once the new reading is in. */
  reread(): Promise<void>;
  /** Listens for each new reading; returns what stops listening. */
  onRead(listener: () => void): () => void;
  dispose(): void;
}

/**
 * Starts from the first reading (read alongside the keychain's start) and keeps the policies current.
 * Each reading's problems are logged; a reading that fails keeps the previous values.
 */
export async function startOrganizationPolicies(
  first: Promise<Policies>,
  store: PolicyStorePort,
  log: LogSink,
): Promise<OrganizationPolicies> {
  const note = (read: Policies) => {
    for (const problem of read.problems) log.warn(`Policy: ${problem}`);
  };
  let current = await first;
  note(current);
  const listeners = new Set<() => void>();
  const reread = async (): Promise<void> => {
    try {
      current = await store.read();
    } catch (err) {
      log.error(`Policy: the policies could not be read again: ${String(err)}`);
      return;
    }
    note(current);
    for (const listener of [...listeners]) listener();
  };
  const stopWatching = store.watch(() => void reread());
  return {
    values: () => current.values,
    problems: () => current.problems,
    reread,
    onRead(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      stopWatching();
      listeners.clear();
    },
  };
}

/**
 * Makes the organisation's profiles (the Profiles policy) match the latest reading, and logs what it did.
 * A store that could not all be read releases nothing: its profiles stay the organisation's.
 */
export async function applyOrganizationProfiles(
  engine: Pick<TokenEngine, 'applyManagedProfiles'>,
  policies: Pick<OrganizationPolicies, 'values' | 'problems'>,
  log: LogSink,
): Promise<void> {
  try {
    const outcome = await engine.applyManagedProfiles(managedProfileEntries(policies.values()), {
      release: policies.problems().length === 0,
    });
    for (const name of outcome.added) log.info(`Policy: profile “${name}” set up by the organisation.`);
    for (const name of outcome.released) log.info(`Policy: profile “${name}” is no longer the organisation’s.`);
    for (const { entry, error } of outcome.problems)
      log.warn(`Policy: profile number ${entry} of Profiles was left out: ${error.message}`);
  } catch (err) {
    log.error(`Policy: the organisation’s profiles could not be set up: ${String(err)}`);
  }
}

/**
 * Calls `onChange` when the app's language is no longer the one it spoke: ask it after anything that may
 * change it (Settings, a new reading of the policies).
 */
export function watchLanguage(locale: () => string, onChange: () => void): () => void {
  let spoken = locale();
  return () => {
    if (locale() === spoken) return;
    spoken = locale();
    onChange();
  };
}
