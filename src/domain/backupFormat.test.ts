import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import {
  BACKUP_FORMAT,
  backupFileSchema,
  backupFileParts,
  buildBackupFile,
  buildBackupHeader,
  checkBackupRecords,
  checkInForPartner,
  describeProblem,
  findReferenceProblems,
  pairShareRecords,
  planMerge,
  PROBLEMS_SHOWN,
  readBackupText,
  recordsText,
  referencedOutsideFile,
  type BackupEnvelope,
  type BackupRecords,
  type CheckProgress,
  type RecordsCheck,
} from './backupFormat';
import type { CheckIn } from './checkIn';
import type { Session } from './session';

/** A small, consistent program: two people, their pair, a session and the mentee's check-in. */
function aProgram(): BackupRecords {
  const mentor = aPerson({ name: 'Alex Chen' });
  const mentee = aPerson({ name: 'Sam Lee' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
  const session = aSession({ pairId: pair.id, loggedById: mentor.id });
  const checkIn = aCheckIn({ pairId: pair.id, sessionId: session.id, raterId: mentee.id, side: 'mentee' });
  return { people: [mentor, mentee], pairs: [pair], sessions: [session], checkIns: [checkIn] };
}

function aFile(records: { [T in keyof BackupRecords]: unknown[] }, header: Record<string, unknown> = {}) {
  return {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    appVersion: '0.1.0',
    exportedAt: '2026-03-21T18:00:00.000Z',
    scope: 'device',
    records,
    ...header,
  };
}

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

function firstProblemOfText(text: string): string {
  const read = readBackupText(text);
  if (read.ok) throw new Error('The file was accepted.');
  return read.problems.map(describeProblem).join('\n');
}

describe('backupFileParts', () => {
  it('writes, from runs of records, the same text as the whole file in one go', () => {
    const records = aProgram();
    records.sessions.push(aSession({ pairId: records.pairs[0]?.id, notes: 'Said "thanks" — twice.\n' }));
    const options = { scope: 'device', appVersion: '0.1.0', exportedAt: '2026-03-21T18:00:00.000Z' } as const;
    const runs = {
      people: [recordsText(records.people.slice(0, 1)), recordsText(records.people.slice(1))],
      pairs: [recordsText(records.pairs)],
      sessions: records.sessions.map((session) => recordsText([session])),
      checkIns: [],
    };
    const whole = { ...records, checkIns: [] };
    expect(backupFileParts(buildBackupHeader(options), runs).join('')).toBe(JSON.stringify(buildBackupFile({ ...options, records: whole })));
  });
});

describe('readBackupText', () => {
  it('accepts a file that export wrote', () => {
    const file = buildBackupFile({ scope: 'device', appVersion: '0.1.0', exportedAt: '2026-03-21T18:00:00.000Z', records: aProgram() });
    expect(backupFileSchema.safeParse(file).success).toBe(true);
    expect(readBackupText(JSON.stringify(file)).ok).toBe(true);
  });

  it('says a file that is not JSON is not a backup', () => {
    expect(firstProblemOfText('name,score\nAlex,4\n')).toBe(
      'This file is not JSON (it begins "name,score\\nAlex,4\\n"), so it is not a Mentorlog backup. Choose the .json file that Mentorlog exported.',
    );
  });

  it('says where JSON that is complete but malformed is damaged', () => {
    expect(firstProblemOfText('{"format": "mentorlog-backup",, "records": {}}')).toBe(
      'This file looks like JSON but is damaged near character 31, so it cannot be read. Export it again and import the new file.',
    );
  });

  it('says an empty file is empty', () => {
    expect(firstProblemOfText('  \n')).toBe('The file is empty. Choose the .json file that Mentorlog exported.');
  });

  it('tells a file cut short from one that is not JSON, wherever it was cut', () => {
    const text = JSON.stringify(aFile(aProgram()));
    for (const length of [1, 40, Math.floor(text.length / 2), text.length - 1]) {
      expect(firstProblemOfText(text.slice(0, length))).toMatch(/^The file is cut short: it stops in the middle of the data, after [\d,]+ characters\./);
    }
  });

  it('says JSON from another app is not a Mentorlog backup', () => {
    expect(firstProblemOfText('{"name":"my-app","version":"1.0.0"}')).toBe(
      'This is a JSON file, but not a Mentorlog backup: it has no "format": "mentorlog-backup" header. It may come from another app. Choose the .json file that Mentorlog exported.',
    );
    expect(firstProblemOfText('[1, 2, 3]')).toMatch(/^This is a JSON file, but not a Mentorlog backup/);
    expect(firstProblemOfText('{"format":"other-backup"}')).toMatch(/^This is a JSON file, but not a Mentorlog backup \(it says its format is "other-backup"\)/);
  });

  it('says a newer format version needs a newer Mentorlog', () => {
    expect(firstProblemOfText(JSON.stringify(aFile(aProgram(), { formatVersion: 2, appVersion: '3.0.0' })))).toBe(
      'formatVersion: This backup was made by Mentorlog "3.0.0" in backup format version 2, which is newer than this copy of Mentorlog can read (up to version 1). Update Mentorlog — reload it while online — and import the file again.',
    );
  });

  it('names each header field that is missing or wrong', () => {
    const file: Partial<ReturnType<typeof aFile>> = aFile({ people: [], pairs: [], sessions: 'none' as unknown as [], checkIns: [] }, { scope: 'everything' });
    delete file.exportedAt;
    expect(firstProblemOfText(JSON.stringify(file)).split('\n')).toEqual([
      'exportedAt: is missing; it should be text.',
      'scope: is "everything", which is not one of "device", "pair".',
      'records.sessions: should be a list, not text ("none").',
    ]);
  });
});

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
    const checkIn = aCheckIn({ ...program.checkIns[0], id: crypto.randomUUID(), scores: { trust: 7, fairness: 0, integrity: 3.5 } });
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
    expect(problem).toBe(`sessions[0] (id ${session.id}): notes: is too long: 52,428,800 characters, where at most 20,000 are allowed.`);
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
    const pair = { ...program.pairs[0], id: 'pair-1', updatedAt: 'yesterday', startDate: '21/03/2026', status: 'finished' };
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
    expect(describeProblem(problems.shown[0] ?? { message: '' })).toMatch(/^people\[0\] \(id [0-9a-f-]+\): name: is empty\.$/);
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

describe('references', () => {
  it('accepts references to records in the file', () => {
    const program = aProgram();
    expect(referencedOutsideFile(program)).toEqual({ people: [], pairs: [] });
    expect(findReferenceProblems(program, { people: new Set(), pairs: new Set() }).count).toBe(0);
  });

  it('lists what the file points to but does not hold, for a look on the device', () => {
    const program = aProgram();
    const elsewhere = aSession({ loggedById: program.people[0]?.id });
    expect(referencedOutsideFile({ ...program, sessions: [elsewhere], people: [] })).toEqual({
      people: [program.pairs[0]?.mentorId, program.pairs[0]?.menteeId],
      pairs: [elsewhere.pairId],
    });
  });

  it('refuses a session or check-in whose pair is neither in the file nor on the device', () => {
    const program = aProgram();
    const orphan = aSession({ loggedById: program.people[0]?.id });
    const problems = findReferenceProblems({ ...program, sessions: [...program.sessions, orphan] }, { people: new Set(), pairs: new Set() });
    expect(problems.shown.map(describeProblem)).toEqual([
      `sessions[1] (id ${orphan.id}): pairId: points to a pair (id ${orphan.pairId}) that is neither in this file nor on this device.`,
    ]);
  });

  it('refuses a pair whose person is neither in the file nor on the device', () => {
    const program = aProgram();
    const [, mentee] = program.people;
    const problems = findReferenceProblems({ ...program, people: program.people.slice(0, 1) }, { people: new Set(), pairs: new Set() });
    expect(problems.shown.map(describeProblem)).toEqual([
      `pairs[0] (id ${program.pairs[0]?.id}): menteeId: points to a person (id ${mentee?.id}) that is neither in this file nor on this device.`,
      `checkIns[0] (id ${program.checkIns[0]?.id}): raterId: points to a person (id ${mentee?.id}) that is neither in this file nor on this device.`,
    ]);
  });

  it('accepts references to records already on the device', () => {
    const program = aProgram();
    const { pairs, people } = program;
    const onDevice = { people: new Set(people.map((person) => person.id)), pairs: new Set(pairs.map((pair) => pair.id)) };
    expect(findReferenceProblems({ ...program, people: [], pairs: [] }, onDevice).count).toBe(0);
  });
});

describe('planMerge', () => {
  const at = (time: string) => `2026-03-${time}:00.000Z`;
  const none = () => ({ people: new Map(), pairs: new Map(), sessions: new Map(), checkIns: new Map() });

  it('adds what is new, replaces what is older, and keeps what is newer or the same', () => {
    const added = aPerson({ updatedAt: at('21T10:00') });
    const newer = aPerson({ updatedAt: at('21T10:00') });
    const same = aPerson({ updatedAt: at('21T10:00') });
    const older = aPerson({ updatedAt: at('21T10:00') });
    const existing = none();
    existing.people.set(newer.id, { updatedAt: at('20T10:00'), deletedAt: null });
    existing.people.set(same.id, { updatedAt: at('21T10:00'), deletedAt: null });
    existing.people.set(older.id, { updatedAt: at('22T10:00'), deletedAt: null });

    const plan = planMerge({ people: [added, newer, same, older], pairs: [], sessions: [], checkIns: [] }, existing);

    expect(plan.writes.people).toEqual([added, newer]);
    expect(plan.counts.people).toEqual({ added: 1, updated: 1, unchanged: 1, skippedOlder: 1 });
    expect(plan.total).toEqual({ added: 1, updated: 1, unchanged: 1, skippedOlder: 1 });
  });

  it('lets a newer deletion win, and a newer edit win over an older deletion', () => {
    const deleted = aSession({ updatedAt: at('22T10:00'), deletedAt: at('22T10:00') });
    const edited = aSession({ updatedAt: at('23T10:00') });
    const existing = none();
    existing.sessions.set(deleted.id, { updatedAt: at('21T10:00'), deletedAt: null });
    existing.sessions.set(edited.id, { updatedAt: at('22T10:00'), deletedAt: at('22T10:00') });

    const plan = planMerge({ people: [], pairs: [], sessions: [deleted, edited], checkIns: [] }, existing);

    expect(plan.writes.sessions).toEqual([deleted, edited]);
    expect(plan.counts.sessions.updated).toBe(2);
  });

  it('counts a deletion as a change even when it left updatedAt behind', () => {
    const deleted = aSession({ updatedAt: at('20T10:00'), deletedAt: at('22T10:00') });
    const existing = none();
    existing.sessions.set(deleted.id, { updatedAt: at('21T10:00'), deletedAt: null });
    expect(planMerge({ people: [], pairs: [], sessions: [deleted], checkIns: [] }, existing).writes.sessions).toEqual([deleted]);
  });

  it('compares times, not text, when they are written with offsets', () => {
    const incoming = aPerson({ updatedAt: '2026-03-21T12:00:00.000+02:00' }); // 10:00 UTC
    const existing = none();
    existing.people.set(incoming.id, { updatedAt: '2026-03-21T11:00:00.000Z', deletedAt: null });
    expect(planMerge({ people: [incoming], pairs: [], sessions: [], checkIns: [] }, existing).counts.people.skippedOlder).toBe(1);
  });
});

describe('sharing a pair', () => {
  const words = { comments: { trust: 'Hard to say this aloud.' }, reflection: 'I hold back in our sessions.' };

  it('blanks the written words of a check-in whose words are private', () => {
    const checkIn = aCheckIn({ ...words, visibility: 'program', notesVisibility: 'private' });
    expect(checkInForPartner(checkIn)).toEqual({ ...checkIn, comments: {}, reflection: '' });
  });

  it('blanks the scores of a check-in whose scores are private but words shared', () => {
    const checkIn = aCheckIn({ ...words, visibility: 'private', notesVisibility: 'pair' });
    expect(checkInForPartner(checkIn)).toEqual({ ...checkIn, scores: {} });
  });

  it('leaves out a check-in that is private altogether, and keeps a shared one whole', () => {
    expect(checkInForPartner(aCheckIn({ ...words, visibility: 'private', notesVisibility: 'private' }))).toBeNull();
    const shared = aCheckIn({ ...words, visibility: 'pair', notesVisibility: 'program' });
    expect(checkInForPartner(shared)).toEqual(shared);
  });

  it('holds the pair, its two people, its sessions and what its partner may see — nothing of other pairs', () => {
    const program = aProgram();
    const [pair] = program.pairs;
    if (!pair) throw new Error('No pair.');
    const outsider = aPerson({ name: 'Morgan Reyes' });
    const otherSession = aSession();
    const hidden: CheckIn = aCheckIn({ pairId: pair.id, visibility: 'private', notesVisibility: 'private' });
    const otherCheckIn = aCheckIn();

    const share = pairShareRecords(
      pair,
      [...program.people, outsider],
      [...program.sessions, otherSession],
      [...program.checkIns, hidden, otherCheckIn],
    );

    expect(share).toEqual({
      people: program.people,
      pairs: [pair],
      sessions: program.sessions,
      checkIns: program.checkIns.map((checkIn) => ({ ...checkIn, comments: {}, reflection: '' })),
    });
  });
});
