// `npm run server`: a local program server for trying sync. pouchdb-server stands in for Apache
// CouchDB 3.x, on 127.0.0.1 only, with its data in .mentorlog-server/ (kept across restarts). On
// first start it creates an admin with a random password, saved in .mentorlog-server/admin.json
// (readable by you only), so the server never runs as an "admin party" where anyone is admin.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAdmin, startStandIn } from './standInServer.mjs';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = path.join(repositoryRoot, '.mentorlog-server');
const adminFile = path.join(folder, 'admin.json');
const port = Number(process.env.MENTORLOG_SERVER_PORT ?? 5984);

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(
    `MENTORLOG_SERVER_PORT must be a port number, not ${JSON.stringify(process.env.MENTORLOG_SERVER_PORT)}.`,
  );
  process.exit(1);
}

fs.mkdirSync(folder, { recursive: true, mode: 0o700 });

function readOrMakeAdmin() {
  if (fs.existsSync(adminFile)) return JSON.parse(fs.readFileSync(adminFile, 'utf8'));
  const admin = { name: 'mentorlog-admin', password: randomBytes(18).toString('base64url') };
  fs.writeFileSync(adminFile, `${JSON.stringify(admin, null, 2)}\n`, { mode: 0o600 });
  return admin;
}

const admin = readOrMakeAdmin();
// Kept to the owner whatever the umask or an earlier copy left.
fs.chmodSync(adminFile, 0o600);

let server;
try {
  server = await startStandIn({ folder, port, inMemory: false });
} catch (error) {
  console.error(`The program server did not start on 127.0.0.1:${port}: ${error.message}`);
  console.error('If something else uses that port, set MENTORLOG_SERVER_PORT to another one.');
  process.exit(1);
}

try {
  const created = await ensureAdmin(server.url, admin.name, admin.password);
  if (created) console.log('Created the server admin (first start).');
} catch (error) {
  console.error(error.message);
  console.error(`Remove ${path.relative(repositoryRoot, folder)}/ to start over with an empty server.`);
  await server.stop();
  process.exit(1);
}

console.log(`
Mentorlog program server (pouchdb-server standing in for Apache CouchDB 3.x)
  listening on  ${server.url}  (this machine only)
  the app reaches it at  /couch/  (npm run dev and npm run preview proxy it there)
  admin name      ${admin.name}
  admin password  ${admin.password}
  data and password in  ${path.relative(repositoryRoot, folder)}/  (delete it to start over)
Press Ctrl+C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    stopping = true;
    await server.stop();
    process.exit(0);
  });
}
server.child.on('exit', (code) => {
  if (stopping) return;
  console.error(`The program server stopped (exit ${code}):\n${server.output().slice(-2000)}`);
  process.exit(1);
});
