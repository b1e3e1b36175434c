import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/database';
import type { Session } from '../../domain/session';
import type { Visibility } from '../../domain/checkIn';
import { aPair, aPerson, aSession } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords, storedRecords, storedSession } from '../../test/seedRecords';
import { useViewerStore } from '../../state/viewerStore';

async function aPairOfAlexAndSam() {
  const alex = await signInAs('mentor', { name: 'Alex Chen' });
  const sam = aPerson({ name: 'Sam Lee' });
  await db.people.add(sam);
  const pair = aPair({ mentorId: alex.id, menteeId: sam.id, startDate: '2025-06-01' });
  await db.pairs.add(pair);
  return { alex, sam, pair };
}

/** A session the mentor logged, its words made of `canary` so that a test can look for them anywhere. */
function loggedByAlex(pair: { id: string; mentorId: string }, notesVisibility: Visibility, canary: string): Session {
  return aSession({
    pairId: pair.id,
    loggedBy: 'mentor',
    loggedById: pair.mentorId,
    notesVisibility,
    date: '2026-02-10',
    durationMinutes: 50,
    mode: 'phone',
    topics: [`${canary} topic`],
    notes: `${canary} notes`,
    actionItems: [
      { id: crypto.randomUUID(), text: `${canary} item`, owner: 'mentee', dueDate: '2099-03-01', done: false },
    ],
  });
}

const radio = (name: string) => screen.getByRole('radio', { name });

describe('who sees a session’s words, on the form', () => {
  it('offers the three visibilities in the check-in’s words, says who sees what, and starts at both of us', async () => {
    const { pair } = await aPairOfAlexAndSam();
    const { user } = renderApp(`/pairs/${pair.id}/sessions/new`);

    const group = await screen.findByRole('group', { name: 'Who can see the notes, topics and action items?' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((option) => option.closest('label')?.textContent),
    ).toEqual(['Only me', 'Me and my partner', 'My partner and the program coordinator']);
    expect(radio('Me and my partner')).toBeChecked();
    expect(group).toHaveTextContent(
      'The program coordinator always sees when you met, for how long and how, and each action item’s owner, due date and whether it is done; the words only if you choose “My partner and the program coordinator”.',
    );

    await user.click(screen.getByRole('button', { name: 'Save session' }));
    expect(await screen.findByText('Session saved.')).toBeInTheDocument();
    expect((await storedRecords()).sessions.map((session) => session.notesVisibility)).toEqual(['pair']);
  });

  it('saves the visibility chosen', async () => {
    const { pair } = await aPairOfAlexAndSam();
    const { user } = renderApp(`/pairs/${pair.id}/sessions/new`);
    await user.type(await screen.findByLabelText('Notes'), 'Kept to myself.');
    await user.click(radio('Only me'));
    await user.click(screen.getByRole('button', { name: 'Save session' }));

    expect(await screen.findByText('Session saved.')).toBeInTheDocument();
    expect((await storedRecords()).sessions).toEqual([
      expect.objectContaining({ notes: 'Kept to myself.', notesVisibility: 'private' }),
    ]);
  });
});

describe('who sees a session’s words, later', () => {
  it('lets the partner who logged it change who sees them, on the session’s page', async () => {
    const { pair } = await aPairOfAlexAndSam();
    const session = loggedByAlex(pair, 'pair', 'CANARY');
    await seedRecords({ sessions: [session] });
    const { user } = renderApp(`/pairs/${pair.id}/sessions/${session.id}`);

    const form = await screen.findByRole('form', { name: 'Who sees what you wrote' });
    expect(within(form).getByRole('radio', { name: 'Me and my partner' })).toBeChecked();
    await user.click(within(form).getByRole('radio', { name: 'My partner and the program coordinator' }));
    await user.click(within(form).getByRole('button', { name: 'Save who can see it' }));

    expect(await within(form).findByRole('status')).toHaveTextContent('Saved.');
    expect(await storedSession(session.id)).toEqual({
      ...session,
      notesVisibility: 'program',
      updatedAt: expect.any(String) as string,
    });
    expect((await storedSession(session.id))?.updatedAt).not.toBe(session.updatedAt);
  });

  it('offers the change to no one else: the partner sees the words and no form', async () => {
    const { sam, pair } = await aPairOfAlexAndSam();
    const session = loggedByAlex(pair, 'pair', 'CANARY');
    await seedRecords({ sessions: [session] });
    useViewerStore.getState().setViewer(sam.id, 'mentee');
    renderApp(`/pairs/${pair.id}/sessions/${session.id}`);

    expect(await screen.findByText('CANARY notes')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Who sees what you wrote' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save who can see it' })).not.toBeInTheDocument();
  });
});

