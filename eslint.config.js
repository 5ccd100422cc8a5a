import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** The one-way arrows of docs/architecture.md, enforced. */
const noElectron = {
  paths: [{ name: 'electron', message: 'core/, services/, db/ and documents/ must not import electron: the desk runs without it.' }],
  patterns: [{ group: ['**/main/**', '**/preload/**', '**/server/**', '**/cli/**', '**/renderer/**'], message: 'Arrows point one way: nothing imports the doors or the renderer.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/core/**', 'electron/services/**', 'electron/db/**', 'electron/documents/**', 'electron/files/**', 'electron/online/**', 'electron/mail/**', 'electron/printing/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', noElectron], 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['electron/contract/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*', '!./*'], message: 'The contract imports nothing of ours.' }], paths: ['electron'] }],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the desk through src/api only.' }],
          patterns: [
            {
              regex: '(^|/)electron/(?!contract(/|$))',
              message: 'The renderer may import only electron/contract from the desk side.',
            },
          ],
        },
      ],
    },
  },
);
