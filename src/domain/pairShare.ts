import type { BackupRecords } from './backupRecords';
import type { CheckIn } from './checkIn';
import type { Pair } from './pair';
import type { Person } from './person';
import type { Session } from './session';
import { sessionForPartner } from './session';

/**
 * A check-in as it may leave the device for the pair's partner: what only its rater may see is
 * removed — the whole check-in when both scores and words are private, otherwise the private part
 * (scores, or the comments and reflection) blanked. Applied whoever rated it, because the file
 * passes through the exporter's hands.
 */
export function checkInForPartner(checkIn: CheckIn): CheckIn | null {
  const scoresPrivate = checkIn.visibility === 'private';
  const wordsPrivate = checkIn.notesVisibility === 'private';
  if (scoresPrivate && wordsPrivate) return null;
  return {
    ...checkIn,
    ...(scoresPrivate ? { scores: {} } : {}),
    ...(wordsPrivate ? { comments: {}, reflection: '' } : {}),
  };
}

/**
 * One pair's records for its partner: the pair, its two people, its sessions (words kept to "only
 * me" blanked, whoever logged them, as for check-ins) and the check-ins both may see.
 */
export function pairShareRecords(
  pair: Pair,
  people: readonly Person[],
  sessions: readonly Session[],
  checkIns: readonly CheckIn[],
): BackupRecords {
  const partnerIds = new Set([pair.mentorId, pair.menteeId]);
  return {
    people: people.filter((person) => partnerIds.has(person.id)),
    pairs: [pair],
    sessions: sessions.filter((session) => session.pairId === pair.id).map(sessionForPartner),
    checkIns: checkIns.flatMap((checkIn) => {
      if (checkIn.pairId !== pair.id) return [];
      const shared = checkInForPartner(checkIn);
      return shared ? [shared] : [];
    }),
  };
}
