import { describe, expect, it } from 'vitest';
import { aFile, aProgram } from '../test/backupFiles';
import { backupFileSchema, buildBackupFile } from './backupFile';
import { describeProblem } from './backupProblems';
import { readBackupText } from './readBackup';

function firstProblemOfText(text: string): string {
  const read = readBackupText(text);
  if (read.ok) throw new Error('The file was accepted.');
  return read.problems.map(describeProblem).join('\n');
}

describe('readBackupText', () => {
  it('accepts a file that export wrote', () => {
    const file = buildBackupFile({
      scope: 'device',
      appVersion: '0.1.0',
      exportedAt: '2026-03-21T18:00:00.000Z',
      records: aProgram(),
    });
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
      expect(firstProblemOfText(text.slice(0, length))).toMatch(
        /^The file is cut short: it stops in the middle of the data, after [\d,]+ characters\./,
      );
    }
  });

  it('says JSON from another app is not a Mentorlog backup', () => {
    expect(firstProblemOfText('{"name":"my-app","version":"1.0.0"}')).toBe(
      'This is a JSON file, but not a Mentorlog backup: it has no "format": "mentorlog-backup" header. It may come from another app. Choose the .json file that Mentorlog exported.',
    );
    expect(firstProblemOfText('[1, 2, 3]')).toMatch(/^This is a JSON file, but not a Mentorlog backup/);
    expect(firstProblemOfText('{"format":"other-backup"}')).toMatch(
      /^This is a JSON file, but not a Mentorlog backup \(it says its format is "other-backup"\)/,
    );
  });

  it('says a newer format version needs a newer Mentorlog', () => {
    expect(firstProblemOfText(JSON.stringify(aFile(aProgram(), { formatVersion: 3, appVersion: '3.0.0' })))).toBe(
      'formatVersion: This backup was made by Mentorlog "3.0.0" in backup format version 3, which is newer than this copy of Mentorlog can read (up to version 2). Update Mentorlog — reload it while online — and import the file again.',
    );
  });

  it('names each header field that is missing or wrong', () => {
    const file: Partial<ReturnType<typeof aFile>> = aFile(
      { people: [], pairs: [], sessions: 'none' as unknown as [], checkIns: [] },
      { scope: 'everything' },
    );
    delete file.exportedAt;
    expect(firstProblemOfText(JSON.stringify(file)).split('\n')).toEqual([
      'exportedAt: is missing; it should be text.',
      'scope: is "everything", which is not one of "device", "pair".',
      'records.sessions: should be a list, not text ("none").',
    ]);
  });
});
