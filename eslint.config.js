// ESLint flat config: recommended rules plus the layering the architecture relies on. The layering is
// one allow-list in layering.config.js (every folder of src-main, src-preload and src-renderer → what it
// may import); this file adds the two global-based rules: the contract touches no DOM/Node globals, and
// only src-renderer/src/lib/desktop-api.ts reads window.helplane. No type-aware rules: fast.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layeringConfig } from './layering.config.js';

const CONTRACT_MESSAGE = 'Layering: src-preload/contract is shared by main, preload and renderer, so it imports nothing from Node or Electron.';

/** DOM and Node globals the contract must not touch (it runs in every process). */
const CONTRACT_FORBIDDEN_GLOBALS = [
  'window', 'document', 'localStorage', 'sessionStorage', 'fetch', 'navigator', 'location', 'XMLHttpRequest', 'WebSocket',
  'process', 'Buffer', 'require', '__dirname', '__filename', 'global',
].map((name) => ({ name, message: `${CONTRACT_MESSAGE} (global ${name})` }));

const HELPLANE_MESSAGE = 'Layering: only src-renderer/src/lib/desktop-api.ts reads window.helplane; components and the store call its functions (a fake in component tests).';
const GLOBAL_OBJECT = '/^(window|globalThis|self)$/';
/** `window.helplane`, `window['helplane']`, `(globalThis as … as …).helplane`, `const { helplane } = window`. */
const HELPLANE_READS = [
  `MemberExpression:matches([property.name='helplane'][computed=false], [property.value='helplane']):matches([object.name=${GLOBAL_OBJECT}], [object.expression.name=${GLOBAL_OBJECT}], [object.expression.expression.name=${GLOBAL_OBJECT}])`,
  `VariableDeclarator:matches([init.name=${GLOBAL_OBJECT}], [init.expression.name=${GLOBAL_OBJECT}]) > ObjectPattern > Property[key.name='helplane']`,
].map((selector) => ({ selector, message: HELPLANE_MESSAGE }));

export default defineConfig(
  globalIgnores(['out/', 'dist/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/', '.tmp/', 'test/fixtures/lint/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/**', 'src-preload/index.ts', 'test/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src-renderer/**', 'src-main/web-host/web-shim.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src-main/**', 'src-preload/**', 'src-renderer/**'],
    rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },
  {
    // Playwright fixtures that use no other fixture are written `async ({}, use) => …`.
    files: ['test/e2e/**'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    files: ['**/cli.ts'],
    rules: { 'no-console': 'off' },
  },
  ...layeringConfig,
  // The contract: no globals beyond ES (its imports are in layering.config.js).
  {
    files: ['src-preload/contract/**'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-globals': ['error', ...CONTRACT_FORBIDDEN_GLOBALS] },
  },
  // One reader of window.helplane. Flat config replaces (does not merge) rule options: add any further
  // renderer no-restricted-syntax selectors to this block.
  {
    files: ['src-renderer/**'],
    ignores: ['src-renderer/src/lib/desktop-api.ts'],
    rules: { 'no-restricted-syntax': ['error', ...HELPLANE_READS] },
  },
);
