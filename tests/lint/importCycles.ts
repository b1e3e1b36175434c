import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Every import cycle among the TypeScript files under a folder, type-only imports included.
 * ESLint's import-x/no-cycle skips `import type`, which TypeScript erases; but a circle of types
 * still ties two modules into one, and it is how the runtime circles of tomorrow start.
 */
export function findImportCycles(root: string): string[][] {
  const files = listSourceFiles(root);
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  return stronglyConnected(graph)
    .filter((group) => group.length > 1 || (graph.get(group[0]) ?? []).includes(group[0]))
    .map((group) => group.map((file) => path.relative(root, file)).sort());
}

function listSourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return listSourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolveRelative(path.dirname(file), specifier.replace(/\?.*$/, '')))
    .filter((resolved): resolved is string => resolved !== null);
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = path.resolve(from, specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((candidate) => /\.tsx?$/.test(candidate) && fs.existsSync(candidate)) ?? null;
}

/** Tarjan's algorithm: the groups of files that can each reach every other file of their group. */
function stronglyConnected(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];

  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      groups.push(group);
    }
  };

  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups;
}
