import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import { newRecoveryCode } from '../domain/recoveryCode';
import { useAppLockStore } from '../state/appLockStore';
import { toSyncDocument } from '../sync/syncDocument';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { seedRecords, storedCheckIn, storedSession } from '../test/seedRecords';
import {
  lockNow,
  readLockSetting,
  sealNewPrivateWords,
  turnLockOff,
  turnLockOn,
  unlockWithPasscode,
  unlockWithRecoveryCode,
} from './appLock';
import { saveCheckIn } from './checkIns';
import { backupToJson, exportDevice, exportPair, readAllRecords } from './exportBackup';
import { logSession, setSessionNotesVisibility } from './sessions';
import { readSyncedRecords } from './syncedRecords';

/** Few iterations keep these tests quick; the product's count is tested in src/crypto. */
const ITERATIONS = 1_000;
const PASSCODE = 'river lantern orbit pebble';
const CANARY = 'canary-7f3a9 private words';

const mentor = aPerson({ name: 'Mentor' });
const mentee = aPerson({ name: 'Mentee' });
const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });

function privateCheckIn(overrides = {}) {
  return aCheckIn({
    pairId: pair.id,
    raterId: mentee.id,
    reflection: `${CANARY} reflection`,
    comments: { trust: `${CANARY} comment` },
    notesVisibility: 'private',
    ...overrides,
  });
}

function privateSession(overrides = {}) {
  return aSession({
    pairId: pair.id,
    loggedById: mentor.id,
    notes: `${CANARY} notes`,
    topics: [`${CANARY} topic`],
    actionItems: [{ id: crypto.randomUUID(), text: `${CANARY} action`, owner: 'mentee', dueDate: null, done: false }],
    notesVisibility: 'private',
    ...overrides,
  });
}

async function rawStores(): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()]));
  return JSON.stringify(tables);
}

async function lockOn(recoveryCode = newRecoveryCode()) {
  await turnLockOn({ passcode: PASSCODE, recoveryCode, idleMinutes: 5 }, undefined, db, ITERATIONS);
  return recoveryCode;
}

beforeEach(() => {
  useAppLockStore.setState({ lockSet: false, vaultKey: null });
});

