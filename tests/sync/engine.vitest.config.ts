import '../support/node20Polyfills.ts';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The sync engine against a real pouchdb-server, in Node (fetch, child processes).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['tests/sync/*.engine.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
