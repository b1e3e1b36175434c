import type { PairStatus } from './pair';
import type { Side } from './side';

/**
 * What the demo program contains: its people, its pairs and the words they write. The generator in
 * `demoProgram.ts` turns these plans into records; keeping the story here lets a reader (or a
 * tester) see at a glance which pair should raise which flag.
 */

export const DEMO_COORDINATOR = 'Morgan Reyes';

/**
 * The pairs a tester looks for on the dashboard. Each flag is raised by exactly one pair, so a
 * tester who sees a second one has found a bug, not a quirk of the demo data.
 */
export const demoScenario = {
  coordinator: DEMO_COORDINATOR,
  fallingTrust: { mentor: 'Daniel Kowalski', mentee: 'Priya Nair' },
  overdue: { mentor: 'Robert Lindqvist', mentee: 'Aisha Bello' },
  wideGap: { mentor: 'Grace Whitfield', mentee: 'Samuel Okafor', characteristicId: 'non-judgment' },
  paused: { mentor: 'Marcus Thompson', mentee: 'Hannah Schmidt' },
  closed: { mentor: 'Nadia Haddad', mentee: 'Leo Park' },
  /** Mentored in one pair and mentoring in another. */
  mentorAndMentee: 'Lucía Fernández',
} as const;

/** How a pair's scores move over time; see `scoreTrack` in `demoProgram.ts`. */
export type ScorePattern = 'healthy' | 'falling-trust' | 'wide-gap';

export interface PairPlan {
  mentor: string;
  mentee: string;
  status: PairStatus;
  cadenceDays: number;
  startDaysAgo: number;
  /**
   * Days before today of the pair's last session. Null means "on time": the generator picks a day
   * inside the cadence, so the pair is never overdue whatever the seed.
   */
  lastSessionDaysAgo: number | null;
  /** For a closed pair: its end date, which is also its final session. */
  endDaysAgo?: number;
  pattern: ScorePattern;
  goals: string;
  /** Notes for the pair's last sessions, oldest first, that tell its story. */
  closingNotes?: readonly string[];
}

const { fallingTrust, overdue, wideGap, paused, closed, mentorAndMentee } = demoScenario;

export const pairPlans: readonly PairPlan[] = [
  {
    mentor: 'Helen Achterberg',
    mentee: mentorAndMentee,
    status: 'active',
    cadenceDays: 14,
    startDaysAgo: 181,
    lastSessionDaysAgo: null,
    pattern: 'healthy',
    goals: 'Move from senior engineer to engineering manager within the year; practise giving difficult feedback.',
  },
  {
    mentor: mentorAndMentee,
    mentee: 'Jamal Carter',
    status: 'active',
    cadenceDays: 14,
    startDaysAgo: 110,
    lastSessionDaysAgo: null,
    pattern: 'healthy',
    goals: 'Settle into a first developer role and build confidence asking for help.',
  },
  {
    mentor: fallingTrust.mentor,
    mentee: fallingTrust.mentee,
    status: 'active',
    cadenceDays: 14,
    startDaysAgo: 176,
    lastSessionDaysAgo: null,
    pattern: 'falling-trust',
    goals: 'Prepare for a promotion case to senior analyst; get better at presenting to leadership.',
    closingNotes: [
      'Moved twice this month. Shorter session than planned; skipped the promotion case.',
      'Daniel joined late. Priya mentioned the team reorganisation only briefly.',
      'Cut short. Agreed to pick up the promotion case next time.',
    ],
  },
  {
    mentor: wideGap.mentor,
    mentee: wideGap.mentee,
    status: 'active',
    cadenceDays: 14,
    startDaysAgo: 168,
    lastSessionDaysAgo: null,
    pattern: 'wide-gap',
    goals: 'Decide between staying in engineering and moving into product management.',
    closingNotes: [
      'Walked through the pros and cons of a product role; Grace shared how she made the same choice.',
      'Samuel raised the product role again; Grace recommended staying in engineering for another year.',
    ],
  },
  {
    mentor: overdue.mentor,
    mentee: overdue.mentee,
    status: 'active',
    cadenceDays: 14,
    startDaysAgo: 172,
    // More than 1.5 × 14 days, so the pair shows as overdue.
    lastSessionDaysAgo: 38,
    pattern: 'healthy',
    goals: 'Build a network in the renewable energy sector and prepare for a first conference talk.',
    closingNotes: ['Good session. Aisha to send dates for the next one once the quarter-end rush is over.'],
  },
  {
    mentor: 'Mei Tanaka',
    mentee: 'Oluwaseun Adeyemi',
    status: 'active',
    cadenceDays: 7,
    startDaysAgo: 163,
    lastSessionDaysAgo: null,
    pattern: 'healthy',
    goals: 'Weekly check-ins through a first year as a nurse practitioner.',
  },
  {
    mentor: 'Kwame Mensah',
    mentee: 'Sofia Rossi',
    status: 'active',
    cadenceDays: 21,
    startDaysAgo: 178,
    lastSessionDaysAgo: null,
    pattern: 'healthy',
    goals: 'Grow a small design studio: pricing, contracts and the first hire.',
  },
  {
    mentor: 'Fatima Al-Sayed',
    mentee: 'Tomás Herrera',
    status: 'active',
    cadenceDays: 28,
    startDaysAgo: 180,
    lastSessionDaysAgo: null,
    pattern: 'healthy',
    goals: 'Finish the PhD thesis on time and plan the move into industry research.',
  },
  {
    mentor: 'Ingrid Johansson',
    mentee: 'Arjun Mehta',
    status: 'active',
    cadenceDays: 14,
    startDaysAgo: 158,
    lastSessionDaysAgo: null,
    pattern: 'healthy',
    goals: 'Lead a cross-functional project for the first time; improve written communication.',
  },
  {
    mentor: paused.mentor,
    mentee: paused.mentee,
    status: 'paused',
    cadenceDays: 14,
    startDaysAgo: 177,
    lastSessionDaysAgo: 45,
    pattern: 'healthy',
    goals: 'Return to work after parental leave with a clear plan for the next role.',
    closingNotes: ['Agreed to pause while Hannah is on leave; she will get in touch when she is back.'],
  },
  {
    mentor: closed.mentor,
    mentee: closed.mentee,
    status: 'closed',
    cadenceDays: 14,
    startDaysAgo: 182,
    lastSessionDaysAgo: 30,
    endDaysAgo: 30,
    pattern: 'healthy',
    goals: 'Six months of support through a move from teaching into instructional design.',
    closingNotes: ['Final session: looked back over the six months. Leo starts the new role next week.'],
  },
  {
    mentor: 'Rafael Costa',
    mentee: 'Emily Walsh',
    status: 'active',
    cadenceDays: 14,
    startDaysAgo: 74,
    lastSessionDaysAgo: null,
    pattern: 'healthy',
    goals: 'Find footing as a new team lead; delegate more and say no to side requests.',
  },
];

