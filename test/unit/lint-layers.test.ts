/**
 * The layer rule lint applies (eslint/layers.mjs) judges where an import lands, so that no way of
 * writing a path slips past it. Each row is a file, what it imports, and what lint says.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importProblem } from '../../eslint/layers.mjs';

const root = resolve(__dirname, '../..');
const judge = (file: string, spec: string): string | null => importProblem(resolve(root, file), spec);

describe('lint’s layer rule, by resolved path', () => {
  it.each([
    ['main/cli/commands/setup.ts', '../../core'],
    ['main/core/setup/setup-format.ts', '../profiles'],
    ['main/core/setup/setup-format.ts', '../profiles/index'],
    ['main/core/setup/setup-format.ts', '../../i18n'],
    ['main/core/index.ts', './setup'],
    ['main/contract/ipc.ts', '../core/model'],
    ['main/shell/index.ts', '../desktop'],
    ['main/shell/index.ts', 'electron'],
    ['renderer/src/api.ts', '../../main/contract/ipc'],
    ['renderer/src/api.ts', '../../main/core/model'],
    ['main/i18n/index.ts', './catalogues/en/app.json'],
    ['test/unit/core/setup/setup-format.test.ts', '../../../../main/core/setup'],
  ])('%s may import %s', (file, spec) => {
    expect(judge(file, spec)).toBeNull();
  });

  it.each([
    // A detour through core is still the shell.
    ['main/cli/commands/setup.ts', '../../core/../shell/index', 'main/cli may import only'],
    ['main/cli/commands/setup.ts', './../../shell', 'main/cli may import only'],
    ['main/core/setup/setup-format.ts', '../../desktop', 'main/core may import only'],
    ['main/desktop/actions.ts', '../shell', 'main/desktop may import only'],
    // Front doors.
    [
      'main/core/setup/setup-format.ts',
      '../profiles/instance-url',
      "entered through its index.ts ('main/core/profiles')",
    ],
    ['main/cli/commands/setup.ts', '../../core/setup', "entered through its index.ts ('main/core')"],
    ['main/shell/index.ts', '../desktop/actions', "entered through its index.ts ('main/desktop')"],
    ['main/core/setup/setup-format.ts', '..', "not core's own front door"],
    // What the window reads stands on no Node module and nothing beyond the window's zone.
    ['main/core/errors/errors.ts', 'node:fs', 'bundled into the window'],
    ['main/core/model/types.ts', '../tokens', 'bundled into the window'],
    ['main/contract/ipc.ts', '../core/profiles', 'bundled into the window'],
    ['renderer/src/api.ts', '../../main/core', 'bundled into the window'],
    ['renderer/src/api.ts', 'node:path', 'bundled into the window'],
    // Electron at the edge only; nothing reaches outside the repository.
    ['main/desktop/actions.ts', 'electron', 'Electron stays in main/shell'],
    ['main/core/model/types.ts', '../../../../shared/x', 'outside the repository'],
    ['main/core/api/http.ts', '../../../test/server', 'Product code never imports test/server'],
  ])('%s may not import %s', (file, spec, words) => {
    expect(judge(file, spec)).toContain(words);
  });
});
