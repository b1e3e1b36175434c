/**
 * A small deterministic random source for generated data (the demo program, benchmarks): the same
 * seed gives the same sequence on every machine, so generated records can be compared in tests and
 * loaded twice without duplicating. Not for anything secret.
 */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** One of the items; throws on an empty list, which is always a programming error here. */
  pick<T>(items: readonly T[]): T;
  /** An id shaped like an RFC 4122 version 4 UUID, as `crypto.randomUUID()` writes them. */
  uuid(): string;
}

/** mulberry32: tiny, fast and well spread for a 32-bit state, which is all generated data needs. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (byte: number): string => byte.toString(16).padStart(2, '0');

export function seededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error('Cannot pick from an empty list.');
    return item;
  };

  const uuid = (): string => {
    const bytes = Array.from({ length: 16 }, () => int(0, 255));
    // The version nibble says "4" and the variant bits say "RFC 4122", so validators accept it.
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const h = bytes.map(hex).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };

  return { next, int, pick, uuid };
}
