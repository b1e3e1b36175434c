import '../support/node20Polyfills.ts';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The program server's rules, tested with raw HTTP against a real server: pouchdb-server started in
// memory by the global setup, or the CouchDB at MENTORLOG_COUCHDB_URL when that is set.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['tests/sync/*.test.ts'],
    globalSetup: ['tests/sync/globalSetup.ts'],
    // One server for every file: the files run one after another, not against each other.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
