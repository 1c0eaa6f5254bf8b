/**
 * Reads the organisation's policies from this system's own store, with no native module: `reg query`
 * on Windows (machine, then user), the managed preferences configuration profiles deliver on macOS
 * (converted by plutil; root-owned files only) and /etc/token-tray/policy.json on Linux (the file and
 * every folder above it root-owned, writable by nobody else). A store that cannot be read never stops the app: it is left out, and why
 * is said in `problems`. The values themselves go through core's one parser.
 */
import { execFile } from 'node:child_process';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { userInfo } from 'node:os';
import { isTrustedPolicyFile, parsePolicyJson, parseRegQuery, POLICY_LOCATIONS } from './policy-stores';
import {
  mergePolicies,
  parsePolicyValues,
  type ParsedPolicy,
  type PolicyKey,
  type PolicySource,
} from './policy-values';

/** What the reader uses from the system (real by default; a test passes its own files and output). */
export interface PolicySystem {
  platform: NodeJS.Platform;
  run(command: string, args: string[]): Promise<string>;
  stat(path: string): Promise<{ uid: number; mode: number }>;
  /** The path with every symbolic link resolved (the Linux file's folders are checked there). */
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<string>;
  userName: string;
  /** The Linux file (default {@link POLICY_LOCATIONS}.linux). */
  linuxPath?: string;
}

/** The policies in force, where each came from, and what could not be used. */
export type Policies = ParsedPolicy & { sources: Partial<Record<PolicyKey, PolicySource>> };

const empty = (): ParsedPolicy => ({ values: {}, problems: [] });

/** The real system. */
export function realPolicySystem(): PolicySystem {
  return {
    platform: process.platform,
    run: (command, args) =>
      new Promise((resolve, reject) =>
        execFile(command, args, { timeout: 5_000, windowsHide: true }, (err, stdout) =>
          err ? reject(err) : resolve(String(stdout)),
        ),
      ),
    stat: (path) => stat(path),
    realpath: (path) => realpath(path),
    readFile: (path) => readFile(path, 'utf8'),
    userName: userInfo().username,
  };
}

/**
 * The first folder above the Linux policy file (links resolved, up to /) that is not root-owned or
 * that group or others may write, or null when every one is trusted: whoever could write a folder
 * could put their own policy file in its place. A folder that cannot be looked at counts as untrusted.
 */
async function untrustedFolder(sys: PolicySystem, path: string): Promise<string | null> {
  let folder: string;
  try {
    folder = dirname(await sys.realpath(path));
  } catch {
    return dirname(path);
  }
  for (;;) {
    try {
      if (!isTrustedPolicyFile(await sys.stat(folder))) return folder;
    } catch {
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

/** A trusted JSON policy file (Linux), or a root-owned plist converted by plutil (macOS). */
async function fromFile(sys: PolicySystem, path: string, plist: boolean): Promise<ParsedPolicy> {
  let info;
  try {
    info = await sys.stat(path);
  } catch {
    return empty(); // no policy deployed: the usual case
  }
  if (!isTrustedPolicyFile(info)) {
    return {
      values: {},
      problems: [`The policy file ${path} was ignored: it must belong to root and be writable by nobody else.`],
    };
  }
  if (!plist) {
    const folder = await untrustedFolder(sys, path);
    if (folder !== null)
      return {
        values: {},
        problems: [
          `The policy file ${path} was ignored: its folder ${folder} must belong to root and be writable by nobody else.`,
        ],
      };
  }
  try {
    const text = plist
      ? await sys.run('/usr/bin/plutil', ['-convert', 'json', '-o', '-', path])
      : await sys.readFile(path);
    return parsePolicyValues(parsePolicyJson(text));
  } catch {
    return {
      values: {},
      problems: [`Your organisation’s settings in ${path} could not be read; Token Tray runs without them.`],
    };
  }
}

/**
 * One registry key. A missing key is no policy, not a problem: `reg query` then exits with 1. Any other
 * failure (a time-out, no reg.exe) is said, so that a store that could not be read frees nothing.
 */
async function fromRegistry(sys: PolicySystem, key: string): Promise<ParsedPolicy> {
  let output: string;
  try {
    output = await sys.run('reg', ['query', key]);
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === 1) return empty();
    return { values: {}, problems: [`The policies under ${key} could not be read; Token Tray runs without them.`] };
  }
  return parsePolicyValues(parseRegQuery(output));
}

/** Reads and merges this system's policies (machine first). */
export async function readPolicies(sys: PolicySystem = realPolicySystem()): Promise<Policies> {
  if (sys.platform === 'win32') {
    // Both keys at once: each `reg query` is a process of its own.
    const [machine, user] = await Promise.all([
      fromRegistry(sys, POLICY_LOCATIONS.windowsMachine),
      fromRegistry(sys, POLICY_LOCATIONS.windowsUser),
    ]);
    return mergePolicies(machine, user);
  }
  if (sys.platform === 'darwin') {
    const [machine, user] = await Promise.all([
      fromFile(sys, POLICY_LOCATIONS.macMachine, true),
      fromFile(sys, POLICY_LOCATIONS.macUser.replace('<user>', sys.userName), true),
    ]);
    return mergePolicies(machine, user);
  }
  return mergePolicies(await fromFile(sys, sys.linuxPath ?? POLICY_LOCATIONS.linux, false), empty());
}

/** How often the Windows registry is read again (it has no change events without a native module). */
export const REGISTRY_POLL_MS = 15 * 60_000;

/**
 * Calls `onChange` (once per burst, after `settleMs`) when this system's policy store may have changed:
 * the folder of the Linux file or of macOS's managed preferences changed, or, on Windows, every
 * {@link REGISTRY_POLL_MS}. A folder that does not exist is not watched (no policy is deployed there).
 * Returns a function that stops watching.
 */
export function watchPolicyStores(
  onChange: () => void,
  sys: Pick<PolicySystem, 'platform' | 'userName' | 'linuxPath'> = realPolicySystem(),
  settleMs = 500,
): () => void {
  let timer: NodeJS.Timeout | null = null;
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, settleMs);
    timer.unref?.();
  };
  if (sys.platform === 'win32') {
    const poll = setInterval(onChange, REGISTRY_POLL_MS);
    poll.unref?.();
    return () => clearInterval(poll);
  }
  const files =
    sys.platform === 'darwin'
      ? [POLICY_LOCATIONS.macMachine, POLICY_LOCATIONS.macUser.replace('<user>', sys.userName)]
      : [sys.linuxPath ?? POLICY_LOCATIONS.linux];
  const watchers: FSWatcher[] = [];
  for (const folder of new Set(files.map((file) => dirname(file)))) {
    if (!existsSync(folder)) continue;
    try {
      // The folder, not the file: deployment tools replace the file (a new inode) rather than edit it.
      const watcher = watch(folder, { persistent: false }, changed);
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // Not watchable here (permissions): the policies are still read after waking.
    }
  }
  return () => {
    if (timer) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
