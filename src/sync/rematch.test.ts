import { describe, expect, it } from 'vitest';
import { pairRole, PARTNER_ROLE } from './changeSignals';
import { rolesAfterLeaving } from './rematch';
import { COORDINATOR_ROLE } from './serverRules';

describe('a leaving partner’s roles', () => {
  const pairId = '6f1d2c3b-0000-4000-8000-000000000001';
  const other = '6f1d2c3b-0000-4000-8000-000000000002';

  it('lose the pair’s role and the partners’ role when they are in no other pair', () => {
    expect(rolesAfterLeaving([PARTNER_ROLE, pairRole(pairId)], pairId)).toEqual([]);
  });

  it('keep the partners’ role and the other pair’s role when they are a partner elsewhere', () => {
    expect(rolesAfterLeaving([PARTNER_ROLE, pairRole(pairId), pairRole(other)], pairId)).toEqual([
      PARTNER_ROLE,
      pairRole(other),
    ]);
  });

  it('keep a coordinator’s role', () => {
    expect(rolesAfterLeaving([COORDINATOR_ROLE, PARTNER_ROLE, pairRole(pairId)], pairId)).toEqual([COORDINATOR_ROLE]);
  });
});
