import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAdmin, startStandIn } from '../../scripts/standInServer.mjs';
import { e2eCouchPort } from '../../playwright.config';

/**
 * The program's server for the sync journeys, at the address the app's preview server proxies to
 * /couch/ (playwright.config.ts). With MENTORLOG_COUCHDB_URL (and _ADMIN, _PASSWORD) the journeys
 * run against that real CouchDB instead; it cannot be stopped from here, so the journey that stops
 * the server mid-sync runs only against the stand-in. The stand-in keeps its data in a folder, so a
 * restart keeps it (and its cookie secret: devices stay signed in), as a real server's restart does.
 */
export interface ProgramServer {
  /** The server's own address, for reading it as admin from the test. */
  url: string;
  admin: { name: string; password: string };
  /** False for a real CouchDB. */
  standIn: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startProgramServer(): Promise<ProgramServer> {
  const given = process.env.MENTORLOG_COUCHDB_URL;
  if (given) {
    const name = process.env.MENTORLOG_COUCHDB_ADMIN;
    const password = process.env.MENTORLOG_COUCHDB_PASSWORD;
    if (!name || !password)
      throw new Error('MENTORLOG_COUCHDB_URL needs MENTORLOG_COUCHDB_ADMIN and MENTORLOG_COUCHDB_PASSWORD beside it.');
    const refuse = () => Promise.reject(new Error('A real CouchDB is not stopped or started by the tests.'));
    return {
      url: given.replace(/\/+$/, ''),
      admin: { name, password },
      standIn: false,
      stop: refuse,
      start: refuse,
      dispose: async () => {},
    };
  }
  const folder = mkdtempSync(join(tmpdir(), 'mentorlog-e2e-server-'));
  const admin = { name: 'e2e-admin', password: crypto.randomUUID() };
  let running: Awaited<ReturnType<typeof startStandIn>> | null = null;
  const server: ProgramServer = {
    url: `http://127.0.0.1:${e2eCouchPort}`,
    admin,
    standIn: true,
    async start() {
      running = await startStandIn({ folder, port: e2eCouchPort, inMemory: false });
    },
    async stop() {
      const stopping = running;
      running = null;
      await stopping?.stop();
    },
    async dispose() {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  await server.start();
  await ensureAdmin(server.url, admin.name, admin.password);
  return server;
}

/**
 * Every document of every database on the server, read as its admin: the live ones and design
 * documents (`_all_docs`), and deleted ones with the body their deletion kept (`_changes`).
 */
export async function readWholeServer(server: ProgramServer): Promise<Map<string, unknown[]>> {
  const auth = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
  const get = async (path: string): Promise<unknown> => {
    const response = await fetch(`${server.url}/${path}`, { headers: { Authorization: auth } });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return response.json();
  };
  const names = (await get('_all_dbs')) as string[];
  const contents = new Map<string, unknown[]>();
  for (const name of names) {
    const all = (await get(`${encodeURIComponent(name)}/_all_docs?include_docs=true`)) as {
      rows: { doc?: unknown }[];
    };
    const changes = (await get(`${encodeURIComponent(name)}/_changes?include_docs=true&style=all_docs`)) as {
      results: { doc?: unknown }[];
    };
    contents.set(name, [...all.rows.map((row) => row.doc), ...changes.results.map((change) => change.doc)]);
  }
  return contents;
}
