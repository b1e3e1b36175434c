import { describe, expect, it } from 'vitest';
import type { SyncStatus } from './startSync';
import { OFFLINE_MESSAGE, REFUSED_MESSAGE, toStatusView } from './syncStatusView';

const engine = (overrides: Partial<SyncStatus> = {}): SyncStatus => ({
  state: 'up-to-date',
  retryInMs: null,
  lastError: null,
  problems: [],
  lastSyncedAt: 1_000,
  refused: [],
  progress: null,
  ...overrides,
});
const context = { online: true, waiting: 0, essential: ['mentorlog-program'] };

describe('the sync status every screen shows', () => {
  it('is "starting" until the engine reports, with the changes already waiting', () => {
    expect(toStatusView(null, { ...context, waiting: 3 })).toMatchObject({ phase: 'starting', waiting: 3 });
  });

  it('says synced, and when', () => {
    expect(toStatusView(engine(), context)).toMatchObject({ phase: 'up-to-date', lastSyncedAt: 1_000, message: null });
  });

  it('shows a first sync’s progress', () => {
    const view = toStatusView(engine({ state: 'syncing', progress: { done: 40, total: 100 } }), context);
    expect(view).toMatchObject({ phase: 'syncing', progress: { done: 40, total: 100 } });
  });

  it('says offline when the browser is, whatever the engine last said, and keeps the waiting count', () => {
    const view = toStatusView(engine({ state: 'retrying', retryInMs: 4000 }), {
      ...context,
      online: false,
      waiting: 2,
    });
    expect(view).toMatchObject({ phase: 'offline', waiting: 2, message: OFFLINE_MESSAGE });
  });

  it('asks to sign in again when signed out, even offline', () => {
    const view = toStatusView(engine({ state: 'signed-out', lastError: 'Sign in again.' }), {
      ...context,
      online: false,
    });
    expect(view).toMatchObject({ phase: 'signed-out', message: 'Sign in again.' });
  });

  it('says the server refuses when a database the device cannot sync without is refused, not for one pair of many', () => {
    expect(toStatusView(engine({ refused: ['mentorlog-program'] }), context)).toMatchObject({
      phase: 'refused',
      message: REFUSED_MESSAGE,
    });
    expect(toStatusView(engine({ refused: ['mentorlog-shared-1'] }), context)).toMatchObject({ phase: 'up-to-date' });
  });

  it('says when it retries and why, and lists what was set aside with where in the document', () => {
    const view = toStatusView(
      engine({
        state: 'retrying',
        retryInMs: 2000,
        lastError: 'The sync server cannot be reached.',
        problems: [
          { database: 'db', docId: 'checkIn:1', field: 'content.scores.trust', message: 'Scores go from 1 to 5.' },
        ],
      }),
      context,
    );
    expect(view).toMatchObject({
      phase: 'retrying',
      retryInMs: 2000,
      message: 'The sync server cannot be reached.',
      problems: [{ database: 'db', docId: 'checkIn:1', message: 'content.scores.trust: Scores go from 1 to 5.' }],
    });
  });
});
