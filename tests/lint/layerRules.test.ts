import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { findImportCycles } from './importCycles';

// Proves that `npm run lint` holds the house rules: each wrong import below, placed as if it were
// a file of src/, is an error of the rule that guards it, and each right one is not.
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: repositoryRoot });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repositoryRoot, filePath) });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

const layerRule = 'import-x/no-restricted-paths';
const wrongImports: Array<[string, string, string, string]> = [
  ['domain imports db', 'src/domain/lintProbe.ts', "import { db } from '../db/database';", layerRule],
  ['domain imports ui', 'src/domain/lintProbe.ts', "import { formatDate } from '../ui/formatDate';", layerRule],
  ['db imports data', 'src/db/lintProbe.ts', "import { useViewer } from '../data/viewer';", layerRule],
  ['db imports state', 'src/db/lintProbe.ts', "import { useViewerStore } from '../state/viewerStore';", layerRule],
  [
    'data imports a feature',
    'src/data/lintProbe.ts',
    "import { PairList } from '../features/pairs/PairList';",
    layerRule,
  ],
  ['data imports ui', 'src/data/lintProbe.ts', "import { formatDate } from '../ui/formatDate';", layerRule],
  ['data imports app', 'src/data/lintProbe.ts', "import { App } from '../app/App';", layerRule],
  [
    'data imports sync',
    'src/data/lintProbe.ts',
    "import { DIRECTORY_DATABASE } from '../sync/serverRules';",
    layerRule,
  ],
  [
    'domain imports sync',
    'src/domain/lintProbe.ts',
    "import { DIRECTORY_DATABASE } from '../sync/serverRules';",
    layerRule,
  ],
  ['ui imports sync', 'src/ui/lintProbe.ts', "import { DIRECTORY_DATABASE } from '../sync/serverRules';", layerRule],
  [
    'sync imports a feature',
    'src/sync/lintProbe.ts',
    "import { PairList } from '../features/pairs/PairList';",
    layerRule,
  ],
  ['sync imports ui', 'src/sync/lintProbe.ts', "import { formatDate } from '../ui/formatDate';", layerRule],
  ['sync imports dexie', 'src/sync/lintProbe.ts', "import { Dexie } from 'dexie';", 'no-restricted-imports'],
  ['ui imports data', 'src/ui/lintProbe.ts', "import { useViewer } from '../data/viewer';", layerRule],
  ['ui imports db', 'src/ui/lintProbe.ts', "import { db } from '../db/database';", layerRule],
  ['ui imports state', 'src/ui/lintProbe.ts', "import { useViewerStore } from '../state/viewerStore';", layerRule],
  ['a feature imports db', 'src/features/pairs/lintProbe.ts', "import { db } from '../../db/database';", layerRule],
  [
    'a feature imports another feature',
    'src/features/pairs/lintProbe.ts',
    "import { SessionForm } from '../sessions/SessionForm';",
    layerRule,
  ],
  ['a feature imports app', 'src/features/pairs/lintProbe.ts', "import { App } from '../../app/App';", layerRule],
  [
    'product code imports a test builder',
    'src/features/pairs/lintProbe.ts',
    "import { aPair } from '../../test/builders';",
    layerRule,
  ],
  [
    'a feature imports dexie',
    'src/features/pairs/lintProbe.ts',
    "import { Dexie } from 'dexie';",
    'no-restricted-imports',
  ],
  [
    'a feature imports dexie-react-hooks',
    'src/features/pairs/lintProbe.ts',
    "import { useLiveQuery } from 'dexie-react-hooks';",
    'no-restricted-imports',
  ],
  ['app imports dexie', 'src/app/lintProbe.ts', "import { Dexie } from 'dexie';", 'no-restricted-imports'],
  ['a file spells check-in "checkin"', 'src/domain/checkinRules.ts', 'export {};', 'check-file/filename-blocklist'],
  [
    'a folder spells check-ins "checkins"',
    'src/features/checkins/Probe.tsx',
    'export {};',
    'check-file/filename-blocklist',
  ],
  ['a module is not camelCase', 'src/domain/pair_rules.ts', 'export {};', 'check-file/filename-naming-convention'],
  [
    'a folder is not camelCase',
    'src/features/pair-list/Probe.tsx',
    'export {};',
    'check-file/folder-naming-convention',
  ],
  [
    'a module runs past 300 lines of code',
    'src/domain/lintProbe.ts',
    Array.from({ length: 301 }, (_, line) => `export const line${line} = ${line};`).join('\n'),
    'max-lines',
  ],
];

const rightImports: Array<[string, string, string]> = [
  [
    'a feature imports data, ui, state and domain',
    'src/features/pairs/lintProbe.ts',
    [
      "import { useViewer } from '../../data/viewer';",
      "import { formatDate } from '../../ui/formatDate';",
      "import { useViewerStore } from '../../state/viewerStore';",
      "import { pairSchema } from '../../domain/pair';",
      'export const probe = [useViewer, formatDate, useViewerStore, pairSchema];',
    ].join('\n'),
  ],
  [
    'sync imports data, db, state and domain',
    'src/sync/lintProbe.ts',
    [
      "import { useViewer } from '../data/viewer';",
      "import { db } from '../db/database';",
      "import { useViewerStore } from '../state/viewerStore';",
      "import { pairSchema } from '../domain/pair';",
      'export const probe = [useViewer, db, useViewerStore, pairSchema];',
    ].join('\n'),
  ],
  [
    'data imports db and dexie',
    'src/data/lintProbe.ts',
    [
      "import { Dexie } from 'dexie';",
      "import { db } from '../db/database';",
      'export const probe = [Dexie, db];',
    ].join('\n'),
  ],
  [
    'a test sets up data through db',
    'src/features/pairs/lintProbe.test.ts',
    [
      "import { db } from '../../db/database';",
      "import { aPair } from '../../test/builders';",
      'export const probe = [db, aPair];',
    ].join('\n'),
  ],
];

describe('the house rules in lint', () => {
  it.each(wrongImports)('refuses: %s', async (_name, filePath, code, rule) => {
    expect(await rulesBroken(filePath, code)).toContain(rule);
  });

  it.each(rightImports)('allows: %s', async (_name, filePath, code) => {
    expect(await rulesBroken(filePath, code)).toEqual([]);
  });
});

describe('import cycles', () => {
  it('finds a circle of two modules, and one made only of type imports', () => {
    const cycles = findImportCycles(path.join(repositoryRoot, 'tests/lint/fixtures'));
    expect(cycles).toEqual(
      expect.arrayContaining([
        ['cycle/first.ts', 'cycle/second.ts'],
        ['typeCycle/shape.ts', 'typeCycle/size.ts'],
      ]),
    );
  });

  it('finds none in src', () => {
    expect(findImportCycles(path.join(repositoryRoot, 'src'))).toEqual([]);
  });
});
