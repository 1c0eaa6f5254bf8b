/**
 * Reads the organisation's policies from this system's own store, with no native module: `reg query`
 * on Windows (machine, then user), the managed preferences configuration profiles deliver on macOS
 * (converted by plutil; root-owned files only) and /etc/token-tray/policy.json on Linux (root-owned,
 * writable by nobody else). A store that cannot be read never stops the app: it is left out, and why
 * is said in `problems`. The values themselves go through core's one parser.
 */
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import {
  isTrustedPolicyFile,
  mergePolicies,
  parsePolicyJson,
  parsePolicyValues,
  parseRegQuery,
  POLICY_LOCATIONS,
  type ParsedPolicy,
  type PolicyKey,
  type PolicySource,
} from '../core';

/** What the reader uses from the system (real by default; a test passes its own files and output). */
export interface PolicySystem {
  platform: NodeJS.Platform;
  run(command: string, args: string[]): Promise<string>;
  stat(path: string): Promise<{ uid: number; mode: number }>;
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
    readFile: (path) => readFile(path, 'utf8'),
    userName: userInfo().username,
  };
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

/** One registry key; a missing key is no policy, not a problem. */
async function fromRegistry(sys: PolicySystem, key: string): Promise<ParsedPolicy> {
  let output: string;
  try {
    output = await sys.run('reg', ['query', key]);
  } catch {
    return empty();
  }
  return parsePolicyValues(parseRegQuery(output));
}

/** Reads and merges this system's policies (machine first). */
export async function readPolicies(sys: PolicySystem = realPolicySystem()): Promise<Policies> {
  if (sys.platform === 'win32') {
    return mergePolicies(
      await fromRegistry(sys, POLICY_LOCATIONS.windowsMachine),
      await fromRegistry(sys, POLICY_LOCATIONS.windowsUser),
    );
  }
  if (sys.platform === 'darwin') {
    return mergePolicies(
      await fromFile(sys, POLICY_LOCATIONS.macMachine, true),
      await fromFile(sys, POLICY_LOCATIONS.macUser.replace('<user>', sys.userName), true),
    );
  }
  return mergePolicies(await fromFile(sys, sys.linuxPath ?? POLICY_LOCATIONS.linux, false), empty());
}
