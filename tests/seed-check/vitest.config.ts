import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import '../support/node20Polyfills.ts';

// The originality check runs in Node alone, apart from the product's suite (see its test file).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['tests/seed-check/*.test.ts'],
  },
});
