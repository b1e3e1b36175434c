/*
 * Counts in English words, so that every screen and message reads right at 0, 1 and many:
 * "no records", "1 record", "2,345 records"; "1 record was", "2 records were", "No records were".
 * The plural is chosen by Intl.PluralRules and the number written by Intl.NumberFormat, in English,
 * the language of the words around them.
 */

const pluralRules = new Intl.PluralRules('en-US');
const numbers = new Intl.NumberFormat('en-US');

/** A noun in its two English forms. */
export interface Noun {
  one: string;
  other: string;
}

export const nouns = {
  record: { one: 'record', other: 'records' },
  person: { one: 'person', other: 'people' },
  pair: { one: 'pair', other: 'pairs' },
  session: { one: 'session', other: 'sessions' },
  checkIn: { one: 'check-in', other: 'check-ins' },
  problem: { one: 'problem', other: 'problems' },
} as const satisfies Record<string, Noun>;

/** The form that goes with `count`: `plural(1, { one: 'was', other: 'were' })` is "was". */
export function plural(count: number, forms: Noun): string {
  return pluralRules.select(count) === 'one' ? forms.one : forms.other;
}

/** "no records", "1 record", "2,345 records". */
export function countOf(count: number, noun: Noun): string {
  return count === 0 ? `no ${noun.other}` : `${numbers.format(count)} ${plural(count, noun)}`;
}

/** "No records were", "1 record was", "2 records were": `countOf` with its verb, at the start of a sentence. */
export function countWas(count: number, noun: Noun): string {
  const counted = countOf(count, noun);
  return `${counted.charAt(0).toUpperCase()}${counted.slice(1)} ${plural(count, { one: 'was', other: 'were' })}`;
}

/** A whole number as the words around it write it: "2,345". */
export function formatCount(count: number): string {
  return numbers.format(count);
}
