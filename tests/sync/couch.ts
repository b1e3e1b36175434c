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
