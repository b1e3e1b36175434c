import { describe, expect, it } from 'vitest';
import { aCheckIn, aPair, aPerson, aSession } from '../test/builders';
import type { BackupRecords } from './backupRecords';
import { findIdProblems, type DeviceCopies } from './importRules';

function aFile(records: Partial<BackupRecords>): BackupRecords {
  return { people: [], pairs: [], sessions: [], checkIns: [], ...records };
}

function aDevice(held: Partial<DeviceCopies>): DeviceCopies {
  return {
    people: new Map(),
    pairs: new Map(),
    sessions: new Map(),
    checkIns: new Map(),
    heldElsewhere: new Map(),
    ...held,
  };
}

const mapOf = <T extends { id: string }>(...records: T[]) => new Map(records.map((record) => [record.id, record]));

describe('findIdProblems', () => {
  it('refuses a person whose id the device holds as a pair', () => {
    const pair = aPair();
    const problems = findIdProblems(aFile({ people: [aPerson({ id: pair.id })] }), aDevice({ pairs: mapOf(pair) }));
    expect(problems.map((problem) => [problem.table, problem.message])).toEqual([
      ['people', 'is already the id of a pair on this device; every record needs its own id.'],
    ]);
  });

  it('refuses a session whose id the device holds as a session of another pair, naming that pair', () => {
    const held = aSession();
    const copy = { ...aSession(), id: held.id };
    const problems = findIdProblems(aFile({ sessions: [copy] }), aDevice({ sessions: mapOf(held) }));
    expect(problems.map((problem) => problem.message)).toEqual([
      `is already the id of a session of another pair on this device (pair ${held.pairId}); every record needs its own id.`,
    ]);
  });

  it('refuses a check-in whose id the device holds as a session', () => {
    const held = aSession();
    const problems = findIdProblems(
      aFile({ checkIns: [aCheckIn({ id: held.id, pairId: held.pairId })] }),
      aDevice({ sessions: mapOf(held) }),
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      `is already the id of a session on this device (pair ${held.pairId}); every record needs its own id.`,
    ]);
  });

  it('accepts a newer copy of a session the device holds in the same pair', () => {
    const held = aSession();
    const copy = { ...held, notes: 'Changed since.' };
    expect(findIdProblems(aFile({ sessions: [copy] }), aDevice({ sessions: mapOf(held) }))).toEqual([]);
  });
});
