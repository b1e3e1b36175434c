import { builtInCharacteristics, type Score } from './characteristic';
import type { CheckIn } from './checkIn';
import { addDays } from './dates';
import {
  DEMO_COORDINATOR,
  demoActionItems,
  demoComments,
  demoNoteTemplates,
  demoReflections,
  demoTopics,
  pairPlans,
  scenarioWords,
  type PairPlan,
} from './demoScenarios';
import type { Pair } from './pair';
import type { Person } from './person';
import type { RecordFields } from './record';
import { seededRandom, type SeededRandom } from './seededRandom';
import type { ActionItem, Session, SessionMode } from './session';
import { sides, type Side } from './side';
import type { Visibility } from './checkIn';

export { demoScenario } from './demoScenarios';

/**
 * A made-up program of about a dozen pairs over the six months before `today`, for trying the app
 * and for testers: most pairs are healthy, and exactly one pair raises each attention flag (falling
 * trust, overdue session, wide perception gap). Everything is derived from the seed and `today`, so
 * the same input gives the same records, and loading the demo again overwrites instead of adding.
 */
export interface DemoProgram {
  coordinator: Person;
  people: Person[];
  pairs: Pair[];
  sessions: Session[];
  checkIns: CheckIn[];
}

/** The date of the expert commentary the app draws on; any fixed number would do. */
export const DEMO_SEED = 20130323;

/** How many of a pair's last sessions always have check-ins from both sides, shared with the program. */
const RECENT_CHECK_INS = 4;

export function generateDemoProgram({ seed = DEMO_SEED, today }: { seed?: number; today: string }): DemoProgram {
  const random = seededRandom(seed);
  const earliestStart = Math.max(...pairPlans.map((plan) => plan.startDaysAgo));
  const coordinator = buildPerson(random, DEMO_COORDINATOR, addDays(today, -earliestStart - 7));
  const participants = buildParticipants(random, today);
  const program: DemoProgram = {
    coordinator,
    people: [coordinator, ...participants.values()],
    pairs: [],
    sessions: [],
    checkIns: [],
  };

  for (const plan of pairPlans) {
    const mentor = participants.get(plan.mentor);
    const mentee = participants.get(plan.mentee);
    if (!mentor || !mentee) throw new Error(`The demo pair ${plan.mentor} / ${plan.mentee} names someone unknown.`);
    const dates = sessionDates(random, plan, today);
    const pair = buildPair(random, plan, mentor, mentee, today, dates);
    const track = scoreTrack(random, plan);
    const context: PairContext = { plan, pair, count: dates.length };
    dates.forEach((date, index) => {
      const session = buildSession(random, context, date, index);
      program.sessions.push(session);
      program.checkIns.push(...buildCheckIns(random, context, session, index, track));
    });
    program.pairs.push(pair);
  }
  return program;
}

/** Records are stamped at a fixed time on the day they describe, so they depend only on the dates. */
function recordFields(random: SeededRandom, date: string, time = '18:00', updatedOn = date): RecordFields {
  return {
    id: random.uuid(),
    createdAt: `${date}T${time}:00.000Z`,
    updatedAt: `${updatedOn}T${time}:00.000Z`,
    deletedAt: null,
  };
}

function buildPerson(random: SeededRandom, name: string, joinedOn: string): Person {
  const handle = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z-]+/g, '.');
  return { ...recordFields(random, joinedOn, '09:00'), name, contact: `${handle}@example.org` };
}

/** Everyone in a pair, once each (one person is in two pairs), joining when their first pair starts. */
function buildParticipants(random: SeededRandom, today: string): Map<string, Person> {
  const firstStart = new Map<string, number>();
  for (const plan of pairPlans) {
    for (const name of [plan.mentor, plan.mentee]) {
      firstStart.set(name, Math.max(firstStart.get(name) ?? 0, plan.startDaysAgo));
    }
  }
  return new Map([...firstStart].map(([name, daysAgo]) => [name, buildPerson(random, name, addDays(today, -daysAgo))]));
}

function buildPair(
  random: SeededRandom,
  plan: PairPlan,
  mentor: Person,
  mentee: Person,
  today: string,
  dates: readonly string[],
): Pair {
  const startDate = addDays(today, -plan.startDaysAgo);
  const endDate = plan.endDaysAgo === undefined ? null : addDays(today, -plan.endDaysAgo);
  // A paused or closed pair was last changed when it was paused (at its last session) or closed.
  const changedOn = plan.status === 'active' ? startDate : (endDate ?? dates.at(-1) ?? startDate);
  return {
    ...recordFields(random, startDate, '09:00', changedOn),
    mentorId: mentor.id,
    menteeId: mentee.id,
    startDate,
    endDate,
    status: plan.status,
    goals: plan.goals,
    cadenceDays: plan.cadenceDays,
  };
}

