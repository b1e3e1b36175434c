import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aPair, aPerson } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords } from '../../test/seedRecords';
import { PAIRS_AT_FIRST } from './PairList';

/** A program of `count` pairs: mentor "Mentor 001" with mentee "Mentee 001", and so on. */
async function seedProgram(count: number, extra: { mentor: string; mentee: string }[] = []) {
  const named = [
    ...Array.from({ length: count }, (_, index) => ({
      mentor: `Mentor ${String(index + 1).padStart(3, '0')}`,
      mentee: `Mentee ${String(index + 1).padStart(3, '0')}`,
    })),
    ...extra,
  ];
  const people = named.flatMap(({ mentor, mentee }) => [aPerson({ name: mentor }), aPerson({ name: mentee })]);
  const pairs = named.map((_, index) =>
    aPair({ mentorId: people[index * 2]!.id, menteeId: people[index * 2 + 1]!.id }),
  );
  await seedRecords({ people, pairs });
}

const listed = () => within(screen.getByRole('list', { name: 'Pairs' })).getAllByRole('listitem');

describe('the pairs list of a large program', () => {
  it(`draws the first ${PAIRS_AT_FIRST} pairs by mentor's name, and all of them on request`, async () => {
    await signInAs('coordinator');
    await seedProgram(PAIRS_AT_FIRST + 20);
    const { user } = renderApp('/pairs');

    await screen.findByRole('list', { name: 'Pairs' });
    // A screenful in the first frame, the rest of the first hundred in the render after it.
    await waitFor(() => expect(listed()).toHaveLength(PAIRS_AT_FIRST));
    expect(listed()[0]).toHaveTextContent('Mentor 001');
    await user.click(screen.getByRole('button', { name: `Show all ${PAIRS_AT_FIRST + 20} pairs` }));
    expect(listed()).toHaveLength(PAIRS_AT_FIRST + 20);
    expect(listed().at(-1)).toHaveTextContent('Mentor 120');
  });

  it('finds pairs by either partner’s name, ignoring case and accents, and keeps the search in the address', async () => {
    await signInAs('coordinator');
    await seedProgram(30, [{ mentor: 'Zoë Ángel', mentee: 'Priya Raman' }]);
    const { user, router } = renderApp('/pairs');

    await user.type(await screen.findByLabelText('Find a pair by name'), 'zoe ang');
    expect(listed()).toHaveLength(1);
    expect(listed()[0]).toHaveTextContent('Zoë Ángel');
    expect(screen.getByText('1 pair matches “zoe ang”.')).toHaveAttribute('role', 'status');
    expect(router.state.location.search).toBe('?q=zoe+ang');

    await user.clear(screen.getByLabelText('Find a pair by name'));
    await user.type(screen.getByLabelText('Find a pair by name'), 'RAMAN');
    expect(listed()).toHaveLength(1);

    await user.clear(screen.getByLabelText('Find a pair by name'));
    await user.type(screen.getByLabelText('Find a pair by name'), 'nobody');
    expect(screen.queryByRole('list', { name: 'Pairs' })).not.toBeInTheDocument();
    expect(screen.getByText('No pair has a mentor or mentee whose name contains “nobody”.')).toHaveAttribute(
      'role',
      'status',
    );
  });

  it('opens with the search from the address', async () => {
    await signInAs('coordinator');
    await seedProgram(30);
    renderApp('/pairs?q=Mentee%20007');

    expect(await screen.findByLabelText('Find a pair by name')).toHaveValue('Mentee 007');
    expect(listed()).toHaveLength(1);
  });

  it('offers no search for a handful of pairs', async () => {
    await signInAs('coordinator');
    await seedProgram(3);
    renderApp('/pairs');

    await screen.findByRole('list', { name: 'Pairs' });
    expect(screen.queryByLabelText('Find a pair by name')).not.toBeInTheDocument();
  });
});
