import { z } from 'zod';
import { dueDateProblem, formDateMessage, recordDateProblem } from './plausibleDate';
import { idSchema, isoDateSchema, recordFieldsSchema } from './record';
import { sideSchema } from './side';

export const sessionModeSchema = z.enum(['in-person', 'video', 'phone', 'chat']);
export type SessionMode = z.infer<typeof sessionModeSchema>;

export const sessionModeLabels: Record<SessionMode, string> = {
  'in-person': 'In person',
  video: 'Video call',
  phone: 'Phone',
  chat: 'Chat',
};

const actionItemTextSchema = z
  .string()
  .trim()
  .min(1, 'Describe the action item, or remove it.')
  .max(500, 'Keep an action item under 500 characters.');

export const actionItemSchema = z.object({
  id: idSchema,
  text: actionItemTextSchema,
  owner: sideSchema,
  dueDate: isoDateSchema.nullable(),
  done: z.boolean(),
});

export type ActionItem = z.infer<typeof actionItemSchema>;

const sessionFieldsSchema = z.object({
  pairId: idSchema,
  date: isoDateSchema,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  mode: sessionModeSchema,
  topics: z.array(z.string().trim().min(1).max(200)).max(50),
  notes: z.string().max(20000),
  actionItems: z.array(actionItemSchema).max(100),
  loggedBy: sideSchema,
  loggedById: idSchema,
});

export const sessionSchema = recordFieldsSchema.extend(sessionFieldsSchema.shape);
export type Session = z.infer<typeof sessionSchema>;

/** The "log a session" form. Topics are typed as one comma-separated line. */
export const sessionFormSchema = z.object({
  date: isoDateSchema,
  durationMinutes: z.coerce
    .number({ error: 'Enter how long the session took, in minutes.' })
    .int('Use whole minutes.')
    .min(1, 'A session lasts at least 1 minute.')
    .max(24 * 60, 'A session cannot last more than 24 hours.'),
  mode: sessionModeSchema,
  topics: z.string().max(2000, 'Keep the topics under 2,000 characters.'),
  notes: z.string().max(20000, 'Keep the notes under 20,000 characters.'),
  actionItems: z.array(
    z.object({
      text: actionItemTextSchema,
      owner: sideSchema,
      dueDate: z.union([z.literal(''), isoDateSchema]),
    }),
  ),
});

/** The form for a session of a pair that started on `pairStartDate`: its dates held to `plausibleDates`, as an import holds them. */
export function sessionFormSchemaFor(pairStartDate: string, today: string) {
  return sessionFormSchema.superRefine((form, ctx) => {
    const problem = recordDateProblem(form.date, pairStartDate, today);
    if (problem) ctx.addIssue({ code: 'custom', message: formDateMessage(problem), path: ['date'] });
    for (const [index, item] of form.actionItems.entries()) {
      const due = item.dueDate === '' ? null : dueDateProblem(item.dueDate, form.date);
      if (due) ctx.addIssue({ code: 'custom', message: formDateMessage(due), path: ['actionItems', index, 'dueDate'] });
    }
  });
}

export type SessionFormInput = z.input<typeof sessionFormSchema>;
export type SessionFormValues = z.output<typeof sessionFormSchema>;

export function parseTopics(line: string): string[] {
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const raw of line.split(',')) {
    const topic = raw.trim().slice(0, 200);
    const key = topic.toLocaleLowerCase();
    if (topic && !seen.has(key)) {
      seen.add(key);
      topics.push(topic);
    }
  }
  return topics.slice(0, 50);
}

/** An action item with the session it came from: its id, date and pair, which find it in storage. */
export type SessionActionItem = ActionItem & { sessionId: string; sessionDate: string; pairId: string };

/** A session's action items, each with its session. */
export function actionItemsOf(session: Session): SessionActionItem[] {
  return session.actionItems.map((item) => ({
    ...item,
    sessionId: session.id,
    sessionDate: session.date,
    pairId: session.pairId,
  }));
}

export function openActionItems(sessions: readonly Session[]): SessionActionItem[] {
  return sessions
    .flatMap((session) => actionItemsOf(session).filter((item) => !item.done))
    .sort(
      (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.sessionDate.localeCompare(b.sessionDate),
    );
}

/**
 * A session as the program sees it: its facts (when, how long, how, who logged it, when its action
 * items are due and whether they are done) and none of the partners' words, since a session has no
 * setting that shares its words with the program. The program's server database holds this.
 */
export function sessionForProgram(session: Session): Session {
  return { ...session, topics: [], notes: '', actionItems: session.actionItems.map((item) => ({ ...item, text: '' })) };
}

/** What `sessionForProgram` gives: a session whose words are all blank. */
export const programSessionSchema = sessionSchema.extend({
  topics: z.array(z.string()).max(0, 'A session shared with the program carries no topics.'),
  notes: z.literal('', { error: 'A session shared with the program carries no notes.' }),
  actionItems: z
    .array(
      actionItemSchema.extend({
        text: z.literal('', { error: 'A session shared with the program carries no action item text.' }),
      }),
    )
    .max(100),
});
