import type { Session } from '../domain/session';
import { formatDay } from './formatDate';

/*
 * What a session says in place of words held from the viewer: who kept them, and never how much
 * there was. Its facts are shown beside this as they are.
 */

type Held = Pick<Session, 'loggedBy' | 'notesVisibility'>;

/** The one line a session shows in place of its notes and topics. */
export function heldWordsSentence({ loggedBy, notesVisibility }: Held): string {
  return notesVisibility === 'private'
    ? `The ${loggedBy} kept this session’s notes, topics and action items to themselves.`
    : 'This session’s notes, topics and action items were kept between the partners.';
}

/** What an action item shows in place of its text. */
export function heldActionItemText({ loggedBy, notesVisibility }: Held, sessionDate: string): string {
  const kept = notesVisibility === 'private' ? `the ${loggedBy} kept to themselves` : 'kept between the partners';
  return `An action item ${kept}, from the session on ${formatDay(sessionDate)}`;
}
