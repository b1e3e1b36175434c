// Writes a synthetic program as Mentorlog backup files (the format src/domain/backupFile.ts
// describes and src/domain/readBackup.ts reads), streaming so that size L never sits in memory as
// one string. Size L is split into files of at most 1,000 pairs: one JSON string of all of it would
// pass V8's string limit in the browser.
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateProgram, SIZES } from './generateProgram.mjs';

const GENERATOR_VERSION = 2;
const PAIRS_PER_FILE = 1000;
const TABLES = ['people', 'pairs', 'sessions', 'checkIns'];

class ShardWriter {
  constructor(path, appVersion) {
    this.path = path;
    this.buffers = Object.fromEntries(TABLES.map((table) => [table, []]));
    this.appVersion = appVersion;
  }
  add(table, record) {
    this.buffers[table].push(JSON.stringify(record));
  }
  async close() {
    const out = createWriteStream(`${this.path}.partial`);
    const write = (text) => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
    const header = {
      format: 'mentorlog-backup',
      formatVersion: 2,
      appVersion: this.appVersion,
      exportedAt: '2026-11-01T12:00:00.000Z',
      scope: 'device',
    };
    await write(`${JSON.stringify(header).slice(0, -1)},"records":{`);
    for (const [index, table] of TABLES.entries()) {
      await write(`${index > 0 ? ',' : ''}"${table}":[`);
      const lines = this.buffers[table];
      for (let start = 0; start < lines.length; start += 5000) {
        await write((start > 0 ? ',' : '') + lines.slice(start, start + 5000).join(','));
      }
      await write(']');
      this.buffers[table] = [];
    }
    await write('}}');
    await new Promise((resolve) => out.end(resolve));
    renameSync(`${this.path}.partial`, this.path);
  }
}

/**
 * Returns { files, counts, coordinatorId, samplePair } for a size, generating the files into
 * `folder` unless a previous run left the same ones there.
 */
export async function programFiles(size, folder, appVersion) {
  mkdirSync(folder, { recursive: true });
  const manifestPath = join(folder, `program-${size}.manifest.json`);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.generatorVersion === GENERATOR_VERSION && manifest.files.every((file) => existsSync(file)))
      return manifest;
  }
  const fileCount = Math.ceil(SIZES[size].pairs / PAIRS_PER_FILE);
  const files = Array.from({ length: fileCount }, (_, index) =>
    join(folder, `program-${size}-${index + 1}of${fileCount}.json`),
  );
  const writers = files.map((file) => new ShardWriter(file, appVersion));
  let coordinator = null;
  let samplePair = null;
  let pairIndex = -1;
  const peopleOfPair = [];
  const counts = generateProgram({
    size,
    emit: (table, record) => {
      if (table === 'people' && coordinator === null) {
        coordinator = record;
        // The coordinator is in every file, so each file stands on its own.
        for (const writer of writers) writer.add('people', record);
        return;
      }
      if (table === 'people') {
        peopleOfPair.push(record);
        return;
      }
      if (table === 'pairs') {
        pairIndex += 1;
        if (samplePair === null && record.status === 'active')
          samplePair = { id: record.id, mentorId: record.mentorId, menteeId: record.menteeId };
        const writer = writers[Math.floor(pairIndex / PAIRS_PER_FILE)];
        for (const person of peopleOfPair.splice(0)) writer.add('people', person);
        writer.add('pairs', record);
        return;
      }
      writers[Math.floor(pairIndex / PAIRS_PER_FILE)].add(table, record);
    },
  });
  for (const writer of writers) await writer.close();
  const manifest = {
    generatorVersion: GENERATOR_VERSION,
    size,
    files,
    counts,
    coordinatorId: coordinator.id,
    samplePair,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}
