import { z } from 'zod';

/**
 * Who may see something a partner wrote or rated: a check-in's scores, its words, a session's words.
 * Kept apart from the rules (visibility.ts), which the first screen loads without zod.
 */
export const visibilitySchema = z.enum(['private', 'pair', 'program']);
export type Visibility = z.infer<typeof visibilitySchema>;

export const visibilityLabels: Record<Visibility, string> = {
  private: 'Only me',
  pair: 'Me and my partner',
  program: 'My partner and the program coordinator',
};
