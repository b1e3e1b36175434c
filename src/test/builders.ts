import type { CheckIn } from '../domain/checkIn';
import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import type { Session } from '../domain/session';
import type { SyncAccount } from '../domain/syncAccount';

const stamp = '2026-01-01T12:00:00.000Z';
const base = () => ({ id: crypto.randomUUID(), createdAt: stamp, updatedAt: stamp, deletedAt: null });

export function aPerson(overrides: Partial<Person> = {}): Person {
  return { ...base(), name: 'Alex Chen', contact: '', ...overrides };
}

export function aPair(overrides: Partial<Pair> = {}): Pair {
  return {
    ...base(),
    mentorId: crypto.randomUUID(),
    menteeId: crypto.randomUUID(),
    startDate: '2026-01-01',
    endDate: null,
    status: 'active',
    goals: '',
    cadenceDays: 14,
    ...overrides,
  };
}

export function aSession(overrides: Partial<Session> = {}): Session {
  return {
    ...base(),
    pairId: crypto.randomUUID(),
    date: '2026-01-15',
    durationMinutes: 45,
    mode: 'video',
    topics: [],
    notes: '',
    actionItems: [],
    loggedBy: 'mentor',
    loggedById: crypto.randomUUID(),
    notesVisibility: 'pair',
    ...overrides,
  };
}

export function aCheckIn(overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    ...base(),
    pairId: crypto.randomUUID(),
    sessionId: null,
    date: '2026-01-15',
    side: 'mentee',
    raterId: crypto.randomUUID(),
    scores: { trust: 4, 'non-judgment': 4, competence: 4, integrity: 4, fairness: 4 },
    comments: {},
    reflection: '',
    visibility: 'program',
    notesVisibility: 'private',
    ...overrides,
  };
}

/** A device's sync account on the app's own origin; a coordinator's unless told otherwise. */
export function aSyncAccount(overrides: Partial<SyncAccount> & Pick<SyncAccount, 'personId'>): SyncAccount {
  return { serverUrl: '/couch', role: 'coordinator', pairIds: [], since: '2026-12-01T10:00:00.000Z', ...overrides };
}
