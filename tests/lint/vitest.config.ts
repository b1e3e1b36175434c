import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import '../support/node20Polyfills.ts';

// The tests of the lint rules themselves, run by `npm run lint` in Node (not the product's suite).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['tests/lint/*.test.ts'],
    testTimeout: 60_000,
  },
});