/**
 * Session days, oldest first, counted back from the last session by the cadence give or take a few
 * days, as real pairs reschedule. Counting back is what pins the last session, which decides
 * whether the pair is overdue.
 */
function sessionDates(random: SeededRandom, plan: PairPlan, today: string): string[] {
  const start = addDays(today, -plan.startDaysAgo);
  const jitter = Math.max(1, Math.round(plan.cadenceDays / 7));
  const lastDaysAgo = plan.lastSessionDaysAgo ?? random.int(1, plan.cadenceDays - 1);
  const dates: string[] = [];
  for (let date = addDays(today, -lastDaysAgo); date >= start;) {
    dates.unshift(date);
    date = addDays(date, -(plan.cadenceDays + random.int(-jitter, jitter)));
  }
  return dates;
}

interface PairContext {
  plan: PairPlan;
  pair: Pair;
  /** How many sessions the pair has had. */
  count: number;
}

const modes: readonly SessionMode[] = ['video', 'video', 'in-person', 'in-person', 'phone', 'chat'];

/**
 * Who sees a session's words, so that every pair shows all three to whoever explores it: most
 * sessions stay between the partners, some are shared with the program (the notes that tell a
 * flagged pair's story always are), a few the partner who logged them kept to themselves. Taken
 * from the session's place, not drawn, so the rest of the program is what it was before sessions
 * had a visibility.
 */
function sessionNotesVisibility(index: number, tellsTheStory: boolean): Visibility {
  if (tellsTheStory || index % 5 === 0) return 'program';
  return index % 5 === 3 ? 'private' : 'pair';
}
const durations: readonly number[] = [30, 45, 45, 60, 60, 60, 75, 90];

function buildSession(random: SeededRandom, { plan, pair, count }: PairContext, date: string, index: number): Session {
  const topics = pickSome(random, demoTopics, random.int(1, 3));
  const storyNote = plan.closingNotes?.[index - (count - plan.closingNotes.length)];
  const topic = (topics[0] ?? 'the goals').toLowerCase();
  const loggedBy: Side = random.next() < 0.8 ? 'mentor' : 'mentee';
  return {
    ...recordFields(random, date),
    pairId: pair.id,
    date,
    durationMinutes: random.pick(durations),
    mode: random.pick(modes),
    topics,
    notes: storyNote ?? random.pick(demoNoteTemplates).replace('{topic}', topic),
    actionItems: buildActionItems(random, plan, date, index === count - 1, index >= count - RECENT_CHECK_INS),
    loggedBy,
    loggedById: loggedBy === 'mentor' ? pair.mentorId : pair.menteeId,
    notesVisibility: sessionNotesVisibility(index, storyNote !== undefined),
  };
}

/**
 * Up to two action items. Older ones are mostly done; the latest session's are still open, so some
 * are past due where the pair has not met lately. In the falling-trust pair the mentor stops
 * following through, which is part of why trust falls.
 */
function buildActionItems(
  random: SeededRandom,
  plan: PairPlan,
  date: string,
  latest: boolean,
  recent: boolean,
): ActionItem[] {
  return pickSome(random, demoActionItems, random.int(0, 2)).map(({ text, owner }) => {
    const neglected = plan.pattern === 'falling-trust' && recent && owner === 'mentor';
    return {
      id: random.uuid(),
      text,
      owner,
      dueDate: random.next() < 0.2 ? null : addDays(date, random.int(5, plan.cadenceDays + 7)),
      done: !latest && !neglected && random.next() < 0.8,
    };
  });
}

/** A score for one side and characteristic at the pair's `index`-th session of `count`. */
type ScoreTrack = (side: Side, characteristicId: string, index: number, count: number) => Score;

/**
 * Healthy pairs start at 4 (3 on one growth area) and each side's score rises one point at some
 * session, or never. Scores that never fall and stay within one point of each other mean these
 * pairs raise no falling-trust or perception-gap flag, whatever the seed.
 */
function healthyTrack(random: SeededRandom): ScoreTrack {
  const growthArea = random.next() < 0.6 ? random.pick(builtInCharacteristics).id : null;
  const risesAt = new Map<string, number>();
  for (const side of sides) {
    for (const { id } of builtInCharacteristics) risesAt.set(`${side}:${id}`, random.next() * 1.4);
  }
  return (side, characteristicId, index, count) => {
    const base = characteristicId === growthArea ? 3 : 4;
    const rises = index >= (risesAt.get(`${side}:${characteristicId}`) ?? 2) * count;
    return rises ? ((base + 1) as Score) : base;
  };
}

