import { describe, expect, it } from 'vitest';
import { sessionDue } from './cadence';
import { builtInCharacteristics } from './characteristic';
import { checkInSchema, type CheckIn } from './checkIn';
import { addDays, daysBetween } from './dates';
import { DEMO_SEED, demoScenario, generateDemoProgram, type DemoProgram } from './demoProgram';
import { pairPlans } from './demoScenarios';
import { pairSchema, type Pair } from './pair';
import { personSchema } from './person';
import { idSchema } from './record';
import { seededRandom } from './seededRandom';
import { sessionSchema } from './session';
import type { Side } from './side';

const today = '2026-03-21';
const program = generateDemoProgram({ today });

function personName(data: DemoProgram, id: string): string {
  return data.people.find((person) => person.id === id)?.name ?? '(unknown)';
}

function pairOf(data: DemoProgram, names: { mentor: string; mentee: string }): Pair {
  const pair = data.pairs.find(
    (candidate) =>
      personName(data, candidate.mentorId) === names.mentor && personName(data, candidate.menteeId) === names.mentee,
  );
  if (!pair) throw new Error(`No demo pair ${names.mentor} / ${names.mentee}.`);
  return pair;
}

function label(data: DemoProgram, pair: Pair): string {
  return `${personName(data, pair.mentorId)} / ${personName(data, pair.menteeId)}`;
}

/** One side's check-ins in a pair, oldest first. */
function checkInsOf(data: DemoProgram, pair: Pair, side: Side): CheckIn[] {
  return data.checkIns
    .filter((checkIn) => checkIn.pairId === pair.id && checkIn.side === side)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Least-squares slope of the values against their position: points per check-in. */
function slope(values: readonly number[]): number {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, value) => sum + value, 0) / n;
  const covariance = values.reduce((sum, value, x) => sum + (x - meanX) * (value - meanY), 0);
  const variance = values.reduce((sum, _value, x) => sum + (x - meanX) ** 2, 0);
  return covariance / variance;
}

function lastTrustScores(data: DemoProgram, pair: Pair, side: Side): number[] {
  return checkInsOf(data, pair, side)
    .slice(-4)
    .map((checkIn) => checkIn.scores.trust ?? Number.NaN);
}

/** The largest difference between the partners' latest scores, per characteristic. */
function perceptionGaps(data: DemoProgram, pair: Pair): Record<string, number> {
  const mentor = checkInsOf(data, pair, 'mentor').at(-1);
  const mentee = checkInsOf(data, pair, 'mentee').at(-1);
  return Object.fromEntries(
    builtInCharacteristics.map(({ id }) => [id, Math.abs((mentor?.scores[id] ?? 0) - (mentee?.scores[id] ?? 0))]),
  );
}

