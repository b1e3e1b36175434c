import { inject } from 'vitest';
import type { ServerAdmin } from '../../src/sync/provisionProgram';

export const server = inject('syncServer');

export const admin: ServerAdmin = { url: server.url, name: server.admin.name, password: server.admin.password };

export interface Credentials {
  name: string;
  password: string;
}

export interface CouchAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** One raw request to the server, as a user (basic auth), with a session cookie, or anonymously. */
export async function couch(
  method: string,
  path: string,
  options: { as?: Credentials; cookie?: string; body?: unknown; base?: string } = {},
): Promise<CouchAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.as)
    headers.Authorization = `Basic ${Buffer.from(`${options.as.name}:${options.as.password}`).toString('base64')}`;
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${options.base ?? server.url}/${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  };
}

/**
 * A refusal of access or of a write. CouchDB answers 403 (forbidden) to a signed-in user; the
 * stand-in, pouchdb-server, answers 401 to every refusal, so both count.
 */
export const refusedStatuses = [401, 403];

const asAdmin = { name: admin.name, password: admin.password };

async function adminJson(path: string): Promise<unknown> {
  const answer = await couch('GET', path, { as: asAdmin });
  return answer.status === 200 ? answer.body : null;
}

/**
 * The text of every revision body the server still holds, in every database, read as its admin:
 * each doc's leaves (deleted ones too, `open_revs=all`) and every earlier revision they descend
 * from that has not been compacted away. What no reader may see must be in none of them.
 */
export async function everythingStored(): Promise<string[]> {
  const bodies: string[] = [];
  const databases = ((await adminJson('_all_dbs')) as string[] | null) ?? [];
  for (const database of databases) {
    const path = encodeURIComponent(database);
    const changes = (await adminJson(`${path}/_changes?style=all_docs&since=0`)) as {
      results?: Array<{ id: string }>;
    } | null;
    for (const { id } of changes?.results ?? []) {
      const docPath = `${path}/${encodeURIComponent(id)}`;
      const leaves =
        ((await adminJson(`${docPath}?open_revs=all&revs=true`)) as unknown as Array<{
          ok?: { _revisions?: { start: number; ids: string[] } };
        }> | null) ?? [];
      for (const leaf of leaves) {
        if (!leaf.ok) continue;
        bodies.push(JSON.stringify(leaf.ok));
        const { start, ids } = leaf.ok._revisions ?? { start: 0, ids: [] };
        for (const [index, hash] of ids.entries()) {
          const earlier = await adminJson(`${docPath}?rev=${start - index}-${hash}`);
          if (earlier) bodies.push(JSON.stringify(earlier));
        }
      }
    }
  }
  return bodies;
}

/** Waits for something the sync loop does in its own time. */
export async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