/** Scores that end with `series` and hold at `before` until then. */
function endingWith(series: readonly Score[], before: Score, index: number, count: number): Score {
  return series[index - (count - series.length)] ?? before;
}

function scoreTrack(random: SeededRandom, plan: PairPlan): ScoreTrack {
  const healthy = healthyTrack(random);
  if (plan.pattern === 'falling-trust') {
    // The mentee's trust drops a point a session; the mentor senses it a step behind, so the two
    // stay within a point and the pair raises only the falling-trust flag.
    return (side, id, index, count) => {
      if (id === 'trust') {
        return side === 'mentee'
          ? endingWith([5, 4, 3, 2], index === 0 ? 4 : 5, index, count)
          : endingWith([5, 5, 4, 3], 5, index, count);
      }
      if (id === 'integrity') return side === 'mentee' ? endingWith([3, 3], 4, index, count) : 4;
      return healthy(side, id, index, count);
    };
  }
  if (plan.pattern === 'wide-gap') {
    // The mentor thinks they keep an open mind; the mentee has felt judged since midway.
    return (side, id, index, count) => {
      if (id !== 'non-judgment') return healthy(side, id, index, count);
      if (side === 'mentor') return 5;
      return index >= Math.min(count - RECENT_CHECK_INS, Math.floor(count / 2)) ? 2 : 3;
    };
  }
  return healthy;
}

/** The words the flagged pairs write in their last check-ins, so a tester sees why they are flagged. */
function scenarioNotes(
  plan: PairPlan,
  side: Side,
  fromEnd: number,
): { comments: Record<string, string>; reflection?: string } {
  if (plan.pattern === 'falling-trust' && side === 'mentee' && fromEnd < 2) {
    const comments = { trust: scenarioWords.fallingTrustComment };
    return fromEnd === 0 ? { comments, reflection: scenarioWords.fallingTrustReflection } : { comments };
  }
  if (plan.pattern === 'wide-gap' && fromEnd === 0) {
    const comment = side === 'mentee' ? scenarioWords.wideGapMenteeComment : scenarioWords.wideGapMentorComment;
    return { comments: { 'non-judgment': comment } };
  }
  return { comments: {} };
}

/**
 * Both partners check in after most sessions, and always after the last few, so every pair's
 * latest view is there from both sides and visible to the coordinator.
 */
function buildCheckIns(
  random: SeededRandom,
  { plan, pair, count }: PairContext,
  session: Session,
  index: number,
  track: ScoreTrack,
): CheckIn[] {
  const recent = index >= count - RECENT_CHECK_INS;
  return sides.flatMap((side): CheckIn[] => {
    if (!recent && random.next() < 0.15) return [];
    const scores = Object.fromEntries(builtInCharacteristics.map(({ id }) => [id, track(side, id, index, count)]));
    const comments: Record<string, string> = {};
    for (const { id } of builtInCharacteristics) {
      if (random.next() < 0.08) comments[id] = random.pick(demoComments[side]);
    }
    const scenario = scenarioNotes(plan, side, count - 1 - index);
    const reflection =
      scenario.reflection ?? (side === 'mentee' && random.next() < 0.3 ? random.pick(demoReflections) : '');
    // Mentees' words stay private by default, and a reflection always does here.
    const menteeNotes: Visibility = reflection || random.next() < 0.8 ? 'private' : 'pair';
    const mentorNotes: Visibility = random.next() < 0.8 ? 'pair' : 'program';
    const notesVisibility = side === 'mentee' ? menteeNotes : mentorNotes;
    return [
      {
        ...recordFields(random, session.date, side === 'mentor' ? '19:00' : '20:00'),
        pairId: pair.id,
        sessionId: session.id,
        date: session.date,
        side,
        raterId: side === 'mentor' ? pair.mentorId : pair.menteeId,
        scores,
        comments: { ...comments, ...scenario.comments },
        reflection,
        visibility: !recent && random.next() < 0.12 ? 'pair' : 'program',
        notesVisibility,
      },
    ];
  });
}

/** `n` different items, in random order. */
function pickSome<T>(random: SeededRandom, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < n && pool.length > 0) {
    picked.push(...pool.splice(random.int(0, pool.length - 1), 1));
  }
  return picked;
}