describe('a session whose words are held from the viewer', () => {
  it('shows the partner its facts and one line saying the mentor kept the words, on its page', async () => {
    const { sam, pair } = await aPairOfAlexAndSam();
    const session = loggedByAlex(pair, 'private', 'CANARY');
    await seedRecords({ sessions: [session] });
    useViewerStore.getState().setViewer(sam.id, 'mentee');
    const { container } = renderApp(`/pairs/${pair.id}/sessions/${session.id}`);

    expect(
      await screen.findByText('The mentor kept this session’s notes, topics and action items to themselves.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Phone')).toBeInTheDocument();
    expect(screen.getByText('50 minutes')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Notes' })).not.toBeInTheDocument();
    expect(screen.queryByText('Topics')).not.toBeInTheDocument();
    // The action item: its owner, due date and done state, and no text.
    const item = screen.getByRole('checkbox', {
      name: /^An action item the mentor kept to themselves, from the session on/,
    });
    expect(item).not.toBeChecked();
    expect(item.closest('li')).toHaveTextContent('Mentee · due');
    expect(container.textContent).not.toContain('CANARY');
  });

  it('shows the coordinator on the pair’s page what was shared with the program, and a line for the rest', async () => {
    const { pair } = await aPairOfAlexAndSam();
    const sessions = [
      loggedByAlex(pair, 'private', 'KEPT'),
      { ...loggedByAlex(pair, 'pair', 'BETWEEN'), date: '2026-02-12' },
      { ...loggedByAlex(pair, 'program', 'SHARED'), date: '2026-02-14' },
    ];
    await seedRecords({ sessions });
    await signInAs('coordinator', { name: 'Morgan Reyes' });
    const { container } = renderApp(`/pairs/${pair.id}`);

    expect(await screen.findByText('Topics: SHARED topic')).toBeInTheDocument();
    expect(screen.getByText('SHARED notes')).toBeInTheDocument();
    expect(
      screen.getByText('The mentor kept this session’s notes, topics and action items to themselves.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('This session’s notes, topics and action items were kept between the partners.'),
    ).toBeInTheDocument();
    // Open action items: the shared one's text; the others' owners and due dates, without text.
    const open = screen.getByRole('region', { name: 'Open action items' });
    expect(within(open).getByRole('checkbox', { name: 'SHARED item' })).toBeDisabled();
    expect(
      within(open).getAllByRole('checkbox', {
        name: /^An action item (the mentor kept to themselves|kept between the partners)/,
      }),
    ).toHaveLength(2);
    expect(within(open).getAllByText(/^Mentee · due/)).toHaveLength(3);
    expect(container.textContent).not.toMatch(/KEPT|BETWEEN/);
  });

  it('shows the partner the words kept between the partners, and not the other partner’s private ones', async () => {
    const { sam, pair } = await aPairOfAlexAndSam();
    await seedRecords({
      sessions: [
        loggedByAlex(pair, 'private', 'KEPT'),
        { ...loggedByAlex(pair, 'pair', 'BETWEEN'), date: '2026-02-12' },
      ],
    });
    useViewerStore.getState().setViewer(sam.id, 'mentee');
    const { container } = renderApp(`/pairs/${pair.id}`);

    expect(await screen.findByText('BETWEEN notes')).toBeInTheDocument();
    expect(
      screen.getByText('The mentor kept this session’s notes, topics and action items to themselves.'),
    ).toBeInTheDocument();
    expect(container.textContent).not.toContain('KEPT');
  });

  it('shows the author their own private session whole, saying who sees it', async () => {
    const { pair } = await aPairOfAlexAndSam();
    await seedRecords({ sessions: [loggedByAlex(pair, 'private', 'KEPT')] });
    renderApp(`/pairs/${pair.id}`);

    expect(await screen.findByText('KEPT notes')).toBeInTheDocument();
    expect(screen.getByText(/· Words: only me$/)).toBeInTheDocument();
    expect(screen.queryByText(/kept this session’s notes/)).not.toBeInTheDocument();
  });
});
