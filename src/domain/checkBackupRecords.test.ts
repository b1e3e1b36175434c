import { describe, expect, it } from 'vitest';
import { aFile, aProgram } from '../test/backupFiles';
import { aCheckIn, aPerson, aSession } from '../test/builders';
import type { BackupEnvelope } from './backupFile';
import { describeProblem, PROBLEMS_SHOWN } from './backupProblems';
import type { BackupRecords } from './backupRecords';
import { checkBackupRecords, type CheckProgress, type RecordsCheck } from './checkBackupRecords';
import { readBackupText } from './readBackup';
import type { Session } from './session';

function envelopeOf(records: { [T in keyof BackupRecords]: unknown[] }): BackupEnvelope {
  const read = readBackupText(JSON.stringify(aFile(records)));
  if (!read.ok) throw new Error(`The test file was refused: ${read.problems.map(describeProblem).join('; ')}`);
  return read.envelope;
}

/** Runs the record checks to the end, collecting what they yielded. */
function runCheck(envelope: BackupEnvelope, chunkSize?: number): RecordsCheck & { progress: CheckProgress[] } {
  const steps = checkBackupRecords(envelope, chunkSize);
  const progress: CheckProgress[] = [];
  for (;;) {
    const step = steps.next();
    if (step.done) return { ...step.value, progress };
    progress.push(step.value);
  }
}

function problemsOf(records: { [T in keyof BackupRecords]: unknown[] }): string[] {
  return runCheck(envelopeOf(records)).problems.shown.map(describeProblem);
}

