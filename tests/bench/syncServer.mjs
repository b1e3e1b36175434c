// The program's server for the sync scenarios: the stand-in (pouchdb-server, in memory), or the
// CouchDB at MENTORLOG_COUCHDB_URL (givenServer.mjs), that the app's preview proxies at /couch/,
// seeded with the synthetic program as the partners' and the coordinator's devices would have left
// it. Every pair is sealed, as every pair the app invites is:
// its two databases take only sealed documents, each sealed with its database's content key. The
// documents are made and sealed by the app's own code (src/sync/provisionProgram.ts,
// src/sync/syncDocument.ts, src/sync/sealedDocument.ts), bundled for Node with vite, and written
// with the server's bulk API as its admin.
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { ensureAdmin, freePort, startStandIn } from '../../scripts/standInServer.mjs';
import { generateProgram } from './generateProgram.mjs';
import { givenServer } from './givenServer.mjs';

/** The app's modules the benchmark uses in Node, as they are in src/. */
const APP_MODULES = {
  provisionProgram: 'src/sync/provisionProgram.ts',
  syncDocument: 'src/sync/syncDocument.ts',
  serverRules: 'src/sync/serverRules.ts',
  changeSignals: 'src/sync/changeSignals.ts',
  invitation: 'src/domain/invitation.ts',
  sealedDocument: 'src/sync/sealedDocument.ts',
  sealing: 'src/crypto/sealing.ts',
  keyBoxes: 'src/crypto/keyBoxes.ts',
  bytes: 'src/crypto/bytes.ts',
  // putInvitationBoxes; it and what it imports stay clear of Dexie (src/data/keyring.ts is a type only).
  seedPair: 'src/sync/seedPair.ts',
};

/** Bundles the app's sync modules for Node into `folder` and imports them. */
export async function appSyncModules(root, folder) {
  const outDir = join(folder, 'sync-modules');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      ssr: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(APP_MODULES).map(([name, path]) => [name, join(root, path)])),
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  const load = (name) => import(pathToFileURL(join(outDir, `${name}.mjs`)).href);
  const entries = await Promise.all(Object.keys(APP_MODULES).map(async (name) => [name, await load(name)]));
  return Object.fromEntries(entries);
}

/**
 * The CouchDB at MENTORLOG_COUCHDB_URL when one is given (givenServer.mjs), else the stand-in,
 * started on a free port with an admin; the caller points the app's proxy at `url`.
 */
export async function startBenchServer() {
  const given = givenServer(fetchOnce);
  if (given) return given;
  const folder = join(tmpdir(), `mentorlog-bench-server-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  const port = await freePort();
  const running = await startStandIn({ folder, port, inMemory: true });
  const admin = { url: running.url, name: 'bench-admin', password: crypto.randomUUID(), fetch: fetchOnce };
  await ensureAdmin(admin.url, admin.name, admin.password);
  return {
    url: running.url,
    admin,
    async stop() {
      await running.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * fetch, asked again once when the connection it reused turns out closed: a pooled connection
 * outlives the server's keep-alive while this process is busy generating the program. The
 * provisioning steps are repeatable, and a bulk write is only repeated when nothing was answered.
 */
export async function fetchOnce(url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error?.cause?.code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, init);
  }
}

/** Runs `work` over the items, `concurrency` at a time. */
export async function inTurn(items, concurrency, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** POSTs docs to a database's `_bulk_docs` as the admin; throws unless every one was written. */
export async function bulkDocs(admin, database, docs) {
  const auth = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  for (let start = 0; start < docs.length; start += 1000) {
    const response = await fetchOnce(`${admin.url}/${encodeURIComponent(database)}/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs: docs.slice(start, start + 1000) }),
    });
    const results = await response.json();
    const failed = Array.isArray(results) ? results.filter((result) => result.error) : [results];
    if (!response.ok || failed.length > 0)
      throw new Error(`Seeding ${database} failed: ${response.status} ${JSON.stringify(failed[0])}`);
  }
}

/** Touches a pair's change signal as its partner's device would (src/sync/changeSignals.ts), as the admin. */
export async function touchSignal(admin, pairId) {
  const auth = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  const path = `${admin.url}/mentorlog-signals/${encodeURIComponent(`signal:${pairId}`)}`;
  const held = await fetchOnce(path, { headers: { Authorization: auth } });
  const rev = held.ok ? (await held.json())._rev : (await held.body?.cancel(), undefined);
  const response = await fetchOnce(path, {
    method: 'PUT',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      _id: `signal:${pairId}`,
      ...(rev ? { _rev: rev } : {}),
      meta: { type: 'signal', pairId, updated: new Date().toISOString() },
    }),
  });
  await response.body?.cancel();
  if (!response.ok && response.status !== 409) throw new Error(`Signalling ${pairId} failed: ${response.status}`);
}

/**
 * A random content key for a database, generation 1, as src/data/keyring.ts's newContentKey makes
 * it (that module imports Dexie, so it is not bundled here): its bytes base64url, as a box holds it.
 */
function newContentKey(app, database) {
  return { database, generation: 1, key: app.bytes.toBase64Url(app.sealing.newContentKeyBytes()) };
}

/** The key to seal with, from a content key's bytes. */
export function importedKey(app, contentKey) {
  return app.sealing.importContentKey(app.bytes.fromBase64Url(contentKey.key));
}

const SEAL_BATCH = 500;

/** Seals docs with their database's key (generation 1), a batch at a time in parallel. */
export async function sealAll(app, docs, key) {
  const sealed = [];
  for (let start = 0; start < docs.length; start += SEAL_BATCH) {
    const batch = docs.slice(start, start + SEAL_BATCH);
    sealed.push(...(await Promise.all(batch.map((doc) => app.sealedDocument.sealDocument(doc, key, 1)))));
  }
  return sealed;
}

