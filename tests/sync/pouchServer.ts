import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const binary = fileURLToPath(new URL('../../node_modules/.bin/pouchdb-server', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A pouchdb-server on 127.0.0.1, its files (logs, and data unless in memory) in a directory of its own. */
export class PouchServer {
  private child: ChildProcess | null = null;
  readonly dir = mkdtempSync(join(tmpdir(), 'mentorlog-sync-'));

  private constructor(
    readonly port: number,
    private readonly inMemory: boolean,
  ) {}

  static async start(options: { inMemory?: boolean } = {}): Promise<PouchServer> {
    const server = new PouchServer(await freePort(), options.inMemory ?? true);
    await server.restart();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    const storage = this.inMemory ? ['--in-memory'] : ['--dir', join(this.dir, 'data')];
    this.child = spawn(binary, ['--host', '127.0.0.1', '--port', String(this.port), ...storage], {
      cwd: this.dir,
      stdio: 'ignore',
    });
    for (let tries = 0; tries < 100; tries++) {
      try {
        if ((await fetch(this.url)).ok) return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`pouchdb-server did not start on ${this.url}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** As an admin (the server is in admin party): databases are created this way, never by a member. */
  async admin(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response.json();
  }
}
