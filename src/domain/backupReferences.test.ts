import { describe, expect, it } from 'vitest';
import { aProgram } from '../test/backupFiles';
import { aSession } from '../test/builders';
import { describeProblem } from './backupProblems';
import { findReferenceProblems, referencedOutsideFile } from './backupReferences';

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
    const problems = findReferenceProblems(
      { ...program, sessions: [...program.sessions, orphan] },
      { people: new Set(), pairs: new Set() },
    );
    expect(problems.shown.map(describeProblem)).toEqual([
      `sessions[1] (id ${orphan.id}): pairId: points to a pair (id ${orphan.pairId}) that is neither in this file nor on this device.`,
    ]);
  });

  it('refuses a pair whose person is neither in the file nor on the device', () => {
    const program = aProgram();
    const [, mentee] = program.people;
    const problems = findReferenceProblems(
      { ...program, people: program.people.slice(0, 1) },
      { people: new Set(), pairs: new Set() },
    );
    expect(problems.shown.map(describeProblem)).toEqual([
      `pairs[0] (id ${program.pairs[0]?.id}): menteeId: points to a person (id ${mentee?.id}) that is neither in this file nor on this device.`,
      `checkIns[0] (id ${program.checkIns[0]?.id}): raterId: points to a person (id ${mentee?.id}) that is neither in this file nor on this device.`,
    ]);
  });

  it('accepts references to records already on the device', () => {
    const program = aProgram();
    const { pairs, people } = program;
    const onDevice = {
      people: new Set(people.map((person) => person.id)),
      pairs: new Set(pairs.map((pair) => pair.id)),
    };
    expect(findReferenceProblems({ ...program, people: [], pairs: [] }, onDevice).count).toBe(0);
  });
});
