import { describe, expect, it } from 'vitest';
import { aProgram } from '../test/backupFiles';
import { aSession } from '../test/builders';
import { backupFileParts, buildBackupFile, buildBackupHeader, recordsText } from './backupFile';

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
    expect(backupFileParts(buildBackupHeader(options), runs).join('')).toBe(
      JSON.stringify(buildBackupFile({ ...options, records: whole })),
    );
  });
});
