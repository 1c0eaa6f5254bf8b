// The house's layer rules as one ESLint rule that judges where an import lands, not how it is written:
// every relative specifier is resolved against the importing file first (as VS Code's own
// `code-layering` and `code-import-patterns` rules do), so `../../core/../shell` is the shell, and
// `./setup/index` is the setup folder's front door. docs/architecture.md says the rules in words.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** The layers of main/, each with the layers it may import. Arrows point one way. */
export const LAYERS = {
  'main/i18n': [],
  'main/core': ['main/i18n'],
  'main/contract': ['main/core/model', 'main/core/errors', 'main/i18n'],
  'main/desktop': ['main/core', 'main/contract', 'main/i18n'],
  'main/ipc': ['main/contract', 'main/desktop', 'main/core', 'main/i18n'],
  'main/cli': ['main/core', 'main/i18n'],
  'main/preload': ['main/contract'],
  'main/shell': ['main/ipc', 'main/desktop', 'main/contract', 'main/core', 'main/i18n', 'main/preload'],
  renderer: ['main/contract/ipc', 'main/core/model', 'main/core/errors', 'main/i18n'],
};

/**
 * What the renderer reads is bundled into a page: these places stand on no Node module, and import only
 * each other and the packages named here.
 */
export const NODE_FREE = ['main/core/model', 'main/core/errors', 'main/i18n', 'main/contract', 'renderer'];
const NODE_FREE_PACKAGES = ['intl-messageformat'];

/** Where Electron may be imported: its thin adapters, and the specs that drive a real Electron. */
const ELECTRON_ALLOWED = ['main/shell', 'main/preload', 'test/e2e'];

const posix = (path) => path.split(sep).join('/');
const within = (path, folder) => path === folder || path.startsWith(`${folder}/`);

/** A relative specifier as a path from the repository root (no extension, no trailing /index); else null. */
export function resolveSpecifier(file, spec) {
  if (!spec.startsWith('.')) return null;
  return posix(relative(root, resolve(dirname(file), spec)))
    .replace(/\.(ts|mts|js|mjs|cjs)$/, '')
    .replace(/\/index$/, '');
}

/** The layer a repository path belongs to (the longest of LAYERS that holds it), or null. */
function layerOf(path) {
  return (
    Object.keys(LAYERS)
      .filter((layer) => within(path, layer))
      .sort((a, b) => b.length - a.length)[0] ?? null
  );
}

/** The front door a path must be entered through from `from`, or null when it may be entered as written. */
function frontDoorFor(from, target) {
  // Inside main/core every folder is a room: another room is entered through its own index.ts.
  const coreRoom = /^main\/core\/[^/]+/.exec(target)?.[0];
  if (coreRoom && !within(from, coreRoom)) {
    if (within(from, 'main/core')) return coreRoom;
    // From outside core: core's own front door, or a room's for what reads rooms by name (the contract
    // and the renderer read core/model, which core's front door would bring Node along with; tests).
    if (['main/contract', 'renderer', 'test', 'bench'].some((f) => within(from, f))) return coreRoom;
    return 'main/core';
  }
  for (const door of ['main/desktop', 'main/i18n']) if (within(target, door) && !within(from, door)) return door;
  return null;
}

/** Why `file` may not import `spec`, or null when it may. */
export function importProblem(absoluteFile, spec) {
  const from = posix(relative(root, absoluteFile));
  const target = resolveSpecifier(absoluteFile, spec);
  if (target === null) {
    if (spec === 'electron' && !ELECTRON_ALLOWED.some((f) => within(from, f)))
      return 'Electron stays in main/shell and main/preload.';
    const nodeFree = NODE_FREE.find((f) => within(from, f));
    if (nodeFree && !NODE_FREE_PACKAGES.includes(spec) && !spec.startsWith('@formatjs/'))
      return `${nodeFree} is bundled into the window: it imports no Node or npm module (${spec}).`;
    return null;
  }
  if (target.startsWith('..')) return `Imports reach outside the repository (${spec}).`;
  const fromLayer = layerOf(from);
  const toLayer = layerOf(target);
  const nodeFree = NODE_FREE.find((f) => within(from, f));
  if (nodeFree && !NODE_FREE.some((f) => within(target, f)) && !target.endsWith('.json'))
    return `${nodeFree} is bundled into the window: it imports only what the window may read (not ${target}).`;
  if (fromLayer && toLayer && fromLayer !== toLayer) {
    const allowed = LAYERS[fromLayer];
    if (!allowed.some((a) => within(target, a)))
      return `${fromLayer} may import only ${allowed.join(', ') || 'nothing else of ours'} (not ${target}).`;
  }
  if (fromLayer && !toLayer && within(target, 'main'))
    return `${target} belongs to no layer of main/ (see eslint/layers.mjs).`;
  if (fromLayer && (within(target, 'test') || within(target, 'bench') || within(target, 'scripts')))
    return `Product code never imports ${target}.`;
  if (/^main\/core\/[^/]+\//.test(from) && target === 'main/core')
    return "A core folder imports sibling folders, not core's own front door.";
  const door = frontDoorFor(from, target);
  if (door && target !== door) return `${door} is entered through its index.ts ('${door}'), not ${target}.`;
  return null;
}

/** The rule: every import, export-from, dynamic import, require() and import() type is judged. */
const rule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Layers and front doors, by resolved path' } },
  create(context) {
    // The contract is the window's list of types: what it passes on from elsewhere is types only, so the
    // renderer takes a value (a list, a rule) from the place that owns it.
    const inContract = posix(relative(root, context.filename)).startsWith('main/contract/');
    const contractReexport = (node) => {
      const specifiers = node.specifiers ?? [];
      const typesOnly =
        node.exportKind === 'type' || (specifiers.length > 0 && specifiers.every((s) => s.exportKind === 'type'));
      if (inContract && node.source && !typesOnly)
        context.report({ node, message: 'The contract re-exports types only (export type { … } from …).' });
    };
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const problem = importProblem(context.filename, source.value);
      if (problem) context.report({ node, message: problem });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => {
        check(node, node.source);
        contractReexport(node);
      },
      ExportAllDeclaration: (node) => {
        check(node, node.source);
        contractReexport(node);
      },
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};

export const layersPlugin = { rules: { imports: rule } };
