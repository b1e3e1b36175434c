import { screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/database';
import { builtInCharacteristics } from '../../domain/characteristic';
import { aPair, aPerson } from '../../test/builders';
import {
  failWritesTo,
  failWritesWhenTold,
  installFailingWrites,
  stopFailingWrites,
  storageFull,
} from '../../test/failingWrites';
import { renderApp, signInAs } from '../../test/renderApp';
import { storedRecords } from '../../test/seedRecords';

beforeAll(installFailingWrites);
afterEach(stopFailingWrites);

const REFLECTION = 'I hold back in our sessions.';

async function samChecksInWithAlex() {
  const sam = await signInAs('mentee', { name: 'Sam Lee' });
  const alex = aPerson({ name: 'Alex Chen' });
  await db.people.add(alex);
  const pair = aPair({ mentorId: alex.id, menteeId: sam.id });
  await db.pairs.add(pair);
  return pair;
}

const scoreFor = (id: string) => (id === 'trust' ? /^2/ : /^4/);

async function fillCheckIn(user: ReturnType<typeof renderApp>['user']) {
  for (const characteristic of builtInCharacteristics) {
    const group = await screen.findByRole('group', { name: characteristic.name });
    await user.click(within(group).getByRole('radio', { name: scoreFor(characteristic.id) }));
  }
  await user.type(screen.getByLabelText('Comment on trust (optional)'), 'Not yet.');
  await user.type(screen.getByLabelText('Reflection (optional)'), REFLECTION);
  const words = screen.getByRole('group', { name: 'Who can see your reflection and comments?' });
  await user.click(within(words).getByRole('radio', { name: 'Me and my partner' }));
}

function expectTypedValuesKept() {
  for (const characteristic of builtInCharacteristics) {
    const group = screen.getByRole('group', { name: characteristic.name });
    expect(within(group).getByRole('radio', { name: scoreFor(characteristic.id) })).toBeChecked();
  }
  expect(screen.getByLabelText('Comment on trust (optional)')).toHaveValue('Not yet.');
  expect(screen.getByLabelText('Reflection (optional)')).toHaveValue(REFLECTION);
  const words = screen.getByRole('group', { name: 'Who can see your reflection and comments?' });
  expect(within(words).getByRole('radio', { name: 'Me and my partner' })).toBeChecked();
}

describe('when saving a check-in fails', () => {
  it('says storage is full, keeps every score and word and saves nothing', async () => {
    const pair = await samChecksInWithAlex();
    const { user } = renderApp(`/pairs/${pair.id}/check-ins/new`);
    await fillCheckIn(user);
    // Check-ins are stored in their pair's month logs (src/db/monthLogs.ts).
    failWritesTo(['monthLogs'], storageFull);

    await user.click(screen.getByRole('button', { name: 'Save check-in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This device is out of storage space, so nothing was saved.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Check in' })).toBeInTheDocument();
    expectTypedValuesKept();
    expect((await storedRecords()).checkIns).toHaveLength(0);
  });

  it('shows the check-in while it is written, and opens the form again with every score and word when the write then fails', async () => {
    const pair = await samChecksInWithAlex();
    const sessionId = crypto.randomUUID();
    const { user, router } = renderApp(`/pairs/${pair.id}/check-ins/new?session=${sessionId}`);
    await fillCheckIn(user);
    const fail = failWritesWhenTold(['monthLogs'], storageFull);

    await user.click(screen.getByRole('button', { name: 'Save check-in' }));

    // The check-in's page shows it at once, and does not call it saved until it is.
    expect(await screen.findByText(REFLECTION)).toBeInTheDocument();
    expect(screen.getByText('Saving the check-in…')).toHaveAttribute('role', 'status');
    fail();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This device is out of storage space, so nothing was saved.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Check in' })).toBeInTheDocument();
    expectTypedValuesKept();
    expect(screen.queryByText('Check-in saved.')).not.toBeInTheDocument();
    // The form is back where it was, still tied to its session.
    expect(router.state.location.search).toBe(`?session=${sessionId}`);
    expect((await storedRecords()).checkIns).toHaveLength(0);
  });

  it('says the database was closed, keeps every score and word and saves nothing', async () => {
    const pair = await samChecksInWithAlex();
    const { user } = renderApp(`/pairs/${pair.id}/check-ins/new`);
    await fillCheckIn(user);
    db.close({ disableAutoOpen: true });

    await user.click(screen.getByRole('button', { name: 'Save check-in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The browser closed the database, so nothing was saved.',
    );
    expectTypedValuesKept();
    await db.open();
    expect((await storedRecords()).checkIns).toHaveLength(0);
  });
});
