import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importBoundaries from './build/eslint/import-boundaries.js';

export default tseslint.config(
  { ignores: ['.tmp/**', 'dist/**', 'out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
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
    // What a file may import follows from its folder (build/eslint/import-boundaries.js).
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { traykey: { rules: { 'import-boundaries': importBoundaries } } },
    rules: { 'traykey/import-boundaries': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
