import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { couchProxy } from '../../scripts/couchProxy';
import { freePort } from '../../scripts/standInServer.mjs';
import { provisionPair, provisionPerson } from '../../src/sync/provisionProgram';
import { pairDatabaseName } from '../../src/sync/serverRules';
import { aServerPair } from '../../src/test/serverDocs';
import { admin, couch, server } from './couch';

// The app's own servers pass /couch/ on to the program's server, so a CouchDB session cookie is
// the app origin's own. Proved with a bare Vite server carrying the app's proxy setting.
let vite: ViteDevServer;
let appOrigin: string;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorlog-proxy-'));

beforeAll(async () => {
  const port = await freePort();
  vite = await createServer({
    configFile: false,
    root: folder,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port, strictPort: true, proxy: couchProxy(server.url), hmr: false, ws: false },
  });
  await vite.listen();
  appOrigin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await vite?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

it('signs a partner in at /couch/_session and reads their pair’s database with the cookie it sets', async () => {
  const { pair, mentee } = aServerPair();
  await provisionPair(admin, pair);
  await provisionPerson(admin, { personId: mentee.id, coordinator: false }, 'through-the-proxy');

  const session = await couch('POST', '_session', {
    base: `${appOrigin}/couch`,
    body: { name: mentee.id, password: 'through-the-proxy' },
  });
  expect(session.status).toBe(200);
  const cookie = session.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^AuthSession=/);
  expect(cookie).not.toMatch(/Domain=/i);

  const read = await couch('GET', `${pairDatabaseName(pair.id)}/_all_docs`, {
    base: `${appOrigin}/couch`,
    cookie: cookie.split(';')[0],
  });
  expect(read.status).toBe(200);
});
