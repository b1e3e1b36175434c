import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/database';
import { localToday } from '../../domain/dates';
import { aPair, aPerson, aSession } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords, storedRecords, storedSession } from '../../test/seedRecords';

async function aPairOfAlexAndSam() {
  const alex = await signInAs('mentor', { name: 'Alex Chen' });
  const sam = aPerson({ name: 'Sam Lee' });
  await db.people.add(sam);
  const pair = aPair({ mentorId: alex.id, menteeId: sam.id });
  await db.pairs.add(pair);
  return { alex, sam, pair };
}

describe('logging a session', () => {
  it('defaults to today and logs the session as the viewer’s side, with action items', async () => {
    const { alex, pair } = await aPairOfAlexAndSam();
    const { user } = renderApp(`/pairs/${pair.id}/sessions/new`);

    expect(await screen.findByLabelText('Date')).toHaveValue(localToday());
    await user.selectOptions(screen.getByLabelText('Mode'), 'Video call');
    await user.type(screen.getByLabelText('Topics'), 'career, feedback');
    await user.type(screen.getByLabelText('Notes'), 'Talked about the promotion case.');
    await user.click(screen.getByRole('button', { name: 'Add an action item' }));
    await user.type(screen.getByLabelText('Action item 1'), 'Draft the case');
    await user.click(screen.getByRole('button', { name: 'Save session' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Alex Chen & Sam Lee' })).toBeInTheDocument();
    expect(await screen.findByText('Session saved.')).toHaveAttribute('role', 'status');
    const {
      sessions: [session],
    } = await storedRecords();
    expect(session).toMatchObject({
      pairId: pair.id,
      date: localToday(),
      mode: 'video',
      topics: ['career', 'feedback'],
      loggedBy: 'mentor',
      loggedById: alex.id,
      durationMinutes: 45,
    });
    expect(session?.actionItems).toEqual([
      expect.objectContaining({ text: 'Draft the case', owner: 'mentee', done: false, dueDate: null }),
    ]);
    expect(screen.getByText('Draft the case')).toBeInTheDocument();
  });

  it('refuses a date decades before the pair started, with the rule an import holds it to, and saves nothing', async () => {
    const { pair } = await aPairOfAlexAndSam();
    const { user } = renderApp(`/pairs/${pair.id}/sessions/new`);
    const date = await screen.findByLabelText('Date');
    await user.clear(date);
    await user.type(date, '1901-01-01');
    await user.click(screen.getByRole('button', { name: 'Save session' }));

    expect(
      await screen.findByText(`This date is more than 1 year before its pair started (${pair.startDate}).`),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Date')).toHaveAttribute('aria-invalid', 'true');
    expect(await storedRecords()).toEqual({ sessions: [], checkIns: [] });
  });

  it('keeps everything typed when the duration is invalid, and saves nothing', async () => {
    const { pair } = await aPairOfAlexAndSam();
    const { user } = renderApp(`/pairs/${pair.id}/sessions/new`);
    await user.type(await screen.findByLabelText('Notes'), 'Important notes');
    await user.clear(screen.getByLabelText('Duration (minutes)'));
    await user.type(screen.getByLabelText('Duration (minutes)'), '0');
    await user.click(screen.getByRole('button', { name: 'Save session' }));

    expect(await screen.findByText('A session lasts at least 1 minute.')).toBeInTheDocument();
    expect(screen.getByLabelText('Duration (minutes)')).toHaveAccessibleDescription(
      'A session lasts at least 1 minute.',
    );
    expect(screen.getByLabelText('Notes')).toHaveValue('Important notes');
    expect((await storedRecords()).sessions).toHaveLength(0);
  });

  it('tells someone outside the pair that only its partners can log', async () => {
    const { pair } = await aPairOfAlexAndSam();
    await signInAs('coordinator', { name: 'Morgan' });
    renderApp(`/pairs/${pair.id}/sessions/new`);
    expect(
      await screen.findByRole('heading', { name: "Only the pair's partners can log a session" }),
    ).toBeInTheDocument();
  });

  it('ticks off an action item later from the pair page', async () => {
    const { pair } = await aPairOfAlexAndSam();
    const item = {
      id: crypto.randomUUID(),
      text: 'Read the book',
      owner: 'mentee' as const,
      dueDate: null,
      done: false,
    };
    const session = aSession({ pairId: pair.id, actionItems: [item] });
    await seedRecords({ sessions: [session] });
    const { user } = renderApp(`/pairs/${pair.id}`);

    await user.click(await screen.findByRole('checkbox', { name: 'Read the book' }));
    expect(await screen.findByText('No open action items.')).toBeInTheDocument();
    expect((await storedSession(session.id))?.actionItems[0]?.done).toBe(true);
  });
});
