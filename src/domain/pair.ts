import { z } from 'zod';
import { pairStatuses } from './pairStatus';
import { formDateMessage, pairStartProblem, startAfterRecordProblem } from './plausibleDate';
import { idSchema, isoDateSchema, recordFieldsSchema } from './record';

export const pairStatusSchema = z.enum(pairStatuses);
export { DEFAULT_CADENCE_DAYS, pairStatusLabels, type PairStatus } from './pairStatus';

export const cadenceDaysSchema = z.coerce
  .number({ error: 'Enter the number of days between sessions.' })
  .int('Use a whole number of days.')
  .min(1, 'Sessions need at least 1 day between them.')
  .max(365, 'Use at most 365 days between sessions.');

const pairFieldsSchema = z.object({
  mentorId: idSchema,
  menteeId: idSchema,
  startDate: isoDateSchema,
  endDate: isoDateSchema.nullable(),
  status: pairStatusSchema,
  goals: z.string().max(5000, 'Keep the goals under 5,000 characters.'),
  cadenceDays: z.number().int().min(1).max(365),
});

export const pairSchema = recordFieldsSchema
  .extend(pairFieldsSchema.shape)
  .refine((pair) => pair.mentorId !== pair.menteeId, {
    message: 'A pair needs two different people.',
    path: ['menteeId'],
  })
  .refine((pair) => pair.endDate === null || pair.endDate >= pair.startDate, {
    message: 'The end date cannot be before the start date.',
    path: ['endDate'],
  });

export type Pair = z.infer<typeof pairSchema>;

/** Marks the choice "a new person" in the pair form's people pickers. */
export const NEW_PERSON = 'new';

const personChoice = (role: string) =>
  z.object({
    personId: z.string().min(1, `Choose the ${role}.`),
    newName: z.string().trim().max(120, 'Keep the name under 120 characters.'),
  });

/**
 * The pair form: each partner is either someone already on this device or a new person named
 * inline, so that setting up a pair is one form.
 */
export const pairFormSchema = z
  .object({
    mentor: personChoice('mentor'),
    mentee: personChoice('mentee'),
    startDate: isoDateSchema,
    cadenceDays: cadenceDaysSchema,
    goals: z.string().max(5000, 'Keep the goals under 5,000 characters.'),
  })
  .superRefine((form, ctx) => {
    for (const role of ['mentor', 'mentee'] as const) {
      const choice = form[role];
      if (choice.personId === NEW_PERSON && choice.newName.length === 0) {
        ctx.addIssue({ code: 'custom', message: `Enter the new ${role}'s name.`, path: [role, 'newName'] });
      }
    }
    const same =
      form.mentor.personId === NEW_PERSON
        ? form.mentee.personId === NEW_PERSON &&
          form.mentor.newName.toLocaleLowerCase() === form.mentee.newName.toLocaleLowerCase()
        : form.mentor.personId === form.mentee.personId;
    if (same && (form.mentor.personId !== NEW_PERSON || form.mentor.newName.length > 0)) {
      ctx.addIssue({
        code: 'custom',
        message: 'The mentee must be someone other than the mentor.',
        path: ['mentee', 'personId'],
      });
    }
  });

/**
 * The pair form with its start date held to `plausibleDates`, as an import holds it: in range, and
 * (editing a pair) not so late that its first session or check-in, `earliestRecordDate`, would be
 * more than the allowed time before it.
 */
export function pairFormSchemaFor(today: string, earliestRecordDate: string | null = null) {
  return pairFormSchema.superRefine((form, ctx) => {
    const problem =
      pairStartProblem(form.startDate, today) ??
      (earliestRecordDate === null ? null : startAfterRecordProblem(form.startDate, earliestRecordDate));
    if (problem) ctx.addIssue({ code: 'custom', message: formDateMessage(problem), path: ['startDate'] });
  });
}

export type PairFormInput = z.input<typeof pairFormSchema>;
export type PairFormValues = z.output<typeof pairFormSchema>;
