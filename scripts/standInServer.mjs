// Starts pouchdb-server, the stand-in for Apache CouchDB 3.x that `npm run server` and the sync
// tests use, and ends its "admin party" (anyone an admin) by creating an admin. Loopback only.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = path.join(repositoryRoot, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');

/** A port nobody listens on now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url, child, output) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`pouchdb-server stopped as it started (exit ${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pouchdb-server did not answer at ${url} within 30 s:\n${output()}`);
}

/**
 * Gives the server a cookie secret of its own in its configuration file, unless it has one.
 * pouchdb-server makes up a new one at every start and keeps it nowhere, so a restart would sign
 * every device out; CouchDB writes the one it makes up into its configuration, and so does this.
 */
function keepCookieSecret(configFile) {
  const config = fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')) : {};
  if (config.couch_httpd_auth?.secret) return;
  config.couch_httpd_auth = { ...config.couch_httpd_auth, secret: randomUUID() };
  fs.writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}

/**
 * Starts pouchdb-server with its files (config.json, log.txt, and the databases unless in memory)
 * in `folder`. Returns its address and a stop function.
 */
export async function startStandIn({ folder, port, inMemory }) {
  keepCookieSecret(path.join(folder, 'config.json'));
  const args = [
    binary,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--config',
    path.join(folder, 'config.json'),
    '--no-stdout-logs',
  ];
  if (inMemory) args.push('--in-memory');
  else args.push('--dir', path.join(folder, 'data'));
  // Its cwd is the folder: pouchdb-server writes log.txt into the working directory.
  const child = spawn(process.execPath, args, { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(`${url}/`, child, () => output);
  } catch (error) {
    child.kill();
    throw error;
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, child, stop, output: () => output };
}

/**
 * Creates the server's admin unless one exists. pouchdb-server keeps its configuration at /_config
 * (CouchDB 3: /_node/_local/_config); both answer a PUT of admins/<name> with the password, which
 * the server stores hashed. Returns true when it created the admin.
 */
export async function ensureAdmin(url, name, password) {
  const anonymous = await (await fetch(`${url}/_session`)).json();
  // In admin party anonymous requests are admin; once an admin exists they are not.
  if (!anonymous.userCtx?.roles?.includes('_admin')) {
    const auth = `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
    const session = await fetch(`${url}/_session`, { headers: { Authorization: auth } });
    const body = session.ok ? await session.json() : {};
    if (body.userCtx?.name === name && body.userCtx.roles.includes('_admin')) return false;
    throw new Error(
      `The server at ${url} already has an admin, and ${name} with the saved password is not one of them.`,
    );
  }
  for (const configPath of ['_node/_local/_config', '_config']) {
    const response = await fetch(`${url}/${configPath}/admins/${encodeURIComponent(name)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(password),
    });
    if (response.ok) return true;
    if (response.status !== 404 && response.status !== 400) {
      throw new Error(`Could not create the admin on ${url}: ${response.status} ${await response.text()}`);
    }
  }
  throw new Error(
    `Could not create the admin on ${url}: it has no configuration API at /_node/_local/_config or /_config.`,
  );
}
