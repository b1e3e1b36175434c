import { describe, expect, it } from 'vitest';
import { CODE_LENGTH, formatCode, invitationLink, newOneTimeCode, normalizeCode, readInvitation } from './invitation';

const invitation = {
  serverUrl: '/couch',
  personId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  pairId: '0f1e2d3c-4b5a-4968-8776-655443322110',
  name: 'Sam Lee',
  rev: '3-9a8b7c',
  code: null,
  secret: 'q9V2mXc7Lr0aT4uYb8Ne1Kd6Wf3Hs5Zj2Gp0Oi9Rt_-',
};

describe('one-time codes', () => {
  it('are 12 characters of Crockford base32, 60 bits from the random source', () => {
    const code = newOneTimeCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(CODE_LENGTH * Math.log2(32)).toBeGreaterThanOrEqual(60);
    expect(newOneTimeCode((bytes) => bytes.fill(255))).toBe('ZZZZZZZZZZZZ');
    expect(newOneTimeCode((bytes) => bytes.fill(32 + 10))).toBe('AAAAAAAAAAAA');
  });

  it('differ from one invitation to the next', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newOneTimeCode()));
    expect(codes.size).toBe(200);
  });

  it('read back as typed by hand: groups, lower case, O for 0 and I or L for 1', () => {
    const code = newOneTimeCode();
    expect(normalizeCode(formatCode(code).toLowerCase())).toBe(code);
    expect(formatCode('7KQ2M9XD4TPB')).toBe('7KQ2-M9XD-4TPB');
    expect(normalizeCode(' 7kq2-m9xd-4tpb ')).toBe('7KQ2M9XD4TPB');
    expect(normalizeCode('O1IL-0000-0000')).toBe('011100000000');
    expect(normalizeCode('7KQ2-M9XD-4TP')).toBeNull();
    expect(normalizeCode('7KQ2-M9XD-4TPU')).toBeNull();
  });
});

describe('invitation links', () => {
  it('carry everything in the fragment, and the code only when asked to', () => {
    const link = invitationLink('https://app.example.org', invitation);
    const [beforeFragment, fragment] = link.split('#');
    expect(beforeFragment).toBe('https://app.example.org/join');
    expect(readInvitation(`#${fragment}`)).toEqual(invitation);

    const withCode = invitationLink('https://app.example.org', { ...invitation, code: '7KQ2M9XD4TPB' });
    expect(withCode.split('#')[0]).toBe('https://app.example.org/join');
    expect(readInvitation(withCode.slice(withCode.indexOf('#')))?.code).toBe('7KQ2M9XD4TPB');
    expect(link).not.toContain('code=');
    expect(readInvitation(`#${fragment}`)?.secret).toBe(invitation.secret);
  });

  it('are refused when damaged or pointing at something that is not a server', () => {
    const fragment = (fields: Record<string, string>) =>
      `#${new URLSearchParams({ server: '/couch', user: invitation.personId, pair: invitation.pairId, ...fields })}`;
    expect(readInvitation('')).toBeNull();
    expect(readInvitation(fragment({ user: 'admin' }))).toBeNull();
    expect(readInvitation(fragment({ pair: '../_users' }))).toBeNull();
    expect(readInvitation(fragment({ server: 'javascript:alert(1)' }))).toBeNull();
    expect(readInvitation(fragment({ server: '//elsewhere.example' }))).toBeNull();
    expect(readInvitation(fragment({ rev: 'not a rev', code: 'short' }))).toMatchObject({ rev: null, code: null });
    expect(readInvitation(fragment({ key: 'too-short' }))).toMatchObject({ secret: null });
    expect(readInvitation(fragment({ key: `${invitation.secret.slice(1)}+` }))).toMatchObject({ secret: null });
  });
});
