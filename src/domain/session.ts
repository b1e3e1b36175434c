import { z } from 'zod';
import { dueDateProblem, formDateMessage, recordDateProblem } from './plausibleDate';
import type { Pair } from './pair';
import { idSchema, isoDateSchema, recordFieldsSchema } from './record';
import { sideSchema } from './side';
import { canSeeSessionWords, type Viewer } from './visibility';
import { visibilityLabels, visibilitySchema } from './checkIn';

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
  /**
   * Empty only in a copy of a session whose words were held from its holder (a pair file, or the
   * program's server): the form never saves an item without words.
   */
  text: z.string().trim().max(500, 'Keep an action item under 500 characters.'),
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
  /**
   * Who sees the session's words: its notes, topics and action items' texts. Its facts (date,
   * duration, mode, who logged it, each action item's owner, due date and whether it is done) are
   * seen by both partners and the program whatever this says: the coordinator's flags need them.
   */
  notesVisibility: visibilitySchema,
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
  notesVisibility: visibilitySchema,
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

/**
 * An action item with the session it came from: its id, date and pair, which find it in storage;
 * and, when the session's words are held from the viewer (its text is then blank), who logged the
 * session and how far its words went, for the line that says so.
 */
export type SessionActionItem = ActionItem & {
  sessionId: string;
  sessionDate: string;
  pairId: string;
  held: Pick<Session, 'loggedBy' | 'notesVisibility'> | null;
};

/** A session's action items, each with its session; `wordsHeld` as `visibleSessions` says. */
export function actionItemsOf(session: Session & { wordsHeld?: boolean }): SessionActionItem[] {
  const held = session.wordsHeld ? { loggedBy: session.loggedBy, notesVisibility: session.notesVisibility } : null;
  return session.actionItems.map((item) => ({
    ...item,
    sessionId: session.id,
    sessionDate: session.date,
    pairId: session.pairId,
    held,
  }));
}

export function openActionItems(sessions: readonly (Session & { wordsHeld?: boolean })[]): SessionActionItem[] {
  return sessions
    .flatMap((session) => actionItemsOf(session).filter((item) => !item.done))
    .sort(
      (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.sessionDate.localeCompare(b.sessionDate),
    );
}

/*
 * A session's words (its notes, topics and action items' texts) and the copies of it that leave its
 * author: the partner's, the program's, and what a screen receives (`visibleSessions`).
 */

/** Who sees what of a session, in the words of the visibility choices: the one line the forms show. */
export const sessionVisibilityHint = `The program coordinator always sees when you met, for how long and how, and each action item’s owner, due date and whether it is done; the words only if you choose “${visibilityLabels.program}”.`;

/** True when the session carries no words: no topics, no notes, no action item text. */
export function hasNoSessionWords(session: Pick<Session, 'topics' | 'notes' | 'actionItems'>): boolean {
  return session.topics.length === 0 && session.notes === '' && session.actionItems.every((item) => item.text === '');
}

/** The session with its words blanked and its facts kept: what a reader its words are held from receives. */
export function withoutSessionWords(session: Session): Session {
  return { ...session, topics: [], notes: '', actionItems: session.actionItems.map((item) => ({ ...item, text: '' })) };
}

/**
 * A session as the program sees it: always its facts (when, how long, how, who logged it, when its
 * action items are due and whether they are done), and its words only when their author shared
 * them with the program. The program's server database holds this.
 */
export function sessionForProgram(session: Session): Session {
  return session.notesVisibility === 'program' ? session : withoutSessionWords(session);
}

/** A session as its partner may receive it (a pair file, the pair's server database): words kept to "only me" blanked. */
export function sessionForPartner(session: Session): Session {
  return session.notesVisibility === 'private' ? withoutSessionWords(session) : session;
}

/**
 * A copy of the device's own session comes back with its words blanked, because they were kept to
 * "only me" and so never left the device (a pulled version, a pair file): the device keeps its own
 * words beside the copy's facts. Any other copy is taken as it is.
 */
export function keepingPrivateWords(incoming: Session, held: Session | undefined): Session {
  if (!held || incoming.notesVisibility !== 'private' || held.notesVisibility !== 'private') return incoming;
  if (!hasNoSessionWords(incoming)) return incoming;
  const heldText = new Map(held.actionItems.map((item) => [item.id, item.text]));
  return {
    ...incoming,
    topics: held.topics,
    notes: held.notes,
    actionItems: incoming.actionItems.map((item) => ({ ...item, text: heldText.get(item.id) ?? item.text })),
  };
}

/** A session as a viewer sees it: `wordsHeld` when its words were not for them, and so are blank. */
export type SeenSession = Session & { wordsHeld: boolean };

/**
 * The sessions as the viewer may see them: every one, with its facts, and its words blanked where
 * they are held from the viewer. Views never receive words they may not show.
 */
export function visibleSessions(
  sessions: readonly Session[],
  pair: Pick<Pair, 'mentorId' | 'menteeId'>,
  viewer: Viewer,
): SeenSession[] {
  return sessions.map((session) => visibleSession(session, pair, viewer));
}

export function visibleSession(
  session: Session,
  pair: Pick<Pair, 'mentorId' | 'menteeId'>,
  viewer: Viewer,
): SeenSession {
  return canSeeSessionWords(session, pair, viewer)
    ? { ...session, wordsHeld: false }
    : { ...withoutSessionWords(session), wordsHeld: true };
}

/** What `sessionForProgram` gives: a session whose words are blank unless they were shared with the program. */
export const programSessionSchema = sessionSchema.superRefine((session, ctx) => {
  if (session.notesVisibility === 'program') return;
  const held = 'was not shared with the program, so its copy for the program';
  if (session.topics.length > 0)
    ctx.addIssue({ code: 'custom', path: ['topics'], message: `This session ${held} carries no topics.` });
  if (session.notes !== '')
    ctx.addIssue({ code: 'custom', path: ['notes'], message: `This session ${held} carries no notes.` });
  for (const [index, item] of session.actionItems.entries()) {
    if (item.text !== '')
      ctx.addIssue({
        code: 'custom',
        path: ['actionItems', index, 'text'],
        message: `This session ${held} carries no action item text.`,
      });
  }
});
