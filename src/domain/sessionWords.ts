import type { Session } from './session';

/*
 * A session's words (its notes, topics and action items' texts) and the copies of it that leave its
 * author: the partner's and the program's. Type-only imports, so that screens of the first bundle
 * may use it without zod.
 */

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
