import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  missingNpmScripts,
  missingRepoScripts,
  missingSystems,
  nodeVersionSources,
  parseWorkflow,
  readWorkflows,
  unpinnedActions,
} from './workflow-checks';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
};
const workflows = readWorkflows(path.join(root, '.github', 'workflows'));

describe('the GitHub workflows', () => {
  it('are the CI and the release workflow', () => {
    expect(workflows.map((w) => w.file).sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(workflows.map((w) => [w.file, w] as const))('%s calls only npm scripts package.json has', (_f, w) => {
    expect(missingNpmScripts(w, pkg.scripts)).toEqual([]);
  });

  it.each(workflows.map((w) => [w.file, w] as const))('%s runs only repository scripts that exist', (_f, w) => {
    expect(missingRepoScripts(w, root)).toEqual([]);
  });

  it.each(workflows.map((w) => [w.file, w] as const))('%s runs every job on Linux, macOS and Windows', (_f, w) => {
    expect(missingSystems(w)).toEqual([]);
  });

  it.each(workflows.map((w) => [w.file, w] as const))('%s pins actions to a major version', (_f, w) => {
    expect(unpinnedActions(w)).toEqual([]);
  });

  it('takes the Node version from .nvmrc, which satisfies package.json engines', () => {
    for (const w of workflows) expect(new Set(nodeVersionSources(w))).toEqual(new Set(['file:.nvmrc']));
    const nvmrc = readFileSync(path.join(root, '.nvmrc'), 'utf8').trim();
    const floor = /^>=\s*(\d+)\.(\d+)$/.exec(pkg.engines.node);
    expect(floor, `engines.node should read ">=major.minor", not ${pkg.engines.node}`).not.toBeNull();
    const [major = 0, minor = 0] = nvmrc.split('.').map(Number);
    // A bare major in .nvmrc means the newest release of that line.
    const satisfied =
      major > Number(floor?.[1]) ||
      (major === Number(floor?.[1]) && (!nvmrc.includes('.') || minor >= Number(floor?.[2])));
    expect(satisfied, `.nvmrc ${nvmrc} is below engines ${pkg.engines.node}`).toBe(true);
  });
});

describe('the workflow checks themselves', () => {
  const broken = parseWorkflow(
    'broken.yml',
    [
      'jobs:',
      '  build:',
      '    strategy: { matrix: { os: [ubuntu-latest, macos-latest] } }',
      '    steps:',
      '      - uses: actions/checkout@main',
      '      - run: npm ci && npm run typecheck && npm run no-such-script -- --flag',
      '      - run: npm test',
      '      - run: node scripts/no-such-file.mjs',
    ].join('\n'),
  );

  it('catch an npm script package.json does not have', () => {
    expect(missingNpmScripts(broken, { typecheck: 'tsc' })).toEqual([
      'broken.yml build: npm run no-such-script',
      'broken.yml build: npm run test',
    ]);
  });

  it('catch a matrix that lost a system, a missing script file and an unpinned action', () => {
    expect(missingSystems(broken)).toEqual(['broken.yml build: windows-latest']);
    expect(missingRepoScripts(broken, root)).toEqual(['broken.yml build: scripts/no-such-file.mjs']);
    expect(unpinnedActions(broken)).toEqual(['actions/checkout@main']);
  });
});
