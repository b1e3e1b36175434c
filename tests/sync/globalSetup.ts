import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureAdmin, freePort, startStandIn } from '../../scripts/standInServer.mjs';

/** The server the sync tests talk to, and its admin. */
export interface SyncTestServer {
  url: string;
  admin: { name: string; password: string };
  /** True for the stand-in (pouchdb-server); false for a real CouchDB given by MENTORLOG_COUCHDB_URL. */
  standIn: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    syncServer: SyncTestServer;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.MENTORLOG_COUCHDB_URL;
  if (given) {
    const name = process.env.MENTORLOG_COUCHDB_ADMIN;
    const password = process.env.MENTORLOG_COUCHDB_PASSWORD;
    if (!name || !password)
      throw new Error('MENTORLOG_COUCHDB_URL needs MENTORLOG_COUCHDB_ADMIN and MENTORLOG_COUCHDB_PASSWORD beside it.');
    project.provide('syncServer', { url: given.replace(/\/+$/, ''), admin: { name, password }, standIn: false });
    return undefined;
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorlog-sync-'));
  const server = await startStandIn({ folder, port: await freePort(), inMemory: true });
  const admin = { name: 'sync-test-admin', password: crypto.randomUUID() };
  await ensureAdmin(server.url, admin.name, admin.password);
  project.provide('syncServer', { url: server.url, admin, standIn: true });
  return async () => {
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  };
}
