import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startStandIn } from '../../scripts/standInServer.mjs';

/**
 * A stand-in server of a test's own, for what the global one cannot do: be stopped and started
 * again on the same port (with `inMemory: false` its data survives), or run in "admin party".
 * Started the one way `npm run server` and the global setup start it.
 */
export class PouchServer {
  private stopServer: (() => Promise<void>) | null = null;
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
    const started = await startStandIn({ folder: this.dir, port: this.port, inMemory: this.inMemory });
    this.stopServer = started.stop;
  }

  async stop(): Promise<void> {
    const stop = this.stopServer;
    this.stopServer = null;
    await stop?.();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** As an admin while the server is in admin party (no admin created yet). */
  async admin(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response.json();
  }
}
