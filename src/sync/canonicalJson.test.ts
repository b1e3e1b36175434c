import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sameJson } from './canonicalJson';

/** Values as records hold them: JSON's, with keys that may be missing or undefined. */
const aValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, 1, 5, '', 'a', 'private', undefined),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'notes', '__proto__'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** The same object with its keys in the reverse order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).reverse()) copy[key] = reordered((value as Record<string, unknown>)[key]);
  return copy;
}

/** What canonicalJson was first: JSON.stringify of a copy with every object's keys sorted. */
function sortedCopyJson(value: unknown): string {
  const sortKeys = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sortKeys);
    if (item === null || typeof item !== 'object') return item;
    const sorted = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(item).sort()) sorted[key] = sortKeys((item as Record<string, unknown>)[key]);
    return sorted;
  };
  return JSON.stringify(sortKeys(value));
}

describe('canonicalJson', () => {
  it('writes what stringifying a copy with sorted keys writes, so that seals made before still open', () => {
    fc.assert(
      fc.property(
        fc.oneof(aValue, fc.jsonValue(), fc.anything({ withSparseArray: true, withNullPrototype: true })),
        (value) => {
          expect(canonicalJson(value)).toBe(sortedCopyJson(value));
        },
      ),
      { numRuns: 5000 },
    );
    expect(canonicalJson({ b: 1, 10: 1, 9: 1, a: 1, 4294967295: 1 })).toBe(
      sortedCopyJson({ b: 1, 10: 1, 9: 1, a: 1, 4294967295: 1 }),
    );
    expect(canonicalJson({ b: [1, undefined, 'x'], a: { d: null, c: undefined } })).toBe(
      '{"a":{"d":null},"b":[1,null,"x"]}',
    );
  });
});

describe('sameJson', () => {
  it('says what comparing the canonical JSON says, for any two values', () => {
    fc.assert(
      fc.property(aValue, aValue, (a, b) => {
        expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a value the same as itself with its keys in another order, and not with a key more', () => {
    fc.assert(
      fc.property(aValue, (a) => {
        expect(sameJson(a, reordered(a))).toBe(true);
      }),
    );
    const record = { id: 'c1', scores: { trust: 4 }, reflection: undefined };
    expect(sameJson(record, { scores: { trust: 4 }, id: 'c1' })).toBe(true);
    expect(sameJson(record, { scores: { trust: 4 }, id: 'c1', reflection: 'Kept to myself' })).toBe(false);
    expect(sameJson({ scores: { trust: 4 } }, { scores: { trust: 4, fairness: 2 } })).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameJson([undefined], [null])).toBe(true);
  });
});
