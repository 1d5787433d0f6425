// @ts-check
// ESLint (flat config): typescript-eslint's recommended rules, tuned where they would ask for mass rewrites of code
// that is correct, plus the LAYER rules that keep the architecture honest (see docs/development.md):
//   core/      the editor-independent checker: no `vscode`, no language-server/-client library, no network, and
//              nothing from the adapters (server/, client/, cli/, emulator/)
//   server/    the language server: no `vscode`, no language client
//   client/    the VS Code extension: no language-server library (types from vscode-languageserver-protocol are fine)
//   adapters   (server/, client/, cli/, emulator/) use core only through its front door, core/index.ts
// Layer rules are `@typescript-eslint/no-restricted-imports` (errors); the front-door rule is ESLint's own
// `no-restricted-imports`, so that it can be configured separately (two configs setting the same rule would replace,
// not add to, each other).
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports that name another top-level folder of this repository, from any depth (`../server/x`, `../../cli`). */
const FROM_ADAPTERS = '^(\\.\\./)+(server|client|cli|emulator)(/|$)';
/** Anything inside core/ other than its front door: `../core/json`, `../../core/rules/errors` (not `../core`, `../core/index`). */
const PAST_CORE_FRONT_DOOR = '(^|/)core/(?!index(\\.ts|\\.js)?$).+';

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', 'out*/', '.vscode-test/', 'test/fixtures/', 'examples/', 'syntaxes/', '**/*.d.ts'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.node },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // Tuned off/down: each would mean rewriting many correct lines.
      // `import x = require('x')` is how the CommonJS sources (module node16) import CommonJS packages.
      '@typescript-eslint/no-require-imports': 'off',
      // `any` appears at the JSON / protocol boundaries on purpose; kept visible as a warning.
      '@typescript-eslint/no-explicit-any': 'warn',
      // Unused parameters document callback signatures; `_`-prefixed names and rest siblings are intentional.
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // `catch {}` and empty callbacks that deliberately ignore failures carry a comment where it matters.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // A `let` read by a closure before its one assignment (a timer cleared by an earlier callback) cannot be const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Kept (real bug-catchers, all in recommended): no-fallthrough, no-dupe-keys, no-unreachable, no-cond-assign,
      // no-self-assign, no-unsafe-finally, @typescript-eslint/no-misused-new, no-unsafe-declaration-merging, ...
    },
  },
  {
    // Plain JavaScript (tools/*.mjs, configs): the TypeScript-only rules do not apply.
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'module' },
  },
  {
    // The end-to-end suites run inside VS Code's extension host; mocha's TDD globals come from @types/mocha.
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
  },

  // ------------------------------------------------------------------------------------- layer rules (errors)
  {
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'core/ is editor-independent: no vscode API here (that belongs in client/).' },
            ...['node:http', 'node:https', 'http', 'https', 'net', 'node:net'].map((name) => ({
              name,
              message: 'core/ does no networking: sending belongs in client/send (or the emulator).',
            })),
          ],
          patterns: [
            {
              regex: '^vscode-language(server|client)',
              message: 'core/ is protocol-independent: no language server/client library here (that belongs in server/ or client/).',
            },
            { regex: FROM_ADAPTERS, message: 'core/ may not depend on its adapters (server/, client/, cli/, emulator/).' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The language server runs outside the extension host: no vscode API here.' }],
          patterns: [{ regex: '^vscode-languageclient(/|$)', message: 'The language server may not use the language client library.' }],
        },
      ],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode-languageserver-protocol',
              allowTypeImports: true,
              message: 'The client may import types from vscode-languageserver-protocol; values come through vscode-languageclient.',
            },
          ],
          patterns: [{ regex: '^vscode-languageserver(/|$)', message: 'The client may not use the language server library (that is server/).' }],
        },
      ],
    },
  },

  // ------------------------------------------------------------------------------------- core's front door
  {
    // core/index.ts is the only way in: a back-door import fails `npm run lint` (test/architecture checks it too).
    files: ['server/**/*.ts', 'client/**/*.ts', 'cli/**/*.ts', 'emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: PAST_CORE_FRONT_DOOR,
              message: 'Adapters use core through its front door: import from core (core/index.ts), not from its modules.',
            },
          ],
        },
      ],
    },
  },
);
