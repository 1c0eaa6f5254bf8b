// Lint: typescript-eslint's recommended rules plus the house's import boundaries
// (arrows point one way and every folder is entered through its index.ts; see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'Electron stays in main/shell and main/preload.' };
const pattern = (group, message) => ({ group, message });

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
  // Layers, as VS Code's layer rules: shell -> desktop -> core; ipc -> desktop, core; cli -> core;
  // contract -> core/model, core/errors (types the renderer reads too). Never the other way.
  // Front doors: from outside a core folder, only its index.ts; from outside core, only main/core/index.ts.
  {
    files: ['main/core/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              regex: '^\\.\\./\\.\\./',
              message: 'Core never imports desktop, shell, ipc, cli, contract or the renderer.',
            },
            {
              regex: '^\\.\\./[^./][^/]*/',
              message: "Another core folder is entered through its index.ts ('../folder').",
            },
            {
              regex: '^\\.\\.(/index)?$',
              message: "A core folder imports sibling folders, not core's own front door.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/core/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { regex: '^\\.\\./', message: 'Core never imports desktop, shell, ipc, cli, contract or the renderer.' },
            { regex: '^\\./[^/]+/', message: "Core's front door re-exports each folder's index.ts ('./folder')." },
          ],
        },
      ],
    },
  },
  {
    files: ['main/desktop/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'main/desktop is Electron-free; adapters live in main/shell.' }],
          patterns: [
            {
              regex: '^\\.\\./(shell|ipc|cli|preload)(/|$)|(^|/)renderer/',
              message: 'Desktop imports core and the contract only.',
            },
            { regex: '(^|/)core/.', message: "Core is entered through its front door ('../core')." },
          ],
        },
      ],
    },
  },
  {
    files: ['main/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              regex: '^\\.\\./(shell|preload)(/|$)|(^|/)renderer/',
              message: 'Only the shell wires the edges together.',
            },
            { regex: '(^|/)core/.', message: "Core is entered through its front door ('../core')." },
          ],
        },
      ],
    },
  },
  {
    files: ['main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              regex: '^\\.\\./(shell|preload|desktop|ipc)(/|$)|(^|/)renderer/',
              message: 'pmtoken stands on core alone.',
            },
            { regex: '(^|/)core/.', message: "Core is entered through its front door ('../core')." },
          ],
        },
      ],
    },
  },
  {
    files: ['main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)core/.', message: "Core is entered through its front door ('../core')." },
            { regex: '(^|/)desktop/.', message: "Desktop is entered through its front door ('../desktop')." },
          ],
        },
      ],
    },
  },
  {
    files: ['main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              regex: '^\\.\\./(?!core/(model|errors)$)',
              message: 'The contract reads only core/model and core/errors: the renderer type-checks it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and benchmarks use the same front doors as the code.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)main/core/[^/]+/.',
              message: "A core folder is entered through its index.ts ('main/core/<folder>').",
            },
            { regex: '(^|/)main/desktop/.', message: "Desktop is entered through its index.ts ('main/desktop')." },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            pattern(['node:*'], 'The renderer is plain web code.'),
            { regex: '(^|/)main/(?!contract/ipc$)', message: 'The renderer may import only the IPC contract (types).' },
          ],
        },
      ],
    },
  },
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
