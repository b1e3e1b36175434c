import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/database';
import { useViewerStore } from '../../state/viewerStore';
import { renderApp } from '../../test/renderApp';

describe('Welcome', () => {
  it('sends a first-time visitor to the welcome screen', async () => {
    renderApp('/pairs');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Mentorlog' })).toBeInTheDocument();
  });

  it('asks for a name before starting, and keeps the chosen role', async () => {
    const { user } = renderApp('/welcome');
    await user.click(await screen.findByRole('radio', { name: /Mentee/ }));
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    expect(screen.getByLabelText('Your name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('radio', { name: /Mentee/ })).toBeChecked();
    expect(await db.people.count()).toBe(0);
  });

  it('creates the person, remembers them as the viewer and opens their pairs', async () => {
    const { user } = renderApp('/welcome');
    await user.type(await screen.findByLabelText('Your name'), 'Alex Chen');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your pairs' })).toBeInTheDocument();
    const [person] = await db.people.toArray();
    expect(person?.name).toBe('Alex Chen');
    expect(useViewerStore.getState()).toMatchObject({ personId: person?.id, role: 'mentor' });
  });

  it('loads the demo program and views it as the coordinator', async () => {
    const { user } = renderApp('/welcome');
    await user.click(await screen.findByRole('button', { name: 'Explore a demo program' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pairs' }, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(async () => expect(await db.pairs.count()).toBeGreaterThanOrEqual(10));
    expect(useViewerStore.getState().role).toBe('coordinator');
  });
});
