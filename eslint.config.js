// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'scratch/', 'coverage/', 'docs/', 'dist/'] },
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
  // Context boundaries: lib is pure and never reaches up into the UI or entrypoints; components never
  // touch the database or the browser APIs.
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
  // Zones per context (typescript-eslint's rule, so they add to the lib-wide rule above instead of
  // replacing it). Page-side code runs in web pages: an IndexedDB opened there belongs to the page's
  // origin, and the background's code and the extension pages' channel have no business there.
  {
    files: ['lib/content/**', 'lib/adapters/**', 'lib/insert/**', 'lib/snippets/**', 'entrypoints/*.content.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/*', '**/db', 'dexie'],
              message: 'page-side code reaches data by messages, not the database',
            },
            { group: ['**/background/*', '**/sync/*'], message: 'page-side code must not import background code' },
            {
              group: ['**/packs/import*', '**/packs/importers/*'],
              message: 'imports run in the background',
            },
            {
              group: ['**/messaging/pages'],
              message: 'content scripts use the content channel (lib/messaging/content)',
            },
          ],
        },
      ],
    },
  },
  // The database stores and reads: reading, converting, validating and linting a pack file is the import pipeline's.
  {
    files: ['lib/db/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/packs/import',
                '**/packs/importers',
                '**/packs/importers/*',
                '**/packs/validate',
                '**/packs/lint',
              ],
              message: 'lib/db only stores and reads: the import pipeline (lib/packs/import.ts) runs before it',
            },
          ],
        },
      ],
    },
  },
  // The wire protocol names messages and imports the domain's types; it holds no domain logic.
  {
    files: ['lib/messaging/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@webext-core/messaging$)',
              allowTypeImports: true,
              message: 'lib/messaging imports only types (and the messaging library)',
            },
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
