// Lint rules, including the package boundaries of docs/architecture.md:
// core is pure (no Node API, no database, no HTTP); only store holds SQL;
// server and cli drive app and never reach store directly; no deep imports across packages.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'util',
  'zlib',
  'worker_threads',
];
const deepImports = {
  // @civic/server/api is a declared entry point (the HTTP shapes the web client imports), not a deep
  // path; so are the incident parsers and rows a parsing thread loads without the whole package.
  group: ['@civic/*/*', '!@civic/server/api', '!@civic/formats/incidents', '!@civic/store/incident-rows'],
  message: 'Import a package through its index (src/index.ts), never a deep path.',
};
const sqlLibs = ['kysely', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pg', 'pg-*'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [deepImports] }],
    },
  },
  {
    files: ['packages/core/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            deepImports,
            {
              group: [...nodeBuiltins, ...sqlLibs, 'fastify', '@fastify/*', '@civic/*'],
              message: 'core is pure: no Node API, no database, no HTTP, no other package.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core reads no environment' },
        { name: 'fetch', message: 'core does no I/O' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core never reads the clock: pass time in.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core never reads the clock: pass time in.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'core takes randomness as a parameter.',
        },
      ],
    },
  },
  {
    files: [
      'packages/formats/src/**',
      'packages/app/src/**',
      'packages/server/src/**',
      'packages/cli/src/**',
      'packages/web/src/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [deepImports, { group: sqlLibs, message: 'SQL lives only in packages/store.' }] },
      ],
    },
  },
  {
    files: ['packages/server/src/**', 'packages/cli/src/**', 'packages/web/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            deepImports,
            {
              group: [...sqlLibs, '@civic/store'],
              message: 'Drivers call @civic/app, never the store or SQL.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
