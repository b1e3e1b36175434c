/*
 * How hard a passcode is to guess, told as a person can act on it. A rough estimate of the guesses
 * an attacker holding the device's storage would need, in bits, with the patterns people reach for
 * taken out: a run of one character, a sequence (123456, abcdef, qwerty), a well-known password,
 * digits only. Every guess costs the attacker a full key derivation (src/crypto/passcodeKey.ts), so
 * "strong" is set where even many machines guessing for years would not get through.
 */

export const MIN_PASSCODE_LENGTH = 6;

export type PasscodeStrength = 'too short' | 'weak' | 'fair' | 'strong';

export interface PasscodeEstimate {
  strength: PasscodeStrength;
  /** Whether it may be set: at least MIN_PASSCODE_LENGTH characters. */
  acceptable: boolean;
  /** What makes it weaker or stronger, in the person's words; the first is the most useful. */
  reasons: string[];
}

/*
 * At 600,000 PBKDF2 iterations a guess costs a high-end graphics card about 1/15,000 s: 2^36 guesses
 * take it about two months, 2^50 over two thousand years.
 */
const FAIR_BITS = 36;
const STRONG_BITS = 50;
/** A word of a phrase is taken to be one of a few thousand common words (~12.5 bits), not random letters. */
const BITS_PER_WORD = 12.5;
/** A single run of letters may be a dictionary word: counted as no more than a word with a few changes. */
const SINGLE_WORD_BITS = 28;
const PHRASE_WORDS = 4;

/** Passwords at the top of every leaked list, and this app's own names: guessed first. */
const WELL_KNOWN = new Set([
  'password',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'azerty',
  'letmein',
  'iloveyou',
  'welcome',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'admin',
  'abc123',
  'mentor',
  'mentee',
  'mentorlog',
  'mentoring',
  'passcode',
  'secret',
]);

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azertyuiop'];

function poolSize(text: string): number {
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/[0-9]/.test(text)) pool += 10;
  if (/[ -/:-@[-`{-~]/.test(text)) pool += 33;
  // eslint-disable-next-line no-control-regex -- any character beyond ASCII
  if (/[^\x00-\x7f]/.test(text)) pool += 100;
  return pool;
}

/** Characters that follow on from the one before (ascending or descending) in a common sequence. */
function sequentialSteps(lower: string): number {
  let steps = 0;
  for (let index = 1; index < lower.length; index++) {
    const pair = lower.slice(index - 1, index + 1);
    const reversed = [...pair].reverse().join('');
    if (SEQUENCES.some((sequence) => sequence.includes(pair) || sequence.includes(reversed))) steps++;
  }
  return steps;
}

/** Characters that repeat the one before, or the one two before (aaaa, abab). */
function repeatedSteps(text: string): number {
  let steps = 0;
  for (let index = 1; index < text.length; index++) {
    if (text[index] === text[index - 1] || (index > 1 && text[index] === text[index - 2])) steps++;
  }
  return steps;
}

/** The core of a passcode once common decorations are taken off: "Password1!" is "password". */
function undecorated(lower: string): string {
  return lower
    .replace(/[0-9!?.*#@$]+$/, '')
    .replace(/^[0-9!?.*#@$]+/, '')
    .replace(/0/g, 'o')
    .replace(/1/g, 'i')
    .replace(/3/g, 'e')
    .replace(/4|@/g, 'a')
    .replace(/5|\$/g, 's');
}

export function estimatePasscode(passcode: string): PasscodeEstimate {
  const length = [...passcode].length;
  if (length < MIN_PASSCODE_LENGTH)
    return {
      strength: 'too short',
      acceptable: false,
      reasons: [`Use at least ${MIN_PASSCODE_LENGTH} characters, or a phrase of a few words.`],
    };

  const lower = passcode.toLowerCase();
  const words = passcode.trim().split(/\s+/).filter(Boolean);
  const reasons: string[] = [];

  if (WELL_KNOWN.has(lower) || WELL_KNOWN.has(undecorated(lower)) || WELL_KNOWN.has(lower.replace(/\s+/g, ''))) {
    return {
      strength: 'weak',
      acceptable: true,
      reasons: ['It is one of the passwords people use most, and is guessed first.'],
    };
  }

  // Characters that follow a pattern add almost nothing an attacker has to guess.
  const patterned = Math.min(length - 1, sequentialSteps(lower) + repeatedSteps(lower));
  const charBits = Math.log2(Math.max(poolSize(passcode), 10)) * (length - patterned) + patterned;
  const lettersOnly = words.every((word) => /^\p{L}+$/u.test(word));
  // A phrase of plain words is as strong as its words are many, however long they are.
  const bits =
    words.length >= 2 && lettersOnly
      ? words.length * BITS_PER_WORD
      : words.length === 1 && lettersOnly
        ? Math.min(charBits, SINGLE_WORD_BITS)
        : Math.max(charBits, words.length * BITS_PER_WORD);

  if (patterned >= length / 2)
    reasons.push('Much of it follows a pattern (repeated or in sequence), which is guessed early.');
  if (/^[0-9]+$/.test(passcode)) reasons.push('Digits alone are quick to try; add words or letters.');
  if (words.length === 1 && lettersOnly && bits < FAIR_BITS)
    reasons.push('A single word is in every guesser’s dictionary; add more words.');

  const strength: PasscodeStrength = bits >= STRONG_BITS ? 'strong' : bits >= FAIR_BITS ? 'fair' : 'weak';
  if (strength === 'strong') {
    reasons.push(
      words.length >= PHRASE_WORDS
        ? `A phrase of ${words.length} words is long and easy to remember.`
        : 'It is long and mixes kinds of characters.',
    );
  } else if (words.length >= 2) {
    reasons.push(`Add more words: ${PHRASE_WORDS} or more unrelated words make a strong phrase.`);
  } else {
    reasons.push('Make it longer: a phrase of four or more unrelated words is strong and easy to remember.');
  }
  return { strength, acceptable: true, reasons };
}
