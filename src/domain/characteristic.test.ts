import { describe, expect, it } from 'vitest';
import { builtInCharacteristics, characteristicSchema } from './characteristic';

describe('built-in characteristics', () => {
  it('are the five the program rates, in order', () => {
    expect(builtInCharacteristics.map((c) => c.id)).toEqual([
      'trust',
      'non-judgment',
      'competence',
      'integrity',
      'fairness',
    ]);
  });

  it.each(builtInCharacteristics)(
    '$name is valid data with a label for every point and a prompt for each side',
    (characteristic) => {
      expect(characteristicSchema.parse(characteristic)).toEqual(characteristic);
      expect(characteristic.scaleLabels.every((label) => label.length > 0)).toBe(true);
      expect(characteristic.prompts.mentor).not.toEqual(characteristic.prompts.mentee);
    },
  );
});