describe('the app lock', () => {
  it('seals every existing private entry when turned on: the records keep their facts, their words only as ciphertext', async () => {
    const checkIn = privateCheckIn();
    const session = privateSession();
    const shared = aCheckIn({
      pairId: pair.id,
      raterId: mentor.id,
      reflection: 'shared words',
      notesVisibility: 'pair',
    });
    await seedRecords({ people: [mentor, mentee], pairs: [pair], sessions: [session], checkIns: [checkIn, shared] });
    const progress: number[] = [];
    await turnLockOn(
      { passcode: PASSCODE, recoveryCode: newRecoveryCode(), idleMinutes: 15 },
      ({ done }) => progress.push(done),
      db,
      ITERATIONS,
    );

    expect(progress).toEqual([1]);
    expect(readLockSetting()).toMatchObject({ idleMinutes: 15, sealing: 'done' });
    const raw = await rawStores();
    expect(raw).not.toContain('canary-7f3a9');
    expect(localStorage.getItem('mentorlog.appLock')).not.toContain('canary');
    expect(localStorage.getItem('mentorlog.appLock')).not.toContain('river');
    // Scores stay readable at rest (trends and digests read them); shared words were never sealed.
    expect(await storedCheckIn(checkIn.id)).toMatchObject({ reflection: '', comments: {}, scores: checkIn.scores });
    expect(await storedSession(session.id)).toMatchObject({ notes: '', topics: [], date: session.date });
    expect((await storedSession(session.id))?.actionItems[0]).toMatchObject({ text: '', owner: 'mentee' });
    expect((await storedCheckIn(shared.id))?.reflection).toBe('shared words');
    expect(await db.lockedWords.count()).toBe(2);
  });

  it('seals what is saved while it is on, and refuses to save while locked rather than store words in the clear', async () => {
    await seedRecords({ people: [mentor, mentee], pairs: [pair] });
    await lockOn();
    const checkIn = privateCheckIn();
    const session = privateSession();
    await saveCheckIn(checkIn);
    await logSession(session);
    expect(await rawStores()).not.toContain('canary-7f3a9');

    lockNow();
    expect(useAppLockStore.getState().vaultKey).toBeNull();
    await expect(saveCheckIn(privateCheckIn())).rejects.toThrow(/locked/);
    expect(await db.lockedWords.count()).toBe(2);
  });

  it('opens nothing with a wrong passcode; the passcode or the recovery code opens, and turning it off gives the words back', async () => {
    const checkIn = privateCheckIn();
    const session = privateSession();
    await seedRecords({ people: [mentor, mentee], pairs: [pair], sessions: [session], checkIns: [checkIn] });
    const code = await lockOn();
    lockNow();

    expect(await unlockWithPasscode('river lantern orbit')).toBe(false);
    expect(useAppLockStore.getState().vaultKey).toBeNull();
    expect(await unlockWithRecoveryCode('not a code')).toBe('not-a-code');
    expect(await unlockWithRecoveryCode(newRecoveryCode())).toBe('wrong');
    expect(await unlockWithRecoveryCode(code.toLowerCase())).toBe('opened');
    lockNow();
    expect(await unlockWithPasscode(PASSCODE)).toBe(true);

    expect(await turnLockOff('wrong passcode')).toBe(false);
    expect(readLockSetting()).not.toBeNull();
    expect(await turnLockOff(PASSCODE)).toBe(true);
    expect(readLockSetting()).toBeNull();
    expect(useAppLockStore.getState()).toMatchObject({ lockSet: false, vaultKey: null });
    expect(await db.lockedWords.count()).toBe(0);
    expect(await storedCheckIn(checkIn.id)).toEqual(checkIn);
    expect(await storedSession(session.id)).toEqual(session);
  });

  it('moves a session’s words between the record and the seal when who sees them changes', async () => {
    const session = privateSession();
    await seedRecords({ people: [mentor, mentee], pairs: [pair], sessions: [session] });
    await lockOn();

    await setSessionNotesVisibility(session, mentor.id, 'pair');
    expect(await storedSession(session.id)).toMatchObject({ notes: session.notes, topics: session.topics });
    expect(await db.lockedWords.count()).toBe(0);

    await setSessionNotesVisibility(session, mentor.id, 'private');
    expect(await storedSession(session.id)).toMatchObject({ notes: '', topics: [] });
    expect(await rawStores()).not.toContain('canary-7f3a9');
  });

  it('finishes sealing at the next unlock when turning it on was cut short', async () => {
    await seedRecords({ people: [mentor, mentee], pairs: [pair] });
    await lockOn();
    // As if the app closed mid-way: a private entry still in the clear, the setting still pending.
    await seedRecords({ checkIns: [privateCheckIn()] });
    const setting = readLockSetting();
    localStorage.setItem('mentorlog.appLock', JSON.stringify({ ...setting, sealing: 'pending' }));
    lockNow();

    expect(await unlockWithPasscode(PASSCODE)).toBe(true);
    await vi.waitFor(async () => expect(await rawStores()).not.toContain('canary-7f3a9'));
    await vi.waitFor(() => expect(readLockSetting()?.sealing).toBe('done'));
  });

  it('seals private words a backup brings in while it is on', async () => {
    await seedRecords({ people: [mentor, mentee], pairs: [pair] });
    await lockOn();
    // As an import writes them: straight into the months, in the clear.
    await seedRecords({ checkIns: [privateCheckIn()] });
    await sealNewPrivateWords();
    expect(await rawStores()).not.toContain('canary-7f3a9');
  });

  it('lets nothing sealed into a backup, a pair file or a sync document: a backup made unlocked carries the words as before', async () => {
    const checkIn = privateCheckIn();
    const session = privateSession();
    await seedRecords({ people: [mentor, mentee], pairs: [pair], sessions: [session], checkIns: [checkIn] });
    const before = backupToJson(await exportDevice(db, new Date('2026-02-01T00:00:00Z')));
    await lockOn();

    const backup = backupToJson(await exportDevice(db, new Date('2026-02-01T00:00:00Z')));
    expect(backup).toBe(before);
    for (const text of [backup, JSON.stringify(await exportPair(pair.id, mentor.id))]) {
      expect(text).not.toMatch(/"sealed"|"iv"|lockedWords/);
    }
    expect(JSON.stringify(await exportPair(pair.id, mentor.id))).not.toContain('canary-7f3a9');
    expect(Object.keys(await readAllRecords())).toEqual(['people', 'pairs', 'sessions', 'checkIns']);

    const entries = await readSyncedRecords(db, [
      { type: 'session', id: session.id },
      { type: 'checkIn', id: checkIn.id },
    ]);
    const docs = entries.flatMap((entry) =>
      entry
        ? [
            toSyncDocument(entry, { kind: 'pair', pairId: pair.id }),
            toSyncDocument(entry, { kind: 'shared', pairId: pair.id }),
          ]
        : [],
    );
    expect(docs.length).toBeGreaterThan(0);
    const text = JSON.stringify(docs);
    expect(text).not.toContain('canary-7f3a9');
    expect(text).not.toMatch(/"sealed"|"iv"/);
  });
});
