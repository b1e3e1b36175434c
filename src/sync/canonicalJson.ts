/**
 * JSON with every object's keys in sorted order, so that two equal records give the same text
 * whatever order their fields were written in: the tie-break between two versions with the same
 * stamp compares it, and each sealed doc's additional data is its id and metadata in this form
 * (sealedDocument.ts). Written out directly rather than by stringifying a sorted copy: a coordinator's
 * first sync writes it for every one of 200,000 docs. `JSON.stringify` of a copy with its keys
 * sorted gives the same text (a property test says so).
 */
export function canonicalJson(value: unknown): string {
  // As JSON.stringify: undefined (or a function) alone gives undefined.
  return canonicalText(value) as string;
}

function canonicalText(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // In an array, as in JSON, what has no text (undefined, a function) is null.
  if (Array.isArray(value)) return `[${Array.from(value, (item) => canonicalText(item) ?? 'null').join(',')}]`;
  const source = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of inWrittenOrder(Object.keys(source))) {
    const text = canonicalText(source[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

/**
 * The keys sorted, in the order JSON.stringify wrote the sorted copy's: an object lists keys that
 * are array indices ("0", "7") first, by number, then the others in the order they were added.
 */
function inWrittenOrder(keys: string[]): string[] {
  const sorted = keys.sort();
  if (!sorted.some(isArrayIndex)) return sorted;
  const indices = sorted.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...sorted.filter((key) => !isArrayIndex(key))];
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/**
 * Whether two values give the same `canonicalJson`, worked out without writing either: every pulled
 * doc is checked this way against what its database may hold (checkPulledDocument.ts), and building
 * two sorted copies and their text for each of a program's 200,000 docs took ~4 s of a coordinator's
 * first sync (profiled at size M). Keys whose value is undefined count as absent, as in JSON.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // In an array, as in JSON, undefined is null.
    return a.every((item, index) => sameJson(item ?? null, b[index] ?? null));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = definedKeys(left);
  if (keys.length !== definedKeys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
}

function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}
