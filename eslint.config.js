// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'scratch/', 'coverage/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['components/**/*.tsx', 'entrypoints/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Context boundaries (see ../shared/HOUSE.md): lib is pure and never reaches up into the UI or
  // entrypoints; components never touch the database or the browser APIs.
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/entrypoints/**', '@/entrypoints/**'], message: 'lib/ must not import entrypoints/' },
            { group: ['**/components/**', '@/components/**'], message: 'lib/ must not import components/' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wxt/browser', message: 'components get data through props and stores, not browser APIs' },
            { name: 'webextension-polyfill', message: 'components get data through props and stores' },
            { name: 'dexie', message: 'components never touch the database' },
          ],
          patterns: [
            { group: ['**/lib/db/**', '@/lib/db/**'], message: 'components never touch the database' },
            { group: ['**/entrypoints/**'], message: 'components must not import entrypoints/' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/cli/**', 'lib/db/**', 'lib/messaging/**', 'lib/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: 'no browser APIs in lib/: pass them in' }],
    },
  },
);
