import { screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/database';
import { aPair, aPerson } from '../../test/builders';
import { failWritesTo, installFailingWrites, stopFailingWrites, storageFull } from '../../test/failingWrites';
import { renderApp, signInAs } from '../../test/renderApp';

beforeAll(installFailingWrites);
afterEach(stopFailingWrites);

async function fillNewPairWithNewMentee(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText("New mentee's name"), 'Sam Lee');
  await user.clear(screen.getByLabelText('Days between sessions'));
  await user.type(screen.getByLabelText('Days between sessions'), '21');
  await user.type(screen.getByLabelText('Goals'), 'Lead the platform team by spring.');
}

function expectTypedValuesKept() {
  expect(screen.getByLabelText("New mentee's name")).toHaveValue('Sam Lee');
  expect(screen.getByLabelText('Days between sessions')).toHaveValue(21);
  expect(screen.getByLabelText('Goals')).toHaveValue('Lead the platform team by spring.');
}

describe('when saving a new pair fails', () => {
  it('leaves neither the new person nor the pair behind when storage is full, and keeps what was typed', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const { user } = renderApp('/pairs/new');
    await fillNewPairWithNewMentee(user);
    // The person is written first, in the same transaction; the pair's write then fails.
    failWritesTo(['pairs'], storageFull);

    await user.click(screen.getByRole('button', { name: 'Create pair' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This device is out of storage space, so nothing was saved.',
    );
    expectTypedValuesKept();
    expect(screen.getByRole('heading', { level: 1, name: 'New pair' })).toBeInTheDocument();
    expect(await db.pairs.count()).toBe(0);
    expect(await db.people.toArray()).toEqual([alex]);
  });

  it('saves on the next try once there is space again', async () => {
    await signInAs('mentor', { name: 'Alex Chen' });
    const { user } = renderApp('/pairs/new');
    await fillNewPairWithNewMentee(user);
    failWritesTo(['people'], storageFull);
    await user.click(screen.getByRole('button', { name: 'Create pair' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('out of storage space');

    stopFailingWrites();
    await user.click(screen.getByRole('button', { name: 'Create pair' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeInTheDocument();
    expect(await db.pairs.count()).toBe(1);
    expect((await db.people.toArray()).map((person) => person.name).sort()).toEqual(['Alex Chen', 'Sam Lee']);
  });

  it('says the database was closed, keeps what was typed and writes nothing when the browser closed it', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const { user } = renderApp('/pairs/new');
    await fillNewPairWithNewMentee(user);
    // As when a newer version in another tab took the database over (see databaseConnection.ts).
    db.close({ disableAutoOpen: true });

    await user.click(screen.getByRole('button', { name: 'Create pair' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The browser closed the database, so nothing was saved.',
    );
    expectTypedValuesKept();
    await db.open();
    expect(await db.pairs.count()).toBe(0);
    expect(await db.people.toArray()).toEqual([alex]);
  });

  it('leaves an edited pair as it was when storage is full', async () => {
    const alex = await signInAs('mentor', { name: 'Alex Chen' });
    const sam = aPerson({ name: 'Sam Lee' });
    await db.people.add(sam);
    const pair = aPair({ mentorId: alex.id, menteeId: sam.id, goals: 'Old goals' });
    await db.pairs.add(pair);
    const { user } = renderApp(`/pairs/${pair.id}/edit`);
    await user.clear(await screen.findByLabelText('Goals'));
    await user.type(screen.getByLabelText('Goals'), 'New goals');
    failWritesTo(['pairs'], storageFull);

    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('out of storage space');
    expect(screen.getByLabelText('Goals')).toHaveValue('New goals');
    expect(await db.pairs.get(pair.id)).toEqual(pair);
  });
});
