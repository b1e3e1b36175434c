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

/** How many words in a row may match the seed before a card counts as copied. */
const COPY_RUN = 8;

/** The few Node functions this test needs, typed here rather than with the Node types. */
interface NodeFileAccess {
  existsSync(path: string): boolean;
  readdirSync(path: string): string[];
  readFileSync(path: string, encoding: 'utf8'): string;
}
interface NodeUrl {
  fileURLToPath(url: string): string;
}
interface NodePath {
  dirname(path: string): string;
  join(...paths: string[]): string;
  resolve(...paths: string[]): string;
}

// The app's TypeScript config leaves out Node's types on purpose, so that app code cannot use Node;
// a `/// <reference types="node" />` here would add them to every file. Specifiers held in
// variables keep TypeScript from looking the modules up, and the interfaces above type them.
const fsSpecifier: string = 'node:fs';
const urlSpecifier: string = 'node:url';
const pathSpecifier: string = 'node:path';
const fs = (await import(/* @vite-ignore */ fsSpecifier)) as NodeFileAccess;
const { fileURLToPath } = (await import(/* @vite-ignore */ urlSpecifier)) as NodeUrl;
const path = (await import(/* @vite-ignore */ pathSpecifier)) as NodePath;

// The seed lives outside the app, in the shared folder beside the repository. No `new URL(…)`:
// the test DOM replaces the global URL class, and its version rewrites file: addresses.
const seedFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seed');

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

  it(`copies no run of ${COPY_RUN} words from the seed`, () => {
    const seedRuns = loadSeedRuns();
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
    const seedRuns = loadSeedRuns();
    // Twelve words of the seed itself, shouted and re-punctuated: the repository keeps no copy.
    const seedWords = loadSeedText().split(/\s+/).filter(Boolean).slice(300, 312);
    const copied = seedWords.join(', ').toUpperCase();
    expect(runs(copied, COPY_RUN).some((run) => seedRuns.has(run))).toBe(true);
  });
});

function loadSeedText(): string {
  if (!fs.existsSync(seedFolder)) {
    throw new Error(`The seed folder ${seedFolder} is missing; the no-copy check needs it and must not be skipped.`);
  }
  const seedFiles = fs.readdirSync(seedFolder).filter((name) => name.endsWith('.txt'));
  if (seedFiles.length === 0) throw new Error(`There are no .txt files in the seed folder ${seedFolder}.`);
  return seedFiles.map((name) => fs.readFileSync(path.join(seedFolder, name), 'utf8')).join('\n');
}

function loadSeedRuns(): Set<string> {
  return new Set(runs(loadSeedText(), COPY_RUN));
}