describe('checkBackupRecords', () => {
  it('returns the records as the schemas output them', () => {
    const program = aProgram();
    const [mentor] = program.people;
    const untidy = { ...mentor, name: '  Alex Chen  ', addedByAnotherVersion: true };
    const { records, problems } = runCheck(envelopeOf({ ...program, people: [untidy, ...program.people.slice(1)] }));
    expect(problems.count).toBe(0);
    expect(records.people[0]).toEqual(mentor);
    expect(records.checkIns).toEqual(program.checkIns);
  });

  it('reads a version-1 file’s sessions, which had no visibility, as seen by both partners', () => {
    const program = aProgram();
    const [session] = program.sessions;
    if (!session) throw new Error('No session.');
    const asVersion1Wrote: Partial<Session> = { ...session, notes: 'Before visibilities.' };
    delete asVersion1Wrote.notesVisibility;
    // A field version 1 did not have is no say in it: version 1 dropped it on import.
    const claimingMore = { ...asVersion1Wrote, id: crypto.randomUUID(), notesVisibility: 'program' };
    const read = readBackupText(
      JSON.stringify(aFile({ ...program, sessions: [asVersion1Wrote, claimingMore] }, { formatVersion: 1 })),
    );
    if (!read.ok) throw new Error('The version-1 file was refused.');
    const { records, problems } = runCheck(read.envelope);
    expect(problems.shown.map(describeProblem)).toEqual([]);
    expect(records.sessions).toEqual([
      { ...asVersion1Wrote, notesVisibility: 'pair' },
      { ...claimingMore, notesVisibility: 'pair' },
    ]);
  });

  it('refuses a session of the current format without a visibility, saying where', () => {
    const program = aProgram();
    const session: Partial<Session> = { ...(program.sessions[0] ?? aSession()) };
    delete session.notesVisibility;
    expect(problemsOf({ ...program, sessions: [session] })).toEqual([
      `sessions[0] (id ${session.id}): notesVisibility: is undefined, which is not one of "private", "pair", "program".`,
    ]);
  });

  it('locates a missing field by table, index, id and field', () => {
    const program = aProgram();
    const session: Partial<Session> = aSession({ loggedById: program.people[0]?.id });
    delete session.pairId;
    expect(problemsOf({ ...program, sessions: [...program.sessions, session] })).toEqual([
      `sessions[1] (id ${session.id}): pairId: is missing; it should be text.`,
    ]);
  });

  it('locates a field of the wrong type, saying what it found', () => {
    const program = aProgram();
    const session = { ...program.sessions[0], durationMinutes: '45' };
    const checkIn = { ...program.checkIns[0], comments: [] };
    expect(problemsOf({ ...program, sessions: [session], checkIns: [checkIn] })).toEqual([
      `sessions[0] (id ${session.id}): durationMinutes: should be a number, not text ("45").`,
      `checkIns[0] (id ${checkIn.id}): comments: should be an object, not a list.`,
    ]);
  });

  it('locates a score outside the 1 to 5 scale, and one that is not whole', () => {
    const program = aProgram();
    const checkIn = aCheckIn({
      ...program.checkIns[0],
      id: crypto.randomUUID(),
      scores: { trust: 7, fairness: 0, integrity: 3.5 },
    });
    expect(problemsOf({ ...program, checkIns: [...program.checkIns, checkIn] })).toEqual([
      `checkIns[1] (id ${checkIn.id}): scores.trust: Scores go from 1 to 5 (found 7).`,
      `checkIns[1] (id ${checkIn.id}): scores.fairness: Scores go from 1 to 5 (found 0).`,
      `checkIns[1] (id ${checkIn.id}): scores.integrity: is 3.5; it should be a whole number.`,
    ]);
  });

  it('names the field of a 50 MB text and its length, without repeating the text', () => {
    const program = aProgram();
    const notes = 'x'.repeat(50 * 1024 * 1024);
    const session = { ...program.sessions[0], notes };
    const [problem] = problemsOf({ ...program, sessions: [session] });
    expect(problem).toBe(
      `sessions[0] (id ${session.id}): notes: is too long: 52,428,800 characters, where at most 20,000 are allowed.`,
    );
  });

  it('refuses an id used twice in a table, pointing at both records', () => {
    const program = aProgram();
    const [mentor] = program.people;
    const twin = aPerson({ id: mentor?.id, name: 'Someone else' });
    expect(problemsOf({ ...program, people: [...program.people, twin] })).toEqual([
      `people[2] (id ${twin.id}): id: is also the id of people[0]; every record needs its own id.`,
    ]);
  });

  it('explains ids, timestamps, dates and choices that are malformed', () => {
    const program = aProgram();
    const pair = {
      ...program.pairs[0],
      id: 'pair-1',
      updatedAt: 'yesterday',
      startDate: '21/03/2026',
      status: 'finished',
    };
    expect(problemsOf({ ...program, pairs: [pair] })).toEqual([
      'pairs[0] (id pair-1): id: is "pair-1", which is not an id (ids look like 0f8fad5b-d9cb-469f-a165-70867728950e).',
      'pairs[0] (id pair-1): updatedAt: is "yesterday", which is not a time like 2026-03-21T18:00:00.000Z.',
      'pairs[0] (id pair-1): startDate: Use a date like 2026-03-21 (found "21/03/2026").',
      'pairs[0] (id pair-1): status: is "finished", which is not one of "active", "paused", "closed".',
    ]);
  });

  it('locates a record that is not an object at all', () => {
    expect(problemsOf({ people: ['Alex'], pairs: [], sessions: [], checkIns: [] })).toEqual([
      'people[0]: should be an object, not text ("Alex").',
    ]);
  });

  it(`keeps the first ${PROBLEMS_SHOWN} problems and counts them all`, () => {
    const broken = Array.from({ length: 25 }, () => ({ ...aPerson(), name: '' }));
    const { problems } = runCheck(envelopeOf({ people: broken, pairs: [], sessions: [], checkIns: [] }));
    expect(problems.count).toBe(25);
    expect(problems.shown).toHaveLength(PROBLEMS_SHOWN);
    expect(describeProblem(problems.shown[0] ?? { message: '' })).toMatch(
      /^people\[0\] \(id [0-9a-f-]+\): name: is empty\.$/,
    );
  });

  it('yields its progress after every chunk of records', () => {
    const people = Array.from({ length: 25 }, () => aPerson());
    const { progress } = runCheck(envelopeOf({ people, pairs: [], sessions: [], checkIns: [] }), 10);
    expect(progress).toEqual([
      { checked: 10, total: 25 },
      { checked: 20, total: 25 },
    ]);
  });
});