/**
 * The program of `size` on the server: every person and pair in the directory (sealed with a program
 * key, as a coordinator's device connects a program now), every pair's two
 * databases sealed with their members and rules, every pair's shared database holding what its
 * partners shared with the program (sessions' facts, check-ins shared with it, the pair), and the
 * sample pair's own database holding all the partners share with each other. The other pairs' own
 * databases are created but left empty: no device in the benchmark reads them. Each pair's two
 * databases have a content key of their own (generation 1), as the coordinator's device makes them
 * when it invites the pair; every doc in them is sealed with it.
 * Returns the ids the devices sign in as, the keys (base64url, by pair id; `sharedKeys` holds the
 * shared databases' as CryptoKeys, to seal with), and what the sample pair's partner should end up with.
 */
export async function seedProgram(server, app, size, log) {
  const { provisionDirectory, provisionPair, provisionPerson } = app.provisionProgram;
  const { toSyncDocument } = app.syncDocument;
  const { databaseName, DIRECTORY_DATABASE } = app.serverRules;
  const started = Date.now();
  const directory = [];
  const pairs = [];
  let current = null;
  let coordinatorId = null;
  let samplePair = null;
  generateProgram({
    size,
    emit: (table, record) => {
      if (table === 'people') {
        coordinatorId ??= record.id;
        directory.push(toSyncDocument({ type: 'person', record }, { kind: 'directory' }));
        if (record.id === coordinatorId) return;
        current ??= { people: [], pair: null, logged: [] };
        current.people.push(record);
        return;
      }
      if (table === 'pairs') {
        current.pair = record;
        directory.push(toSyncDocument({ type: 'pair', record }, { kind: 'directory' }));
        pairs.push(current);
        if (samplePair === null && record.status === 'active') samplePair = current;
        // Its sessions and check-ins follow, then the next pair's people.
        current = null;
        return;
      }
      pairs.at(-1).logged.push({ type: table === 'sessions' ? 'session' : 'checkIn', record });
    },
  });

  const admin = server.admin;
  const names = {
    directory: DIRECTORY_DATABASE,
    databases: [
      DIRECTORY_DATABASE,
      app.changeSignals.SIGNALS_DATABASE,
      ...pairs.flatMap(({ pair }) => [
        databaseName({ kind: 'pair', pairId: pair.id }),
        databaseName({ kind: 'shared', pairId: pair.id }),
      ]),
    ],
    people: [coordinatorId, ...pairs.flatMap(({ people }) => people.map((person) => person.id))],
  };
  await server.claim?.(names, { request: app.provisionProgram.request, inTurn });
  // Sealed with the program key, as a coordinator's device connects a program (src/sync/programKey.ts).
  await provisionDirectory(admin, { sealed: true });
  await provisionPerson(admin, { personId: coordinatorId, coordinator: true }, 'bench-coordinator-password');
  const programKey = newContentKey(app, DIRECTORY_DATABASE);
  await bulkDocs(admin, DIRECTORY_DATABASE, await sealAll(app, directory, await importedKey(app, programKey)));
  const keys = {};
  const sharedKeys = new Map();
  let sharedDocs = 0;
  let sampleDocs = 0;
  let sampleSealed = 0;
  await inTurn(pairs, 6, async ({ pair, people, logged }) => {
    await provisionPair(admin, pair, { sealed: true });
    const shared = { kind: 'shared', pairId: pair.id };
    const own = { kind: 'pair', pairId: pair.id };
    const pairKeys = { pair: newContentKey(app, databaseName(own)), shared: newContentKey(app, databaseName(shared)) };
    keys[pair.id] = pairKeys;
    const sharedKey = await importedKey(app, pairKeys.shared);
    sharedKeys.set(pair.id, sharedKey);
    const docs = [{ type: 'pair', record: pair }, ...logged]
      .map((entry) => toSyncDocument(entry, shared))
      .filter(Boolean);
    sharedDocs += docs.length;
    await bulkDocs(admin, databaseName(shared), await sealAll(app, docs, sharedKey));
    if (pair !== samplePair?.pair) return;
    const ownDocs = [{ type: 'pair', record: pair }, ...people.map((record) => ({ type: 'person', record })), ...logged]
      .map((entry) => toSyncDocument(entry, own))
      .filter(Boolean);
    sampleDocs = ownDocs.filter((doc) => doc.meta.type === 'session' || doc.meta.type === 'checkIn').length;
    sampleSealed = ownDocs.length + docs.length;
    await bulkDocs(admin, databaseName(own), await sealAll(app, ownDocs, await importedKey(app, pairKeys.pair)));
  });
  const { pair } = samplePair;
  const mentor = samplePair.people.find((person) => person.id === pair.mentorId);
  const mentee = samplePair.people.find((person) => person.id === pair.menteeId);
  log(
    `  seeded the server with ${pairs.length.toLocaleString('en')} pairs' sealed databases (${sharedDocs.toLocaleString('en')} sealed docs in the shared ones) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return {
    coordinator: { id: coordinatorId, password: 'bench-coordinator-password' },
    pairIds: pairs.map((entry) => entry.pair.id),
    activePairs: pairs.filter((entry) => entry.pair.status === 'active').map((entry) => entry.pair),
    keys,
    programKey,
    sharedKeys,
    sharedDocs,
    samplePair: { id: pair.id, mentor, mentee, entries: sampleDocs, sealedDocs: sampleSealed },
  };
}
