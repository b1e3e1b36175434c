import { z } from 'zod';
import { characteristicIdSchema, scoreSchema } from './characteristic';
import { formDateMessage, recordDateProblem } from './plausibleDate';
import { idSchema, isoDateSchema, recordFieldsSchema } from './record';
import { sideSchema } from './side';

/** Who may see something a partner wrote or rated: a check-in's scores, its words, a session's words. */
export const visibilitySchema = z.enum(['private', 'pair', 'program']);
export type Visibility = z.infer<typeof visibilitySchema>;

export const visibilityLabels: Record<Visibility, string> = {
  private: 'Only me',
  pair: 'Me and my partner',
  program: 'My partner and the program coordinator',
};

const commentSchema = z.string().max(2000, 'Keep a comment under 2,000 characters.');
const reflectionSchema = z.string().max(20000, 'Keep the reflection under 20,000 characters.');

const checkInFieldsSchema = z.object({
  pairId: idSchema,
  sessionId: idSchema.nullable(),
  date: isoDateSchema,
  side: sideSchema,
  raterId: idSchema,
  /** Keyed by characteristic id, so that a program's own characteristics need no schema change. */
  scores: z.record(characteristicIdSchema, scoreSchema),
  comments: z.record(characteristicIdSchema, commentSchema),
  reflection: reflectionSchema,
  /** Who sees the scores. */
  visibility: visibilitySchema,
  /** Who sees the written words: the comments and the reflection. */
  notesVisibility: visibilitySchema,
});

export const checkInSchema = recordFieldsSchema.extend(checkInFieldsSchema.shape);
export type CheckIn = z.infer<typeof checkInSchema>;

/**
 * The check-in form. Scores arrive from radio buttons as strings, hence the coercion; every
 * characteristic shown must be rated.
 */
export function checkInFormSchema(
  characteristicIds: readonly string[],
  dates?: { pairStartDate: string; today: string },
) {
  // Radio buttons give a string, or nothing until one is chosen.
  const score = z
    .string({ error: 'Choose a score from 1 to 5.' })
    .regex(/^[1-5]$/, 'Choose a score from 1 to 5.')
    .transform((value) => Number(value))
    .pipe(scoreSchema);
  return z
    .object({
      date: isoDateSchema,
      scores: z.object(Object.fromEntries(characteristicIds.map((id) => [id, score]))),
      comments: z.object(Object.fromEntries(characteristicIds.map((id) => [id, commentSchema]))),
      reflection: reflectionSchema,
      visibility: visibilitySchema,
      notesVisibility: visibilitySchema,
    })
    .superRefine((form, ctx) => {
      // Held to `plausibleDates`, as an import holds a check-in.
      const problem = dates ? recordDateProblem(form.date, dates.pairStartDate, dates.today) : null;
      if (problem) ctx.addIssue({ code: 'custom', message: formDateMessage(problem), path: ['date'] });
    });
}

export type CheckInFormSchema = ReturnType<typeof checkInFormSchema>;
export type CheckInFormInput = z.input<CheckInFormSchema>;
export type CheckInFormValues = z.output<CheckInFormSchema>;

/**
 * Defaults: scores are shared with the program (the coordinator needs them to see how pairs are
 * doing), while what the mentee writes stays private unless they choose to share it.
 */
export function defaultVisibilities(side: z.infer<typeof sideSchema>): {
  visibility: Visibility;
  notesVisibility: Visibility;
} {
  return { visibility: 'program', notesVisibility: side === 'mentee' ? 'private' : 'pair' };
}
