import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import type { Person } from '../domain/person';
import { aPerson } from '../test/builders';
import { seedRecords } from '../test/seedRecords';
import { useLiveRecordMap } from './liveRecordMap';
import { keepReadAhead, stopReadAhead } from './readAhead';
import type { RecordMapReader } from './recordMapChanges';

/** Every person by id, counting whole reads and the people read one by one. */
function peopleReader() {
  const readAll = vi.fn(async () => new Map((await db.people.toArray()).map((person) => [person.id, person])));
  const readSome = vi.fn(
    async (ids: ReadonlySet<string>) =>
      new Map((await db.people.bulkGet([...ids])).map((person, index) => [[...ids][index]!, person ?? null])),
  );
  const reader: RecordMapReader<Person> = {
    tables: ['people'],
    readAll,
    readSome,
    affectedKeys: (changes) => changes.people ?? 'all',
  };
  return { reader, readAll, readSome };
}

const names = (map: ReadonlyMap<string, Person> | undefined) =>
  map ? [...map.values()].map((person) => person.name).sort() : undefined;

const visit = (reader: RecordMapReader<Person>) => renderHook(() => useLiveRecordMap('today', reader));

describe('a read kept while the app is open', () => {
  it('draws each visit at once, and reads again only the records written while the screen was away', async () => {
    const ana = aPerson({ name: 'Ana' });
    await seedRecords({ people: [ana, aPerson({ name: 'Ben' })] });
    const { reader, readAll, readSome } = peopleReader();
    keepReadAhead('today', reader);
    await readAll.mock.results[0]?.value;

    const first = visit(reader);
    expect(names(first.result.current)).toEqual(['Ana', 'Ben']);
    // Written while the screen is open: the screen reads it.
    const cy = aPerson({ name: 'Cy' });
    await db.people.add(cy);
    await waitFor(() => expect(names(first.result.current)).toEqual(['Ana', 'Ben', 'Cy']));
    first.unmount();

    // Written while it is away: read on the next visit, alone.
    await db.people.update(ana.id, { name: 'Ana Ruiz' });
    readSome.mockClear();
    const second = visit(reader);

    expect(names(second.result.current)).toEqual(['Ana', 'Ben', 'Cy']);
    await waitFor(() => expect(names(second.result.current)).toEqual(['Ana Ruiz', 'Ben', 'Cy']));
    expect(readSome).toHaveBeenCalledTimes(1);
    expect(readSome.mock.calls[0]?.[0]).toEqual(new Set([ana.id]));
    expect(readAll).toHaveBeenCalledTimes(1);
    second.unmount();
    stopReadAhead(reader);
  });

  it('stays as it was when the screen leaves before its records land', async () => {
    await seedRecords({ people: [aPerson({ name: 'Ana' })] });
    const { reader, readAll } = peopleReader();
    keepReadAhead('today', reader);
    visit(reader).unmount();
    await db.people.add(aPerson({ name: 'Ben' }));

    const { result } = visit(reader);

    await waitFor(() => expect(names(result.current)).toEqual(['Ana', 'Ben']));
    expect(readAll).toHaveBeenCalledTimes(1);
    stopReadAhead(reader);
  });

  it('is lent to one screen at a time: a second one open at once reads for itself', async () => {
    await seedRecords({ people: [aPerson({ name: 'Ana' })] });
    const { reader, readAll } = peopleReader();
    keepReadAhead('today', reader);
    await readAll.mock.results[0]?.value;

    const first = visit(reader);
    const second = visit(reader);

    expect(names(first.result.current)).toEqual(['Ana']);
    expect(second.result.current).toBeUndefined();
    await waitFor(() => expect(names(second.result.current)).toEqual(['Ana']));
    expect(readAll).toHaveBeenCalledTimes(2);
    stopReadAhead(reader);
  });

  it('is forgotten once stopped: the next visit reads everything', async () => {
    await seedRecords({ people: [aPerson({ name: 'Ana' })] });
    const { reader, readAll } = peopleReader();
    keepReadAhead('today', reader);
    await readAll.mock.results[0]?.value;
    stopReadAhead(reader);

    const { result } = visit(reader);

    expect(result.current).toBeUndefined();
    await waitFor(() => expect(names(result.current)).toEqual(['Ana']));
    expect(readAll).toHaveBeenCalledTimes(2);
  });
});

describe('a read begun ahead that a write replacing everything overtook', () => {
  it('is not drawn: the screen reads everything again and draws only that', async () => {
    await seedRecords({ people: [aPerson({ name: 'Ana' })] });
    const { reader, readAll } = peopleReader();
    keepReadAhead('today', reader);
    await readAll.mock.results[0]?.value;
    // As a restore does: every person replaced.
    await db.people.clear();
    await db.people.add(aPerson({ name: 'Ben' }));

    const { result } = visit(reader);

    expect(result.current).toBeUndefined();
    await waitFor(() => expect(names(result.current)).toEqual(['Ben']));
    expect(readAll).toHaveBeenCalledTimes(2);
    stopReadAhead(reader);
  });
});
