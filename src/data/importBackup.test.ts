import { describe, expect, it } from 'vitest';
import { db, resetDatabase } from '../db/database';
import { localToday, monthOf } from '../domain/dates';
import { generateDemoProgram } from '../domain/demoProgram';
import { aPairWithPeople, dump, fileWith, storeRecords } from '../test/backupImports';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import { storedCheckIn, storedRecords, storedSession } from '../test/seedRecords';
import { countDeviceRecords } from './countDeviceRecords';
import { backupToJson, exportDevice } from './exportBackup';
import { importBackup, type ImportProgress } from './importBackup';
import { loadDemoProgram } from './demo';

const today = '2026-03-21';

describe('importBackup', () => {
  it('restores a device backup into an empty database exactly, deleted records included', async () => {
    await loadDemoProgram(today);
    const [session] = (await storedRecords()).sessions;
    if (!session) throw new Error('The demo has no sessions.');
    await storeRecords({
      sessions: [{ ...session, deletedAt: '2026-03-21T19:00:00.000Z', updatedAt: '2026-03-21T19:00:00.000Z' }],
    });
    const before = await dump();
    const text = backupToJson(await exportDevice());

    await resetDatabase();
    const result = await importBackup(text);

    expect(await dump()).toBe(before);
    const program = generateDemoProgram({ today });
    const records = program.people.length + program.pairs.length + program.sessions.length + program.checkIns.length;
    expect(result).toMatchObject({
      ok: true,
      summary: { records, total: { added: records, updated: 0, unchanged: 0, skippedOlder: 0 } },
    });
  });

  it('ignores monthly figures a file carries, and writes ones built from the records instead', async () => {
    const { mentor, mentee, pair } = aPairWithPeople();
    const session = aSession({ pairId: pair.id, loggedById: mentor.id, date: localToday() });
    const file = JSON.parse(fileWith({ people: [mentor, mentee], pairs: [pair], sessions: [session] })) as {
      records: Record<string, unknown>;
    };
    const forged = {
      pairId: pair.id,
      writtenOn: localToday(),
      months: { [monthOf(localToday())]: { sessions: 99, checkIns: 0, sums: { mentor: {}, mentee: {} } } },
    };
    file.records.pairMonths = [forged];

    expect((await importBackup(JSON.stringify(file))).ok).toBe(true);

    expect((await db.pairMonths.get(pair.id))?.months[monthOf(localToday())]?.sessions).toBe(1);
  });

  it('reads the file the user chose, not only text', async () => {
    const { mentor, mentee, pair } = aPairWithPeople();
    const file = new File([fileWith({ people: [mentor, mentee], pairs: [pair] })], 'mentorlog-backup-2026-03-21.json', {
      type: 'application/json',
    });

    const result = await importBackup(file);

    expect(result.ok).toBe(true);
    expect(await db.pairs.get(pair.id)).toEqual(pair);
  });

  // The device's records are found either by looking up the file's ids one by one (a file small
  // next to the device) or from every id the device holds (a file bringing a large share of it).
  it.each([
    { lookup: 'every id the device holds', alsoOnDevice: 0 },
    { lookup: 'the file’s ids one by one', alsoOnDevice: 300 },
  ])(
    'merges by id: the newest change wins, deletions included, and the rest of the device is kept ($lookup)',
    async ({ alsoOnDevice }) => {
      const { mentor, mentee, pair } = aPairWithPeople();
      const stamp = (day: number) => `2026-03-${day}T10:00:00.000Z`;
      const keptNewer = aSession({
        pairId: pair.id,
        loggedById: mentor.id,
        notes: 'Edited here later',
        updatedAt: stamp(22),
      });
      const replaced = aSession({ pairId: pair.id, loggedById: mentor.id, notes: 'Old notes', updatedAt: stamp(20) });
      const toDelete = aSession({ pairId: pair.id, loggedById: mentor.id, updatedAt: stamp(20) });
      const onlyHere = aCheckIn({ pairId: pair.id, raterId: mentee.id, updatedAt: stamp(20) });
      const others = Array.from({ length: alsoOnDevice }, () => aSession({ pairId: pair.id, loggedById: mentor.id }));
      await storeRecords({
        people: [mentor, mentee],
        pairs: [pair],
        sessions: [keptNewer, replaced, toDelete, ...others],
        checkIns: [onlyHere],
      });
      const added = aSession({ pairId: pair.id, loggedById: mentee.id, loggedBy: 'mentee' });

      const result = await importBackup(
        fileWith({
          people: [mentor, mentee],
          pairs: [pair],
          sessions: [
            { ...keptNewer, notes: 'Older copy', updatedAt: stamp(21) },
            { ...replaced, notes: 'New notes', updatedAt: stamp(21) },
            { ...toDelete, deletedAt: stamp(21), updatedAt: stamp(21) },
            added,
          ],
        }),
      );

      expect(await storedSession(keptNewer.id)).toEqual(keptNewer);
      expect(await storedSession(replaced.id)).toMatchObject({ notes: 'New notes' });
      expect(await storedSession(toDelete.id)).toMatchObject({ deletedAt: stamp(21) });
      expect(await storedSession(added.id)).toEqual(added);
      expect(await storedCheckIn(onlyHere.id)).toEqual(onlyHere);
      expect(result).toMatchObject({
        ok: true,
        summary: {
          counts: {
            people: { added: 0, updated: 0, unchanged: 2, skippedOlder: 0 },
            sessions: { added: 1, updated: 2, unchanged: 0, skippedOlder: 1 },
          },
        },
      });
    },
  );

  it('moves a session whose newer copy has another date to that month, leaving no copy behind', async () => {
    const { mentor, mentee, pair } = aPairWithPeople();
    const session = aSession({ pairId: pair.id, loggedById: mentor.id, date: '2026-01-15' });
    await storeRecords({ people: [mentor, mentee], pairs: [pair], sessions: [session] });
    const moved = { ...session, date: '2026-02-20', updatedAt: '2026-03-01T00:00:00.000Z' };

    const result = await importBackup(fileWith({ sessions: [moved] }));

    expect(result).toMatchObject({ ok: true, summary: { total: { updated: 1 } } });
    expect((await storedRecords()).sessions).toEqual([moved]);
    expect(await db.monthLogs.count()).toBe(1);
  });

  it('keeps this device’s private session words when the partner’s newer copy of it comes without them', async () => {
    const { mentor, mentee, pair } = aPairWithPeople();
    const item = {
      id: crypto.randomUUID(),
      text: 'Draft the transfer letter',
      owner: 'mentee' as const,
      dueDate: null,
      done: false,
    };
    const mine = aSession({
      pairId: pair.id,
      loggedById: mentor.id,
      notesVisibility: 'private',
      topics: ['Transfer'],
      notes: 'Sam may move teams.',
      actionItems: [item],
    });
    await storeRecords({ people: [mentor, mentee], pairs: [pair], sessions: [mine] });
    // The partner ticked the item off on the copy they hold, which never had the words.
    const ticked = {
      ...mine,
      topics: [],
      notes: '',
      actionItems: [{ ...item, text: '', done: true }],
      updatedAt: '2026-03-01T00:00:00.000Z',
    };

    const result = await importBackup(fileWith({ sessions: [ticked] }, { scope: 'pair' }));

    expect(result).toMatchObject({ ok: true, summary: { total: { updated: 1 } } });
    expect(await storedSession(mine.id)).toEqual({
      ...mine,
      actionItems: [{ ...item, done: true }],
      updatedAt: ticked.updatedAt,
    });
  });

  it('accepts sessions of a pair that is already on this device', async () => {
    const { mentor, mentee, pair } = aPairWithPeople();
    await storeRecords({ people: [mentor, mentee], pairs: [pair] });
    const session = aSession({ pairId: pair.id, loggedById: mentor.id });

    expect((await importBackup(fileWith({ sessions: [session] }))).ok).toBe(true);
    expect(await storedSession(session.id)).toEqual(session);
  });

  it(
    'reports its checking at least every hundredth of the file, however fast the checks run',
    { timeout: 60_000 },
    async () => {
      const { mentor, mentee, pair } = aPairWithPeople();
      const sessions = Array.from({ length: 49_997 }, () => aSession({ pairId: pair.id, loggedById: mentor.id }));
      const progress: ImportProgress[] = [];

      await importBackup(fileWith({ people: [mentor, mentee], pairs: [pair], sessions }), (step) =>
        progress.push(step),
      );

      const checked = progress.filter((step) => step.phase === 'checking').map((step) => step.done);
      expect(checked.at(0)).toBe(0);
      expect(checked.at(-1)).toBe(50_000);
      const gaps = checked.slice(1).map((done, index) => done - (checked[index] ?? 0));
      expect(Math.min(...gaps)).toBeGreaterThan(0);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(500);
    },
  );

  it('imports 200,000 records in one go, reporting its progress', { timeout: 180_000 }, async () => {
    const people = Array.from({ length: 100 }, (_, index) => aPerson({ name: `Person ${index + 1}` }));
    const pairs = Array.from({ length: 50 }, (_, index) =>
      aPair({ mentorId: people[index * 2]?.id, menteeId: people[index * 2 + 1]?.id }),
    );
    const sessions = Array.from({ length: 100_000 }, (_, index) => {
      const pair = pairs[index % pairs.length];
      return aSession({
        pairId: pair?.id,
        loggedById: pair?.mentorId,
        notes: `Session ${index + 1}: talked through the week.`,
      });
    });
    const checkIns = Array.from({ length: 200_000 - 100_000 - 150 }, (_, index) => {
      const pair = pairs[index % pairs.length];
      return aCheckIn({ pairId: pair?.id, raterId: pair?.menteeId });
    });
    const text = fileWith({ people, pairs, sessions, checkIns });
    const progress: ImportProgress[] = [];

    const started = performance.now();
    const result = await importBackup(text, (step) => progress.push(step));
    const seconds = (performance.now() - started) / 1000;
    console.info(`Imported 200,000 records (${Math.round(text.length / 1e6)} MB) in ${seconds.toFixed(1)} s`);

    expect(result).toMatchObject({ ok: true, summary: { records: 200_000, total: { added: 200_000 } } });
    expect(await countDeviceRecords()).toMatchObject({ sessions: 100_000, checkIns: 99_850 });
    const stored = await storedRecords();
    expect(new Set(stored.sessions.map((session) => session.id)).size).toBe(100_000);
    expect(new Set(stored.checkIns.map((checkIn) => checkIn.id)).size).toBe(99_850);
    const checking = progress.filter((step) => step.phase === 'checking');
    const writing = progress.filter((step) => step.phase === 'writing');
    expect(checking.length).toBeGreaterThan(10);
    expect(writing.length).toBeGreaterThan(20);
    expect(writing.at(-1)).toEqual({ phase: 'writing', done: 200_000, total: 200_000 });
    expect(writing.map((step) => step.done)).toEqual([...writing.map((step) => step.done)].sort((a, b) => a - b));
  });
});
