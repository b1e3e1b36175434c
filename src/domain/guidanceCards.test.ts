import { describe, expect, it } from 'vitest';
import { builtInCharacteristics } from './characteristic';
import { guidanceCardSchema, guidanceTriggerSchema } from './guidance';
import { guidanceCards } from './guidanceCards';
import { sides } from './side';

const POST_TITLE = 'Key Mentorship Characteristics — "TRUST" (Part 3)';

/** Every contributor to the seed post, with the organisation they wrote for. */
const contributors = [
  { contributor: 'John Kuypers', organisation: 'Performance Shift Consulting' },
  { contributor: 'Neil Kaarsemaker', organisation: 'Canadian Manufacturers & Exporters, Alberta Division' },
  { contributor: 'Dan Gaynor', organisation: 'Gaynor Consulting Inc.' },
  { contributor: 'Darel Baker', organisation: 'Keldar Leadership Solutions' },
  { contributor: 'Ian Hope', organisation: 'Ian Hope and Associates' },
  { contributor: 'ProVision Mentorship', organisation: 'ProVision Mentorship' },
];

describe('the guidance library', () => {
  it('has every card in the shape the schema requires', () => {
    for (const card of guidanceCards) {
      const result = guidanceCardSchema.safeParse(card);
      expect(result.success, `${card.id}: ${result.error?.message ?? ''}`).toBe(true);
    }
  });

  it('gives every card its own id', () => {
    const ids = guidanceCards.map((card) => card.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('speaks only of built-in characteristics', () => {
    const known = new Set(builtInCharacteristics.map((characteristic) => characteristic.id));
    for (const card of guidanceCards) {
      for (const id of card.characteristicIds) expect(known.has(id), `${card.id} names ${id}`).toBe(true);
    }
  });

  it('credits the post and its date on every card', () => {
    for (const card of guidanceCards) {
      expect(card.source.postTitle, card.id).toBe(POST_TITLE);
      expect(card.source.postDate, card.id).toBe('2013-03-23');
    }
  });

  it('has guidance for both mentors and mentees on every built-in characteristic', () => {
    for (const { id } of builtInCharacteristics) {
      for (const side of sides) {
        const found = guidanceCards.filter(
          (card) => card.characteristicIds.includes(id) && (card.audience === side || card.audience === 'both'),
        );
        expect(found.length, `${id} for the ${side}`).toBeGreaterThan(0);
      }
    }
  });

  it('has an any-time card for every characteristic and side, so a check-in always gets guidance', () => {
    for (const { id } of builtInCharacteristics) {
      for (const side of sides) {
        const found = guidanceCards.filter(
          (card) =>
            card.characteristicIds.includes(id) &&
            (card.audience === side || card.audience === 'both') &&
            card.appliesWhen.includes('always'),
        );
        expect(found.length, `${id} for the ${side}`).toBeGreaterThan(0);
      }
    }
  });

  it('represents every contributor to the post under their own organisation', () => {
    for (const { contributor, organisation } of contributors) {
      const theirs = guidanceCards.filter((card) => card.source.contributor === contributor);
      expect(theirs.length, contributor).toBeGreaterThan(0);
      for (const card of theirs) expect(card.source.organisation, card.id).toBe(organisation);
    }
  });

  it('credits Crano’s book on the commenter’s cards', () => {
    const commenter = guidanceCards.filter((card) => card.source.contributor === 'ProVision Mentorship');
    for (const card of commenter) {
      expect(card.source.citedWork, card.id).toMatch(/William D\. Crano.*The Rules of Influence/);
    }
  });

  it('uses every trigger', () => {
    for (const trigger of guidanceTriggerSchema.options) {
      expect(
        guidanceCards.some((card) => card.appliesWhen.includes(trigger)),
        trigger,
      ).toBe(true);
    }
  });
});
