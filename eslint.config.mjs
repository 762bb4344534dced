// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'var/',
      'jest.config.js',
      'eslint.config.mjs',
      '.dependency-cruiser.cjs',
      // Plain Node, run by npm before the tests (no TypeScript project).
      'test/setup/ensure-system-tools.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A forgotten await loses errors silently: the one bug class lint must catch here.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Entry points and CLIs talk to a person on the terminal.
    files: ['src/main.ts', 'src/worker.ts', 'src/cli/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // The pages' small ES-module islands: plain JavaScript run by the browser, outside the
    // TypeScript project (no type information), with the browser's globals.
    files: ['templates/web/assets/js/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      sourceType: 'module',
      parserOptions: { projectService: false },
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'navigator',
          'location',
          'history',
          'console',
          'fetch',
          'FormData',
          'URL',
          'URLSearchParams',
          'XMLHttpRequest',
          'AbortController',
          'localStorage',
          'sessionStorage',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'requestAnimationFrame',
          'Event',
          'CustomEvent',
          'HTMLElement',
          'HTMLFormElement',
          'HTMLInputElement',
          'DataTransfer',
          'File',
          'Blob',
          'Intl',
          'DOMParser',
          'queueMicrotask',
          'RadioNodeList',
          'HTMLTextAreaElement',
          'HTMLSelectElement',
          'HTMLButtonElement',
          'ProgressEvent',
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Written by `npm run migration:generate`, then reviewed: keep the generator's imports.
    files: ['migrations/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  prettier,
);
