import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/database';
import { builtInCharacteristics } from '../../domain/characteristic';
import { useViewerStore } from '../../state/viewerStore';
import { aCheckIn, aPair, aPerson } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords, storedRecords } from '../../test/seedRecords';

async function samChecksInWithAlex() {
  const sam = await signInAs('mentee', { name: 'Sam Lee' });
  const alex = aPerson({ name: 'Alex Chen' });
  await db.people.add(alex);
  const pair = aPair({ mentorId: alex.id, menteeId: sam.id });
  await db.pairs.add(pair);
  return { alex, sam, pair };
}

describe('checking in', () => {
  it('shows each characteristic with the mentee’s prompt and a label on every point', async () => {
    const { pair } = await samChecksInWithAlex();
    renderApp(`/pairs/${pair.id}/check-ins/new`);
    const trust = await screen.findByRole('group', { name: 'Trust' });
    expect(within(trust).getByText(builtInCharacteristics[0]?.prompts.mentee ?? 'missing')).toBeInTheDocument();
    expect(within(trust).getAllByRole('radio')).toHaveLength(5);
    expect(within(trust).getByRole('radio', { name: /1\s*Guarded/ })).toBeInTheDocument();
  });

  it('keeps the mentee’s reflection private and shares scores with the program by default', async () => {
    const { pair } = await samChecksInWithAlex();
    renderApp(`/pairs/${pair.id}/check-ins/new`);
    const scores = await screen.findByRole('group', { name: 'Who can see your scores?' });
    const words = screen.getByRole('group', { name: 'Who can see your reflection and comments?' });
    expect(within(scores).getByRole('radio', { name: 'My partner and the program coordinator' })).toBeChecked();
    expect(within(words).getByRole('radio', { name: 'Only me' })).toBeChecked();
  });

  it('names every characteristic left unrated and keeps the reflection typed', async () => {
    const { pair } = await samChecksInWithAlex();
    const { user } = renderApp(`/pairs/${pair.id}/check-ins/new`);
    await user.click(within(await screen.findByRole('group', { name: 'Trust' })).getByRole('radio', { name: /^2/ }));
    await user.type(screen.getByLabelText('Reflection (optional)'), 'Hard to say this.');
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));

    expect(await screen.findAllByText('Choose a score from 1 to 5.')).toHaveLength(4);
    expect(screen.getByLabelText('Reflection (optional)')).toHaveValue('Hard to say this.');
    expect(within(screen.getByRole('group', { name: 'Trust' })).getByRole('radio', { name: /^2/ })).toBeChecked();
    expect((await storedRecords()).checkIns).toHaveLength(0);
  });

  it('saves a low trust score and answers with trust guidance for the mentee', async () => {
    const { pair, sam } = await samChecksInWithAlex();
    const { user } = renderApp(`/pairs/${pair.id}/check-ins/new`);
    for (const characteristic of builtInCharacteristics) {
      const score = characteristic.id === 'trust' ? /^2/ : /^4/;
      await user.click(
        within(await screen.findByRole('group', { name: characteristic.name })).getByRole('radio', { name: score }),
      );
    }
    await user.type(screen.getByLabelText('Reflection (optional)'), 'I hold back in our sessions.');
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));

    expect(await screen.findByText('Check-in saved.')).toHaveAttribute('role', 'status');
    const guidance = screen.getByRole('region', { name: 'Guidance for what you rated' });
    expect(within(guidance).getAllByRole('article').length).toBeGreaterThan(0);
    expect(within(guidance).getAllByText(/Trust was rated 2/).length).toBeGreaterThan(0);
    const {
      checkIns: [saved],
    } = await storedRecords();
    expect(saved).toMatchObject({
      side: 'mentee',
      raterId: sam.id,
      scores: { trust: 2, fairness: 4 },
      notesVisibility: 'private',
    });
  });

  it('never shows the mentee’s private reflection to the mentor', async () => {
    const { pair, alex, sam } = await samChecksInWithAlex();
    await seedRecords({
      checkIns: [
        aCheckIn({
          pairId: pair.id,
          raterId: sam.id,
          side: 'mentee',
          reflection: 'Secret worry',
          notesVisibility: 'private',
          scores: { trust: 2 },
        }),
      ],
    });
    useViewerStore.getState().setViewer(alex.id, 'mentor');
    renderApp(`/pairs/${pair.id}`);
    expect(await screen.findByText("Mentee's check-in", { exact: false })).toBeInTheDocument();
    expect(screen.getByText(/2 of 5/)).toBeInTheDocument();
    expect(screen.queryByText('Secret worry')).not.toBeInTheDocument();
  });
});
