import { describe, expect, it } from 'vitest';
import { estimatePasscode } from './passcodeStrength';

describe('estimatePasscode', () => {
  it('refuses fewer than six characters, a four-digit PIN included', () => {
    for (const short of ['', '1234', 'abc12', 'éèà']) {
      const estimate = estimatePasscode(short);
      expect(estimate).toMatchObject({ strength: 'too short', acceptable: false });
      expect(estimate.reasons[0]).toMatch(/at least 6 characters/);
    }
  });

  it('calls well-known passwords weak, decorated or not, and says why', () => {
    for (const known of ['password', 'Password1!', 'P@ssw0rd', 'qwerty', 'mentorlog']) {
      const estimate = estimatePasscode(known);
      expect(estimate.strength, known).toBe('weak');
      expect(estimate.reasons[0]).toMatch(/passwords people use most/);
    }
  });

  it('calls patterns and digits alone weak, with a reason for each', () => {
    expect(estimatePasscode('123456')).toMatchObject({ strength: 'weak', acceptable: true });
    expect(estimatePasscode('123456').reasons.join(' ')).toMatch(/pattern/);
    expect(estimatePasscode('aaaaaaaaaa').strength).toBe('weak');
    expect(estimatePasscode('839201').reasons.join(' ')).toMatch(/Digits alone/);
    expect(estimatePasscode('sunflower').reasons.join(' ')).toMatch(/single word/);
  });

  it('rates a phrase by its words: two are weak, three fair, four or more strong', () => {
    expect(estimatePasscode('river lantern').strength).toBe('weak');
    expect(estimatePasscode('river lantern orbit').strength).toBe('fair');
    expect(estimatePasscode('river lantern orbit').reasons[0]).toMatch(/Add more words/);
    const strong = estimatePasscode('river lantern orbit pebble');
    expect(strong.strength).toBe('strong');
    expect(strong.reasons[0]).toMatch(/phrase of 4 words/);
  });

  it('calls a long mix of kinds of characters strong and a short one fair or weak', () => {
    expect(estimatePasscode('T7#kq!Vz2@pW').strength).toBe('strong');
    expect(estimatePasscode('k7#Vq9').strength).toBe('fair');
  });
});
