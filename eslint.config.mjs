// Lint: typescript-eslint's recommended rules plus the house's import boundaries
// (arrows point one way: shell -> core, cli -> core, preload/renderer -> contract types).
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
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            pattern(
              ['**/shell/**', '**/cli/**', '**/renderer/**', '**/ipc/**', '**/preload/**'],
              'Core never imports the edges.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['main/cli/**/*.ts', 'main/ipc/**/*.ts', 'main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            pattern(['**/shell/**', '**/renderer/**', '**/preload/**'], 'Only the shell wires the edges together.'),
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
