// ESLint flat config: recommended rules plus the layering the architecture relies on
// (renderer -/-> main, contract -/-> Node/Electron/DOM, services -/-> adapters). No type-aware rules: fast.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));

const nodeBuiltins = (message) => [
  { group: ['node:*'], message },
  ...NODE_BUILTINS.map((name) => ({ regex: `^${name.replace('/', '\\/')}(\\/.*)?$`, message })),
];

const electron = (message) => ({ regex: '^electron(\\/.*)?$', message });

/** Node-only packages: the adapters wrap them, nobody else imports them. */
const nodeOnlyPackages = (message) => ({ regex: '^(keytar|electron-store|conf|undici)(\\/.*)?$', message });

const RENDERER_MESSAGE = 'Layering: the renderer is untrusted web code. Reach main only through window.helplane (src-renderer/src/lib/desktop-api.ts) and types from src-preload/contract.';
const CONTRACT_MESSAGE = 'Layering: src-preload/contract is shared by main, preload and renderer, so it imports nothing from Node or Electron.';
const SERVICES_MESSAGE = 'Layering: services depend on ports (src-main/ports.ts), never on adapters, Electron or the libraries adapters wrap.';

/** DOM and Node globals the contract must not touch (it runs in every process). */
const CONTRACT_FORBIDDEN_GLOBALS = [
  'window', 'document', 'localStorage', 'sessionStorage', 'fetch', 'navigator', 'location', 'XMLHttpRequest', 'WebSocket',
  'process', 'Buffer', 'require', '__dirname', '__filename', 'global',
].map((name) => ({ name, message: `${CONTRACT_MESSAGE} (global ${name})` }));

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
  // (a) The renderer imports nothing from main, Electron or Node.
  {
    files: ['src-renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)src-main(/|$)', message: RENDERER_MESSAGE },
          { regex: '(^|/)src-preload/index(\\.ts)?$', message: RENDERER_MESSAGE },
          electron(RENDERER_MESSAGE),
          nodeOnlyPackages(RENDERER_MESSAGE),
          ...nodeBuiltins(RENDERER_MESSAGE),
        ],
      }],
    },
  },
  // (b) The contract: no Node, no Electron, no DOM (no globals at all beyond ES).
  {
    files: ['src-preload/contract/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [electron(CONTRACT_MESSAGE), nodeOnlyPackages(CONTRACT_MESSAGE), ...nodeBuiltins(CONTRACT_MESSAGE)],
      }],
      'no-restricted-globals': ['error', ...CONTRACT_FORBIDDEN_GLOBALS],
    },
  },
  // (c) Services: ports only, no adapters.
  {
    files: ['src-main/services/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)adapters(/|$)', message: SERVICES_MESSAGE },
          electron(SERVICES_MESSAGE),
          nodeOnlyPackages(SERVICES_MESSAGE),
        ],
      }],
    },
  },
);