export const demoTopics: readonly string[] = [
  'Career direction',
  'Giving feedback',
  'Stakeholder management',
  'Public speaking',
  'Time management',
  'Technical growth',
  'Networking',
  'Work–life balance',
  'Leading a team',
  'Negotiating pay',
  'Handling conflict',
  'Development plan',
];

/** Follow-ups appended to a session's note; `{topic}` becomes the session's first topic. */
export const demoNoteTemplates: readonly string[] = [
  'Talked through {topic}. Agreed one small step to try before next time.',
  'Mostly {topic}. Good energy; a few concrete ideas to test.',
  'Started on {topic}, then followed what came up at work this week.',
  'Reviewed last time’s actions, then {topic}.',
  'Short one: {topic}, and a quick look at the goals.',
];

export interface ActionItemPlan {
  text: string;
  owner: Side;
}

export const demoActionItems: readonly ActionItemPlan[] = [
  { text: 'Draft a one-page development plan', owner: 'mentee' },
  { text: 'Ask two colleagues for feedback on the last presentation', owner: 'mentee' },
  { text: 'Share the article on structured feedback', owner: 'mentor' },
  { text: 'Introduce to a contact in the field', owner: 'mentor' },
  { text: 'Block two hours a week for deep work', owner: 'mentee' },
  { text: 'Write up the options and the trade-offs between them', owner: 'mentee' },
  { text: 'Send notes from own promotion case as an example', owner: 'mentor' },
  { text: 'Practise the talk in front of the team', owner: 'mentee' },
];

/** Occasional per-characteristic comments from pairs that are going well. */
export const demoComments: Readonly<Record<Side, readonly string[]>> = {
  mentor: [
    'Felt we were both open today.',
    'I talked too much at the start; better in the second half.',
    'Well prepared; the questions were good ones.',
    'Followed up on everything from last time.',
  ],
  mentee: [
    'Easy to bring up something that had been bothering me.',
    'Useful, practical advice.',
    'Did what was promised last time.',
    'Felt listened to.',
  ],
};

/** Mentees' own reflections, private unless they choose to share them. */
export const demoReflections: readonly string[] = [
  'I want to be braver about saying what I actually want from this.',
  'Noticed I keep asking for reassurance rather than advice. Try asking one real question next time.',
  'Helpful to hear that the first year feels like this for everyone.',
  'I left feeling clearer about what to do this week.',
];

/** Written by the partners of the flagged pairs, so the flags make sense when a tester opens them. */
export const scenarioWords = {
  fallingTrustComment: 'Found it harder to bring up the team reorganisation.',
  fallingTrustReflection: 'I haven’t told Daniel how much the cancelled sessions bothered me. Not sure I will.',
  wideGapMenteeComment: 'Felt my interest in product was dismissed.',
  wideGapMentorComment: 'Gave Samuel room to decide for himself.',
} as const;
