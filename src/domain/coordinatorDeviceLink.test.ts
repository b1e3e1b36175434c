import { describe, expect, it } from 'vitest';
import { readInvitation } from './invitation';
import { coordinatorDeviceLink, readCoordinatorDeviceLink } from './coordinatorDeviceLink';

const link = {
  serverUrl: '/couch',
  personId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  name: 'Cora Coordinator',
  secret: 'q9V2mXc7Lr0aT4uYb8Ne1Kd6Wf3Hs5Zj2Gp0Oi9Rt_-',
};

describe('a link for another device of the coordinator’s', () => {
  it('carries the server, the person, their name and the secret in its fragment, and reads back whole', () => {
    const made = coordinatorDeviceLink('https://app.example', link);
    const url = new URL(made);
    expect(url.pathname).toBe('/join');
    expect(url.search).toBe('');
    expect(readCoordinatorDeviceLink(url.hash)).toEqual({ kind: 'link', link });
    // Not an invitation: it names no pair.
    expect(readInvitation(url.hash)).toBeNull();
  });

  it('is damaged when cut short or when a part is not what it should be', () => {
    const made = coordinatorDeviceLink('https://app.example', link);
    const fragment = new URL(made).hash;
    expect(readCoordinatorDeviceLink(fragment.slice(0, -5))).toEqual({ kind: 'damaged' });
    expect(readCoordinatorDeviceLink(fragment.replace(/user=[^&]+/, 'user=someone'))).toEqual({ kind: 'damaged' });
    expect(readCoordinatorDeviceLink(fragment.replace(/server=[^&]+/, 'server=%2F%2Fevil'))).toEqual({
      kind: 'damaged',
    });
  });

  it('is none at all for an invitation’s fragment or an empty one', () => {
    expect(readCoordinatorDeviceLink('')).toEqual({ kind: 'none' });
    expect(readCoordinatorDeviceLink('#server=%2Fcouch&user=x&pair=y')).toEqual({ kind: 'none' });
  });
});
