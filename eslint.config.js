import fs from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import checkFile from 'eslint-plugin-check-file';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ and what each may import: ARCHITECTURE.md draws the same table. A layer
 * imports only from the layers below it; a feature imports no other feature. Tests (and src/test/,
 * their builders) set up data through the lower layers and are exempt from the layer rules, not
 * from the rule against cycles.
 */
const featureNames = fs
  .readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const layerZones = [
  {
    target: './src/domain',
    from: './src',
    except: ['./domain'],
    message: 'domain is pure: it imports nothing of the app.',
  },
  {
    target: './src/crypto',
    from: './src',
    except: ['./crypto'],
    message: 'crypto wraps Web Crypto and imports nothing of the app: every layer from db up may use it.',
  },
  {
    target: './src/db',
    from: './src',
    except: ['./db', './domain', './crypto'],
    message: 'db imports only domain.',
  },
  {
    target: './src/state',
    from: './src',
    except: ['./state', './domain'],
    message: 'state (UI state) imports only domain.',
  },
  {
    target: './src/data',
    from: ['./src/features', './src/ui', './src/app', './src/sync'],
    message: 'data sits below sync, features, ui and app.',
  },
  {
    target: './src/sync',
    from: './src',
    except: ['./sync', './domain', './db', './data', './state', './crypto'],
    message: "sync (the program server's client) imports only domain, db, data, state and crypto.",
  },
  {
    target: './src/ui',
    from: ['./src/data', './src/db', './src/state', './src/sync', './src/features', './src/app'],
    message: 'ui components take what they show as props: no data, db, state, sync, features or app.',
  },
  {
    target: './src/features',
    from: ['./src/db', './src/app'],
    message: 'features reach the database through data, and sit below app.',
  },
  ...featureNames.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'a feature imports no other feature: move what both need down a layer (ui, data or domain).',
  })),
  {
    target: './src',
    from: './src/test',
    message: 'src/test holds test builders and setup: product code never imports it.',
  },
];

const testFiles = ['src/**/*.test.{ts,tsx}', 'src/test/**'];

export default tseslint.config(
  {
    ignores: [
      'dist*',
      'tests/bench/.data',
      'tests/lint/fixtures',
      'dev-dist',
      'node_modules',
      'test-results*',
      'playwright-report',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'react/no-danger': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'User text is rendered as text.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.app.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Small files with names that say what they hold: one over this says why at its top
      // (`/* eslint-disable max-lines -- <the reason> */`) or is split along its own sections.
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: testFiles,
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    // Dexie is how db and data reach IndexedDB; nothing else knows it is there.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/db/**', 'src/data/**', ...testFiles],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'Only src/db and src/data import Dexie.' },
            { name: 'dexie-react-hooks', message: 'Only src/data reads live queries: use its hooks.' },
          ],
        },
      ],
    },
  },
  {
    // One spelling per name: components are PascalCase, everything else camelCase, folders
    // camelCase, and a check-in is "checkIn" in every file and folder name.
    files: ['src/**/*.css'],
    processor: 'check-file/eslint-processor-check-file',
  },
  {
    files: ['src/**/*.{ts,tsx,css}'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { 'src/**/*.{ts,css}': 'CAMEL_CASE', 'src/**/*.tsx': '@(+([A-Z])*([a-zA-Z0-9])|+([a-z])*([a-zA-Z0-9]))' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { 'src/**/': 'CAMEL_CASE' }],
      'check-file/filename-blocklist': [
        'error',
        { '**/*[cC]heckin*': '*checkIn*', '**/*[cC]heck[-_]in*': '*checkIn*', '**/*[cC]heckins/**': '*checkIns*' },
      ],
      'check-file/no-index': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
);
