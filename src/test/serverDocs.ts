import type { CheckIn } from '../domain/checkIn';
import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import type { Session } from '../domain/session';
import type { SyncedRecordType } from '../sync/serverRules';
import { aCheckIn, aPair, aPerson, aSession } from './builders';

/** A record as the program's server keeps it (the sync contract's document). */
export interface ServerDoc {
  _id: string;
  _rev?: string;
  meta: {
    type: string;
    pairId: string | null;
    author: string | null;
    visibility: string;
    updated: string;
    deleted: boolean;
  };
  content: { id: string; updatedAt: string } & Record<string, unknown>;
}

function pairIdOf(type: SyncedRecordType, content: Record<string, unknown>): string | null {
  if (type === 'person') return null;
  if (type === 'pair') return content.id as string;
  return content.pairId as string;
}

/** Who wrote the record, as the sync engine's meta says (src/sync/syncDocument.ts). */
function authorOf(type: SyncedRecordType, content: Person | Pair | Session | CheckIn): string | null {
  if (type === 'checkIn') return (content as CheckIn).raterId;
  if (type === 'session') return (content as Session).loggedById;
  return null;
}

export function aServerDoc(
  type: SyncedRecordType,
  content: Person | Pair | Session | CheckIn,
  meta: Partial<ServerDoc['meta']> = {},
): ServerDoc {
  return {
    _id: `${type}:${content.id}`,
    meta: {
      type,
      pairId: pairIdOf(type, content),
      author: authorOf(type, content),
      visibility: 'pair',
      updated: content.updatedAt,
      deleted: content.deletedAt !== null,
      ...meta,
    },
    content: { ...content },
  };
}

/** A pair, its two people, and builders of its documents. */
export function aServerPair() {
  const mentor = aPerson({ name: 'Morgan Mentor' });
  const mentee = aPerson({ name: 'Emery Mentee' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
  return {
    pair,
    mentor,
    mentee,
    session: (overrides: Partial<Session> = {}) =>
      aSession({ pairId: pair.id, loggedBy: 'mentor', loggedById: mentor.id, ...overrides }),
    /** A check-in the mentee gave, with scores and words shared with the program unless told otherwise. */
    checkIn: (overrides: Partial<CheckIn> = {}) =>
      aCheckIn({
        pairId: pair.id,
        side: 'mentee',
        raterId: mentee.id,
        visibility: 'program',
        notesVisibility: 'program',
        ...overrides,
      }),
  };
}
