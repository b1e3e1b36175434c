import type { CheckIn } from './checkIn';
import type { Pair } from './pair';
import type { Role } from './person';
import type { Side } from './side';
import type { Visibility } from './checkIn';

/** Who is looking: the person chosen under "Viewing as", and the role they chose. */
export interface Viewer {
  personId: string;
  role: Role;
}

/** The viewer's side in a pair, or null when they are not one of its partners. */
export function sideInPair(pair: Pick<Pair, 'mentorId' | 'menteeId'>, personId: string): Side | null {
  if (pair.mentorId === personId) return 'mentor';
  if (pair.menteeId === personId) return 'mentee';
  return null;
}

/**
 * The one rule of every visibility: the author sees everything; a partner sees what was not kept
 * to "only me"; anyone outside the pair (the program, a coordinator) sees only what was shared with
 * the program.
 */
function canSee(
  visibility: Visibility,
  authorId: string,
  pair: Pick<Pair, 'mentorId' | 'menteeId'>,
  viewer: Viewer,
): boolean {
  if (authorId === viewer.personId) return true;
  if (visibility === 'private') return false;
  if (sideInPair(pair, viewer.personId) !== null) return true;
  // Anyone outside the pair sees only what was shared with the program.
  return visibility === 'program';
}

export function canSeeScores(checkIn: CheckIn, pair: Pick<Pair, 'mentorId' | 'menteeId'>, viewer: Viewer): boolean {
  return canSee(checkIn.visibility, checkIn.raterId, pair, viewer);
}

export function canSeeNotes(checkIn: CheckIn, pair: Pick<Pair, 'mentorId' | 'menteeId'>, viewer: Viewer): boolean {
  return canSee(checkIn.notesVisibility, checkIn.raterId, pair, viewer);
}

/**
 * The check-ins as the viewer may see them: hidden ones dropped, and the written words blanked
 * where only the scores were shared. Views never receive text they may not show.
 */
export function visibleCheckIns(
  checkIns: readonly CheckIn[],
  pair: Pick<Pair, 'mentorId' | 'menteeId'>,
  viewer: Viewer,
): CheckIn[] {
  return checkIns.flatMap((checkIn) => {
    if (!canSeeScores(checkIn, pair, viewer)) {
      return canSeeNotes(checkIn, pair, viewer) ? [{ ...checkIn, scores: {} }] : [];
    }
    return canSeeNotes(checkIn, pair, viewer) ? [checkIn] : [{ ...checkIn, comments: {}, reflection: '' }];
  });
}

/**
 * Whether the viewer may read a session's words (notes, topics, action items' texts). Its facts
 * (date, duration, mode, who logged it, action items' owners, due dates and done) are for everyone
 * who may see the pair.
 */
export function canSeeSessionWords(
  session: { loggedById: string; notesVisibility: Visibility },
  pair: Pick<Pair, 'mentorId' | 'menteeId'>,
  viewer: Viewer,
): boolean {
  return canSee(session.notesVisibility, session.loggedById, pair, viewer);
}
