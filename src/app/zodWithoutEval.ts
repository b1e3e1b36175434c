import { z } from 'zod/v4';

/**
 * What `import … from 'zod'` means in the app (vite.config.ts aliases it here): zod, told not to
 * compile parsers with `new Function`.
 *
 * The Content-Security-Policy allows no eval, so zod's compiled fast path could never run anyway.
 * But zod checks for eval the first time an object schema is built, and the browser reports that
 * check as a policy violation even though zod catches the error. Setting `jitless` before any
 * schema exists skips the check. It has to happen here, in a module every schema module depends
 * on: a call at the top of main.tsx runs too late, because the bundler puts main's own code after
 * the shared chunks whose modules build the schemas.
 */
z.config({ jitless: true });

export * from 'zod/v4';
