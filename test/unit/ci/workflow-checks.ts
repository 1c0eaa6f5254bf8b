/**
 * Reads GitHub Actions workflows as data and finds what would break on the runners without
 * running them: npm scripts that package.json lacks, repository scripts that do not exist,
 * an OS matrix that lost a system, actions not pinned to a major version.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

/** The systems every matrix must cover. */
export const requiredSystems = ['ubuntu-latest', 'macos-latest', 'windows-latest'];

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  strategy?: { matrix?: { os?: unknown } };
  steps?: Step[];
}
/** A parsed workflow: its file name and jobs. */
export interface Workflow {
  file: string;
  jobs: Record<string, Job>;
}

/** Parses every workflow in `dir`. */
export function readWorkflows(dir: string): Workflow[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((file) => parseWorkflow(file, readFileSync(path.join(dir, file), 'utf8')));
}

/** Parses one workflow's text. */
export function parseWorkflow(file: string, text: string): Workflow {
  const doc = load(text) as { jobs?: Record<string, Job> } | null;
  return { file, jobs: doc?.jobs ?? {} };
}

const steps = (w: Workflow) =>
  Object.entries(w.jobs).flatMap(([job, j]) => (j.steps ?? []).map((step) => ({ job, step })));

/** `<file> <job>: npm run <name>` for each npm script a step calls that `scripts` lacks. */
export function missingNpmScripts(w: Workflow, scripts: Record<string, string>): string[] {
  const missing: string[] = [];
  for (const { job, step } of steps(w)) {
    for (const m of (step.run ?? '').matchAll(/\bnpm\s+(run(?:-script)?\s+([\w:.-]+)|test\b|start\b)/g)) {
      const name = m[2] ?? (m[1] === 'test' ? 'test' : 'start');
      if (!(name in scripts)) missing.push(`${w.file} ${job}: npm run ${name}`);
    }
  }
  return missing;
}

/** Files under scripts/ that steps run but that do not exist below `root`. */
export function missingRepoScripts(w: Workflow, root: string): string[] {
  const missing: string[] = [];
  for (const { job, step } of steps(w)) {
    for (const m of (step.run ?? '').matchAll(/\b(?:node|bash)\s+(scripts\/[\w./-]+)/g)) {
      const file = m[1] ?? '';
      if (!existsSync(path.join(root, file))) missing.push(`${w.file} ${job}: ${file}`);
    }
  }
  return missing;
}

/** `<file> <job>: <system>` for each required system a job's OS matrix lacks (jobs without one too). */
export function missingSystems(w: Workflow): string[] {
  const missing: string[] = [];
  for (const [job, j] of Object.entries(w.jobs)) {
    const os = j.strategy?.matrix?.os;
    const list = Array.isArray(os) ? os.map(String) : [];
    for (const system of requiredSystems) if (!list.includes(system)) missing.push(`${w.file} ${job}: ${system}`);
  }
  return missing;
}

/** Actions used without a major-version pin (`owner/name@v4`). */
export function unpinnedActions(w: Workflow): string[] {
  return steps(w)
    .map(({ step }) => step.uses)
    .filter((uses): uses is string => typeof uses === 'string' && !/@v\d+$/.test(uses));
}

/** The Node versions setup-node is given, by version file or by number. */
export function nodeVersionSources(w: Workflow): string[] {
  return steps(w)
    .filter(({ step }) => step.uses?.startsWith('actions/setup-node@'))
    .map(({ step }) =>
      step.with?.['node-version-file']
        ? `file:${String(step.with['node-version-file'])}`
        : `version:${String(step.with?.['node-version'])}`,
    );
}
