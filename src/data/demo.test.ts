import { describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { countDeviceRecords } from './countDeviceRecords';
import { generateDemoProgram } from '../domain/demoProgram';
import { loadDemoProgram } from './demo';

const today = '2026-03-21';

async function counts() {
  return countDeviceRecords();
}

describe('loadDemoProgram', () => {
  it('writes every generated person, pair, session and check-in', async () => {
    const program = generateDemoProgram({ today });

    await loadDemoProgram(today);

    expect(await counts()).toEqual({
      people: program.people.length,
      pairs: program.pairs.length,
      sessions: program.sessions.length,
      checkIns: program.checkIns.length,
    });
  });

  it('returns the coordinator, who is stored with the rest of the program', async () => {
    const coordinator = await loadDemoProgram(today);

    expect(coordinator.name).toBe('Morgan Reyes');
    expect(await db.people.get(coordinator.id)).toEqual(coordinator);
  });

  it('does not duplicate anything when loaded twice', async () => {
    await loadDemoProgram(today);
    const first = await counts();

    await loadDemoProgram(today);

    expect(await counts()).toEqual(first);
  });

  it('keeps records already on the device', async () => {
    const [someone] = generateDemoProgram({ today, seed: 7 }).people;
    if (!someone) throw new Error('The generator made no people.');
    await db.people.add(someone);

    await loadDemoProgram(today);

    expect(await db.people.get(someone.id)).toEqual(someone);
  });
});
