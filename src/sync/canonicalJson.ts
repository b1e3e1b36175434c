/**
 * JSON with every object's keys in sorted order, so that two equal records give the same text
 * whatever order their fields were written in: the tie-break between two versions with the same
 * stamp compares it, and so does the check that a pulled doc holds no more than its database may.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  // An object with a null prototype, so that a key named "__proto__" stays data.
  const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(source).sort()) sorted[key] = sortKeys(source[key]);
  return sorted;
}
