// A synthetic mentoring program for the benchmark: seeded and deterministic, so every run and every
// machine times the same data. Records have exactly the shapes of src/domain's zod schemas (the
// app's import validates them), written straight to a stream because size L is hundreds of MB.
//
// Sizes: S = 50 pairs over 1 year; M = 1,000 pairs over 3 years; L = 5,000 pairs over
// 3 years; each pair meets about twice a month and both partners check in after each session.

export const SIZES = {
  S: { pairs: 50, years: 1 },
  M: { pairs: 1000, years: 3 },
  L: { pairs: 5000, years: 3 },
};

const CHARACTERISTICS = ['trust', 'non-judgment', 'competence', 'integrity', 'fairness'];
const MODES = ['in-person', 'video', 'phone', 'chat'];
const TOPICS = [
  'career',
  'feedback',
  'delegation',
  'hiring',
  'presenting',
  'estimation',
  'conflict',
  'priorities',
  'writing',
];
const FIRST = [
  'Alex',
  'Sam',
  'Priya',
  'Daniel',
  'Aisha',
  'Robert',
  'Grace',
  'Samuel',
  'Lucía',
  'Marcus',
  'Hannah',
  'Nadia',
  'Leo',
  'Kim',
  'Wei',
  'Olu',
  'Maya',
  'Tom',
];
const LAST = [
  'Chen',
  'Lee',
  'Nair',
  'Kowalski',
  'Bello',
  'Lindqvist',
  'Whitfield',
  'Okafor',
  'Fernández',
  'Thompson',
  'Schmidt',
  'Haddad',
  'Park',
  'Novak',
  'Singh',
];

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomSource(seed) {
  const next = mulberry32(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[int(0, items.length - 1)];
  const hex = () => int(0, 0xffff).toString(16).padStart(4, '0');
  const uuid = () => {
    const variant = (0x8000 | (int(0, 0xffff) & 0x3fff)).toString(16);
    const version = (0x4000 | (int(0, 0xffff) & 0x0fff)).toString(16);
    return `${hex()}${hex()}-${hex()}-${version}-${variant}-${hex()}${hex()}${hex()}`;
  };
  return { next, int, pick, uuid };
}

const DAY_MS = 86_400_000;
const addDays = (day, days) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const clamp = (score) => Math.min(5, Math.max(1, Math.round(score)));

/**
 * Calls `emit(table, record)` for every record of the program, people first, then each pair with
 * its sessions and check-ins (so a streaming writer never holds the whole program). Returns counts.
 */
export function generateProgram({ size, seed = 20130323, today = '2026-11-01', emit }) {
  const { pairs: pairCount, years } = SIZES[size];
  const random = randomSource(seed);
  const start = addDays(today, -365 * years);
  const stamp = (day) => `${day}T17:00:00.000Z`;
  const base = (day) => ({ id: random.uuid(), createdAt: stamp(day), updatedAt: stamp(day), deletedAt: null });
  const counts = { people: 0, pairs: 0, sessions: 0, checkIns: 0 };
  let sessionCount = 0;
  const put = (table, record) => {
    counts[table] += 1;
    emit(table, record);
  };

  const coordinator = { ...base(start), name: 'Program Coordinator', contact: '' };
  put('people', coordinator);

  for (let index = 0; index < pairCount; index++) {
    const person = () => ({ ...base(start), name: `${random.pick(FIRST)} ${random.pick(LAST)} ${index}`, contact: '' });
    const mentor = person();
    const mentee = person();
    put('people', mentor);
    put('people', mentee);
    const startDate = addDays(start, random.int(0, 30));
    // A few pairs close, a few pause; most stay active to the end.
    const roll = random.next();
    const status = roll < 0.08 ? 'closed' : roll < 0.14 ? 'paused' : 'active';
    const endDate = status === 'closed' ? addDays(today, -random.int(30, 300)) : null;
    const cadenceDays = random.pick([14, 14, 14, 7, 21]);
    const pair = {
      ...base(startDate),
      mentorId: mentor.id,
      menteeId: mentee.id,
      startDate,
      endDate,
      status,
      goals: 'Grow as a leader.',
      cadenceDays,
    };
    put('pairs', pair);

    // Each pair has its own mood: a baseline and a drift per year, so trends and flags vary.
    const baseline = 3 + random.next() * 1.8;
    const drift = (random.next() - 0.6) * 1.2;
    const last = endDate ?? today;
    for (let day = addDays(startDate, random.int(0, 7)); day <= last; day = addDays(day, 15 + random.int(-3, 3))) {
      if (status === 'paused' && day > addDays(today, -60)) break;
      const session = {
        ...base(day),
        pairId: pair.id,
        date: day,
        durationMinutes: random.pick([30, 45, 60]),
        mode: random.pick(MODES),
        topics: [random.pick(TOPICS), random.pick(TOPICS)].filter((topic, i, all) => all.indexOf(topic) === i),
        notes: 'Talked through the week and agreed next steps.',
        actionItems:
          random.next() < 0.3
            ? [
                {
                  id: random.uuid(),
                  text: 'Follow up on the plan',
                  owner: 'mentee',
                  dueDate: addDays(day, 14),
                  done: day < addDays(today, -30),
                },
              ]
            : [],
        loggedBy: 'mentor',
        loggedById: mentor.id,
        // Most sessions' words stay between the partners; every fifth is shared with the program and
        // every seventh kept to the mentor. Taken from a count, not drawn, so the data stay as before.
        notesVisibility: sessionCount % 5 === 0 ? 'program' : sessionCount % 7 === 0 ? 'private' : 'pair',
      };
      sessionCount += 1;
      put('sessions', session);
      const yearsIn = (Date.parse(day) - Date.parse(startDate)) / (365 * DAY_MS);
      for (const [side, rater] of [
        ['mentor', mentor],
        ['mentee', mentee],
      ]) {
        const level = baseline + drift * yearsIn + (side === 'mentee' ? -0.3 : 0);
        const scores = Object.fromEntries(
          CHARACTERISTICS.map((id) => [id, clamp(level + (random.next() - 0.5) * 1.5)]),
        );
        put('checkIns', {
          ...base(day),
          pairId: pair.id,
          sessionId: session.id,
          date: day,
          side,
          raterId: rater.id,
          scores,
          comments: {},
          reflection: side === 'mentee' && random.next() < 0.2 ? 'Felt more confident this time.' : '',
          visibility: random.next() < 0.9 ? 'program' : 'pair',
          notesVisibility: side === 'mentee' ? 'private' : 'pair',
        });
      }
    }
  }
  return counts;
}
