// Lint: typescript-eslint's recommended rules plus the house's import boundaries
// (arrows point one way and every folder is entered through its index.ts; see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'Electron stays in main/shell and main/preload.' };
// Up out of core, except to main/i18n (the words, which stand on nothing of ours).
const upTwo = '^\\.\\./\\.\\./(?!i18n$)';
const coreFrontDoor = ['(^|/)core/.', "Core is entered through its front door ('../core')."];
const testFrontDoors = [
  ['(^|/)main/core/[^/]+/.', "A core folder is entered through its index.ts ('main/core/<folder>')."],
  ['(^|/)main/desktop/.', "Desktop is entered through its index.ts ('main/desktop')."],
  ['(^|/)main/i18n/.', "i18n is entered through its index.ts ('main/i18n')."],
];

/** One no-restricted-imports block per [files, [regex, message][], forbidden paths (default: electron)]. */
const layers = (rows) =>
  rows.map(([files, patterns, paths = [noElectron]]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': ['error', { paths, patterns: patterns.map(([regex, message]) => ({ regex, message })) }],
    },
  }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
    },
  },
  // Layers, as VS Code's layer rules: shell -> ipc -> desktop -> core -> i18n; cli -> core;
  // contract -> core/model, core/errors, i18n (types the renderer reads too). Never the other way.
  // main/i18n (the words) stands under everything: core names its sentences by catalogue key.
  // Front doors: from outside a core folder, only its index.ts; from outside core, only main/core/index.ts.
  ...layers([
    [
      'main/core/*/**/*.ts',
      [
        [upTwo, 'Core never imports desktop, shell, ipc, cli, contract or the renderer.'],
        ['^\\.\\./[^./][^/]*/', "Another core folder is entered through its index.ts ('../folder')."],
        ['^\\.\\.(/index)?$', "A core folder imports sibling folders, not core's own front door."],
      ],
    ],
    [
      'main/core/*.ts',
      [
        ['^\\.\\./(?!i18n$)', 'Core never imports desktop, shell, ipc, cli, contract or the renderer.'],
        ['^\\./[^/]+/', "Core's front door re-exports each folder's index.ts ('./folder')."],
      ],
    ],
    [
      'main/desktop/**/*.ts',
      [
        ['^\\.\\./(shell|ipc|cli|preload)(/|$)|(^|/)renderer/', 'Desktop imports core and the contract only.'],
        coreFrontDoor,
      ],
      [{ name: 'electron', message: 'main/desktop is Electron-free; adapters live in main/shell.' }],
    ],
    [
      'main/ipc/**/*.ts',
      [['^\\.\\./(shell|preload)(/|$)|(^|/)renderer/', 'Only the shell wires the edges together.'], coreFrontDoor],
    ],
    [
      'main/cli/**/*.ts',
      [['^\\.\\./(shell|preload|desktop|ipc)(/|$)|(^|/)renderer/', 'pmtoken stands on core alone.'], coreFrontDoor],
    ],
    [
      'main/shell/**/*.ts',
      [coreFrontDoor, ['(^|/)desktop/.', "Desktop is entered through its front door ('../desktop')."]],
      [],
    ],
    [
      'main/contract/**/*.ts',
      [
        [
          '^\\.\\./(?!core/(model|errors)$|i18n$)',
          'The contract reads only core/model, core/errors and i18n: the renderer type-checks it.',
        ],
      ],
    ],
    // The catalogues and t() serve main and the renderer alike, so they stand on nothing of ours.
    ['main/i18n/**/*.ts', [['^\\.\\./', 'main/i18n imports nothing else of ours: the renderer bundles it.']]],
    // Tests and benchmarks use the same front doors as the code.
    ['test/**/*.ts', testFrontDoors, []],
    ['bench/**/*.ts', testFrontDoors, []],
    [
      'renderer/**/*.ts',
      [
        ['^node:', 'The renderer is plain web code.'],
        ['(^|/)main/(?!contract/ipc$|i18n$)', 'The renderer may import only the IPC contract (types) and main/i18n.'],
      ],
    ],
  ]),
  {
    // Config files and bundler entry points whose tools require a default export.
    files: ['*.config.ts', '*.config.mjs', 'eslint.config.mjs'],
    rules: { 'no-restricted-exports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        fetch: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