function sessionDatesOf(data: DemoProgram, pair: Pair): string[] {
  return data.sessions.filter((session) => session.pairId === pair.id).map((session) => session.date);
}

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
  });

  it('keeps whole numbers within the bounds asked for, both included', () => {
    const random = seededRandom(9);
    const values = new Set(Array.from({ length: 500 }, () => random.int(2, 4)));
    expect([...values].sort()).toEqual([2, 3, 4]);
  });

  it('makes ids that pass as version 4 UUIDs and do not repeat', () => {
    const random = seededRandom(11);
    const ids = Array.from({ length: 1000 }, () => random.uuid());
    for (const id of ids) {
      expect(idSchema.safeParse(id).success).toBe(true);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('generateDemoProgram', () => {
  it('gives the same program for the same seed and day', () => {
    expect(generateDemoProgram({ today, seed: DEMO_SEED })).toEqual(program);
  });

  it('gives a different program for a different seed', () => {
    const other = generateDemoProgram({ today, seed: DEMO_SEED + 1 });
    expect(other).not.toEqual(program);
    expect(other.coordinator.id).not.toBe(program.coordinator.id);
  });

  it('keeps the same ids when generated on another day, so a reload overwrites the demo', () => {
    const later = generateDemoProgram({ today: addDays(today, 10) });
    expect(later.people.map((person) => person.id)).toEqual(program.people.map((person) => person.id));
    expect(later.pairs.map((pair) => pair.id)).toEqual(program.pairs.map((pair) => pair.id));
  });

  it('writes records that each pass their schema unchanged', () => {
    for (const person of program.people) expect(personSchema.parse(person)).toEqual(person);
    for (const pair of program.pairs) expect(pairSchema.parse(pair)).toEqual(pair);
    for (const session of program.sessions) expect(sessionSchema.parse(session)).toEqual(session);
    for (const checkIn of program.checkIns) expect(checkInSchema.parse(checkIn)).toEqual(checkIn);
  });

  it('gives every record and action item its own id', () => {
    const ids = [
      ...program.people,
      ...program.pairs,
      ...program.sessions,
      ...program.checkIns,
      ...program.sessions.flatMap((session) => session.actionItems),
    ].map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks nothing as deleted', () => {
    const records = [...program.people, ...program.pairs, ...program.sessions, ...program.checkIns];
    expect(records.filter((record) => record.deletedAt !== null)).toEqual([]);
  });

  it('includes the coordinator and about two dozen mentors and mentees', () => {
    expect(program.coordinator.name).toBe(demoScenario.coordinator);
    expect(program.people).toContainEqual(program.coordinator);
    expect(program.people.length).toBeGreaterThanOrEqual(22);
    expect(program.people.length).toBeLessThanOrEqual(28);
    expect(new Set(program.people.map((person) => person.name)).size).toBe(program.people.length);
  });

  it('has someone who is a mentor in one pair and a mentee in another', () => {
    const person = program.people.find((candidate) => candidate.name === demoScenario.mentorAndMentee);
    expect(program.pairs.some((pair) => pair.mentorId === person?.id)).toBe(true);
    expect(program.pairs.some((pair) => pair.menteeId === person?.id)).toBe(true);
  });

  it('sets up about a dozen pairs over the six months before today', () => {
    expect(program.pairs.length).toBeGreaterThanOrEqual(10);
    expect(program.pairs.length).toBeLessThanOrEqual(14);
    const starts = program.pairs.map((pair) => pair.startDate).sort();
    expect(daysBetween(starts[0] ?? today, today)).toBeGreaterThanOrEqual(175);
    expect(daysBetween(starts[0] ?? today, today)).toBeLessThanOrEqual(184);
    const firstSession = program.sessions.map((session) => session.date).sort()[0] ?? today;
    expect(daysBetween(firstSession, today)).toBeGreaterThanOrEqual(170);
  });

  it('uses a two-week cadence for most pairs, and weekly or monthly rhythms for some', () => {
    const cadences = program.pairs.map((pair) => pair.cadenceDays);
    expect(cadences.filter((days) => days === 14).length).toBeGreaterThan(cadences.length / 2);
    expect(cadences).toContain(7);
    expect(cadences.some((days) => days === 21 || days === 28)).toBe(true);
  });

  it('holds sessions roughly at each pair’s cadence', () => {
    for (const pair of program.pairs) {
      const dates = sessionDatesOf(program, pair).sort();
      const leeway = Math.max(1, Math.round(pair.cadenceDays / 7));
      for (let i = 1; i < dates.length; i += 1) {
        const gap = daysBetween(dates[i - 1] ?? '', dates[i] ?? '');
        expect(Math.abs(gap - pair.cadenceDays), label(program, pair)).toBeLessThanOrEqual(leeway);
      }
    }
  });

  it('never dates a session after today, before its pair started, or after a closed pair ended', () => {
    for (const session of program.sessions) {
      const pair = program.pairs.find((candidate) => candidate.id === session.pairId);
      expect(session.date <= today).toBe(true);
      expect(session.date >= (pair?.startDate ?? '9999-12-31')).toBe(true);
      if (pair?.endDate) expect(session.date <= pair.endDate).toBe(true);
    }
  });

  it('ties every session and check-in to an existing pair and its people', () => {
    const pairs = new Map(program.pairs.map((pair) => [pair.id, pair]));
    const people = new Set(program.people.map((person) => person.id));
    for (const pair of program.pairs) {
      expect(people.has(pair.mentorId) && people.has(pair.menteeId)).toBe(true);
    }
    for (const session of program.sessions) {
      const pair = pairs.get(session.pairId);
      expect(pair).toBeDefined();
      expect(session.loggedById).toBe(session.loggedBy === 'mentor' ? pair?.mentorId : pair?.menteeId);
    }
    for (const checkIn of program.checkIns) {
      const pair = pairs.get(checkIn.pairId);
      expect(checkIn.raterId).toBe(checkIn.side === 'mentor' ? pair?.mentorId : pair?.menteeId);
    }
  });

  it('attaches each check-in to a session of its pair, dated the same day', () => {
    const sessions = new Map(program.sessions.map((session) => [session.id, session]));
    for (const checkIn of program.checkIns) {
      const session = sessions.get(checkIn.sessionId ?? '');
      expect(session?.pairId).toBe(checkIn.pairId);
      expect(session?.date).toBe(checkIn.date);
    }
  });

  it('has both partners check in after most sessions, each at most once', () => {
    const perSession = new Map<string, Side[]>();
    for (const checkIn of program.checkIns) {
      perSession.set(checkIn.sessionId ?? '', [...(perSession.get(checkIn.sessionId ?? '') ?? []), checkIn.side]);
    }
    const both = program.sessions.filter((session) => perSession.get(session.id)?.length === 2);
    expect(both.length / program.sessions.length).toBeGreaterThan(0.6);
    for (const sides of perSession.values()) expect(new Set(sides).size).toBe(sides.length);
  });

  it('scores every built-in characteristic in every check-in', () => {
    const ids = builtInCharacteristics.map(({ id }) => id).sort();
    for (const checkIn of program.checkIns) expect(Object.keys(checkIn.scores).sort()).toEqual(ids);
  });

  it('keeps most scores of the pairs without a flag at 4 or 5', () => {
    const flagged = [demoScenario.fallingTrust, demoScenario.wideGap].map((names) => pairOf(program, names).id);
    const scores = program.checkIns
      .filter((checkIn) => !flagged.includes(checkIn.pairId))
      .flatMap((checkIn) => Object.values(checkIn.scores));
    expect(scores.filter((score) => score >= 4).length / scores.length).toBeGreaterThan(0.8);
  });

  it('shares most check-ins with the program and a few with the pair only', () => {
    const visibilities = program.checkIns.map((checkIn) => checkIn.visibility);
    expect(visibilities.filter((visibility) => visibility === 'program').length / visibilities.length).toBeGreaterThan(
      0.8,
    );
    expect(visibilities).toContain('pair');
  });

  it('gives every pair of four sessions or more all three session visibilities, most between the partners', () => {
    for (const pair of program.pairs) {
      const visibilities = program.sessions.filter((s) => s.pairId === pair.id).map((s) => s.notesVisibility);
      if (visibilities.length >= 4) expect(new Set(visibilities).size, label(program, pair)).toBe(3);
    }
    expect(
      program.sessions.filter((s) => s.notesVisibility === 'pair').length / program.sessions.length,
    ).toBeGreaterThan(0.5);
    // The notes that tell a flagged pair's story are the coordinator's to read.
    const story = new Set(pairPlans.flatMap((plan) => plan.closingNotes ?? []));
    const telling = program.sessions.filter((session) => story.has(session.notes));
    expect(telling.map((session) => session.notesVisibility)).toEqual([...story].map(() => 'program'));
  });

  it('keeps mentees’ reflections private, and has some of them', () => {
    const reflections = program.checkIns.filter((checkIn) => checkIn.side === 'mentee' && checkIn.reflection !== '');
    expect(reflections.length).toBeGreaterThan(5);
    for (const checkIn of reflections) expect(checkIn.notesVisibility).toBe('private');
  });

  it('includes the occasional comment on a characteristic', () => {
    const commented = program.checkIns.filter((checkIn) => Object.keys(checkIn.comments).length > 0);
    expect(commented.length).toBeGreaterThan(5);
    expect(commented.length).toBeLessThan(program.checkIns.length / 2);
  });

  it('has action items that are done, open with a due date ahead, and open past due', () => {
    const items = program.sessions.flatMap((session) => session.actionItems);
    expect(items.some((item) => item.done)).toBe(true);
    expect(items.some((item) => !item.done && item.dueDate !== null && item.dueDate >= today)).toBe(true);
    expect(items.some((item) => !item.done && item.dueDate !== null && item.dueDate < today)).toBe(true);
    for (const session of program.sessions) expect(session.actionItems.length).toBeLessThanOrEqual(2);
  });
});

// The flags must hold whatever the seed and the day, since the demo is loaded on the user's today.
describe.each([
  { seed: DEMO_SEED, on: today },
  { seed: 1, on: today },
  { seed: 42, on: '2024-03-01' },
  { seed: 987654321, on: '2025-12-31' },
])('the demo’s attention flags (seed $seed, on $on)', ({ seed, on }) => {
  const data = generateDemoProgram({ seed, today: on });

  it('shows clearly falling trust in exactly one pair, the one named in the scenario', () => {
    const falling = data.pairs.filter((pair) => {
      const trust = lastTrustScores(data, pair, 'mentee');
      return trust.length === 4 && slope(trust) <= -0.3 && (trust.at(-1) ?? 5) <= 2;
    });
    expect(falling.map((pair) => label(data, pair))).toEqual([label(data, pairOf(data, demoScenario.fallingTrust))]);
    expect(lastTrustScores(data, pairOf(data, demoScenario.fallingTrust), 'mentee')).toEqual([5, 4, 3, 2]);
  });

  it('shows no falling trust on either side of any other pair', () => {
    const fallingPair = pairOf(data, demoScenario.fallingTrust);
    for (const pair of data.pairs.filter((candidate) => candidate.id !== fallingPair.id)) {
      for (const side of ['mentor', 'mentee'] as const) {
        expect(slope(lastTrustScores(data, pair, side)), `${label(data, pair)}, ${side}`).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('has exactly one overdue pair, the one named in the scenario', () => {
    const overdue = data.pairs.filter((pair) => sessionDue(pair, sessionDatesOf(data, pair), on)?.overdue === true);
    const expected = pairOf(data, demoScenario.overdue);
    expect(overdue.map((pair) => label(data, pair))).toEqual([label(data, expected)]);
    const due = sessionDue(expected, sessionDatesOf(data, expected), on);
    expect(daysBetween(due?.lastSessionDate ?? on, on)).toBeGreaterThanOrEqual(35);
  });

  it('has exactly one pair whose partners’ latest views differ by two points or more', () => {
    const gapped = data.pairs.filter((pair) => Math.max(...Object.values(perceptionGaps(data, pair))) >= 2);
    expect(gapped.map((pair) => label(data, pair))).toEqual([label(data, pairOf(data, demoScenario.wideGap))]);
  });

  it('shows that pair’s gap on non-judgment: the mentor rates it 5, the mentee 2', () => {
    const pair = pairOf(data, demoScenario.wideGap);
    expect(checkInsOf(data, pair, 'mentor').at(-1)?.scores[demoScenario.wideGap.characteristicId]).toBe(5);
    expect(checkInsOf(data, pair, 'mentee').at(-1)?.scores[demoScenario.wideGap.characteristicId]).toBe(2);
  });

  it('shares the flagged pairs’ latest check-ins with the coordinator', () => {
    for (const names of [demoScenario.fallingTrust, demoScenario.wideGap]) {
      const pair = pairOf(data, names);
      for (const side of ['mentor', 'mentee'] as const) {
        expect(
          checkInsOf(data, pair, side)
            .slice(-4)
            .map((checkIn) => checkIn.visibility),
        ).toEqual(Array(4).fill('program'));
      }
    }
  });

  it('has one paused pair and one closed pair, the closed one with an end date', () => {
    expect(data.pairs.filter((pair) => pair.status === 'paused').map((pair) => label(data, pair))).toEqual([
      label(data, pairOf(data, demoScenario.paused)),
    ]);
    const closed = data.pairs.filter((pair) => pair.status === 'closed');
    expect(closed.map((pair) => label(data, pair))).toEqual([label(data, pairOf(data, demoScenario.closed))]);
    expect(closed[0]?.endDate).not.toBeNull();
    expect(data.pairs.filter((pair) => pair.status !== 'closed').every((pair) => pair.endDate === null)).toBe(true);
  });
});
