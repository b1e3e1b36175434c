// Not part of `npm test`: the commentary the guidance is written from is not in the repository (the
// product's tests must pass on a bare clone). `.ci/run` runs this, through `npm run
// check:originality`, when the team's copy is at hand, and names its folder in MENTORLOG_SEED_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guidanceCards } from '../../src/domain/guidanceCards';

/** How many words in a row may match the seed before a card counts as copied. */
const COPY_RUN = 8;

// The folder comes from the caller (`.ci/run` passes the team's copy when it has one): the
// repository itself never reaches outside its own folder.
const seedFolder = process.env.MENTORLOG_SEED_DIR ? path.resolve(process.env.MENTORLOG_SEED_DIR) : null;

/** Lower-cased words with punctuation gone, so that "Trust," and "trust" compare equal. */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0);
}

function runs(text: string, length: number): string[] {
  const list = words(text);
  return Array.from({ length: Math.max(0, list.length - length + 1) }, (_, start) =>
    list.slice(start, start + length).join(' '),
  );
}

function loadSeedText(): string {
  // Asked for and missing is a failure, never a pass: the caller decides whether to run this at all.
  if (!seedFolder)
    throw new Error('Set MENTORLOG_SEED_DIR to the folder of the commentary the guidance is written from.');
  if (!fs.existsSync(seedFolder)) throw new Error(`The seed folder ${seedFolder} is missing.`);
  const seedFiles = fs.readdirSync(seedFolder).filter((name) => name.endsWith('.txt'));
  if (seedFiles.length === 0) throw new Error(`There are no .txt files in the seed folder ${seedFolder}.`);
  return seedFiles.map((name) => fs.readFileSync(path.join(seedFolder, name), 'utf8')).join('\n');
}

describe('the guidance library, against the commentary it is written from', () => {
  const seedText = loadSeedText();
  const seedRuns = new Set(runs(seedText, COPY_RUN));

  it(`copies no run of ${COPY_RUN} words from the seed`, () => {
    const copied = guidanceCards.flatMap((card) =>
      [card.title, card.body].flatMap((text) =>
        runs(text, COPY_RUN)
          .filter((run) => seedRuns.has(run))
          .map((run) => `${card.id}: "${run}"`),
      ),
    );
    expect(copied).toEqual([]);
  });

  it('would catch a sentence copied from the seed with its punctuation changed', () => {
    // Guards the check itself, so that a broken reader of the seed cannot pass by finding nothing.
    const seedWords = seedText.split(/\s+/).filter(Boolean).slice(300, 312);
    const copied = seedWords.join(', ').toUpperCase();
    expect(runs(copied, COPY_RUN).some((run) => seedRuns.has(run))).toBe(true);
  });
});
