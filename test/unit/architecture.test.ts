/**
 * The re-home's rules that lint cannot see: where files may sit, what a unit test may touch,
 * and that every folder's front door says what the folder is for.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every module specifier a file imports, statically or dynamically. */
function specifiers(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*|^import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** Where a relative specifier points, from the repository root. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(root, resolve(root, file, '..', spec)) : spec;
}

const forbiddenInUnit: Array<[RegExp, string]> = [
  [/^(node:)?child_process$/, 'spawns processes'],
  [/^keytar$/, 'opens the keychain'],
  [/^(node:)?(http|https|net|tls|dgram)$/, 'opens sockets'],
  [/^test\/server(\/|$)/, 'starts pm-server'],
  [/^test\/integration(\/|$)/, 'uses integration set-up'],
];

describe('the tree', () => {
  it('keeps unit tests pure: no sockets, keychain, pm-server or child processes', () => {
    const offences = filesUnder('test/unit')
      .filter((f) => f.endsWith('.ts'))
      .flatMap((file) =>
        specifiers(file).flatMap((spec) => {
          const to = target(file, spec);
          return forbiddenInUnit.filter(([re]) => re.test(to)).map(([, why]) => `${file} ${why} (${spec})`);
        }),
      );
    expect(offences).toEqual([]);
  });

  it('keeps only index.ts and ports.ts at the top of main/core', () => {
    const top = readdirSync(join(root, 'main/core')).filter((n) => statSync(join(root, 'main/core', n)).isFile());
    expect(top.sort()).toEqual(['index.ts', 'ports.ts']);
  });

  it('keeps electron out of core, desktop, ipc, cli and i18n', () => {
    const offenders = ['main/core', 'main/desktop', 'main/ipc', 'main/cli', 'main/i18n']
      .flatMap(filesUnder)
      .filter((file) => specifiers(file).includes('electron'));
    expect(offenders).toEqual([]);
  });

  it('gives every folder of core, desktop and i18n a front door that says what it is for', () => {
    const folders = ['main/core', 'main/desktop', 'main/i18n', ...['main/core', 'main/desktop'].flatMap(subfolders)];
    for (const folder of folders) {
      const index = readFileSync(join(root, folder, 'index.ts'), 'utf8');
      const doc = /^\/\*\*\n((?: \*.*\n){1,3}) \*\//.exec(index);
      expect(doc, `${folder}/index.ts starts with a two- or three-line comment`).not.toBeNull();
    }
  });
});

function subfolders(dir: string): string[] {
  return readdirSync(join(root, dir))
    .map((name) => join(dir, name))
    .filter((path) => statSync(join(root, path)).isDirectory())
    .flatMap((path) => [path, ...subfolders(path)]);
}
