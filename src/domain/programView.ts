import type { CheckIn } from './checkIn';
import type { Pair } from './pair';
import { canSeeScores, visibleCheckIns, type Viewer } from './visibility';

/**
 * The program as a whole: someone outside every pair, who sees only what partners shared with the
 * program. The coordinator's dashboard, the program's trends and its exports all look through this
 * viewer rather than the person using the device, so that they show the same thing whoever opens
 * them, and never a private or pair-only check-in (the id is no person's, so it never matches a
 * rater).
 */
export const programViewer: Viewer = { personId: 'program', role: 'coordinator' };

/** True when the check-in's scores were shared with the program. */
export function scoresSharedWithProgram(checkIn: CheckIn, pair: Pick<Pair, 'mentorId' | 'menteeId'>): boolean {
  return canSeeScores(checkIn, pair, programViewer);
}

/**
 * The check-ins whose scores the program may see, with their words blanked unless those were
 * shared with the program too. A check-in that shared only its words is left out: the program's
 * views are about scores.
 */
export function programCheckIns(checkIns: readonly CheckIn[], pair: Pick<Pair, 'mentorId' | 'menteeId'>): CheckIn[] {
  return visibleCheckIns(
    checkIns.filter((checkIn) => !checkIn.deletedAt && scoresSharedWithProgram(checkIn, pair)),
    pair,
    programViewer,
  );
}
