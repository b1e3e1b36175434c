import { z } from 'zod';

/** The two partners of a pair. Ratings, sessions and guidance are always from one side. */
export const sideSchema = z.enum(['mentor', 'mentee']);
export type Side = z.infer<typeof sideSchema>;

export const sides: readonly Side[] = sideSchema.options;

export const sideLabels: Record<Side, string> = { mentor: 'Mentor', mentee: 'Mentee' };

export function otherSide(side: Side): Side {
  return side === 'mentor' ? 'mentee' : 'mentor';
}
