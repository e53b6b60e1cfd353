import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// Electron may only be imported by the thin glue: main, preload, ipc and platform adapters.
const electronGlue = [
  'electron/main.ts',
  'electron/preload.ts',
  'electron/ipc.ts',
  'electron/platform/**',
  // The shell's wiring files; the decisions they apply live in pure modules beside them.
  'electron/window/create-popup-window.ts',
  'electron/window/harden-session.ts',
  'electron/window/register-app-protocol.ts',
  'electron/tray/create-tray.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: electronGlue,
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main.ts, preload.ts, ipc.ts and platform/ may import electron; pass a capability in instead.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'shared/ is isomorphic: no Electron.' },
          { name: 'react', message: 'shared/ is isomorphic: no React.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is isomorphic: no Node APIs.' })),
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'The renderer talks to main only through the preload API.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs sandboxed: no Node APIs.' })),
        ],
      }],
    },
  },
);
