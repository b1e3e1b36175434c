/*
 * Requests to the program's server (CouchDB's HTTP API over fetch), with its two answers that
 * retrying cannot fix turned into errors of their own.
 */

type Fetch = typeof fetch;

/** A 401: the session cookie is missing or expired. Surfaced as a status, never thrown out of sync. */
export class SignedOutError extends Error {}
/** A 403: this person is not a member of the database; retrying will not help. */
export class RefusedError extends Error {}
/** Any other failed answer from the server. */
export class ServerError extends Error {}

/** Whether a failure was the network's or the server's, rather than this device's storage. */
export function isServerFailure(error: unknown): boolean {
  if (error instanceof TypeError || error instanceof SyntaxError || error instanceof ServerError) return true;
  // fetch's own aborts and time-outs; Dexie's AbortError is not a DOMException.
  return error instanceof DOMException && ['AbortError', 'TimeoutError', 'NetworkError'].includes(error.name);
}

export interface CouchConnection {
  /** The server's root, like `/couchdb` (proxied under the app's origin, so the cookie is same-site). */
  serverUrl: string;
  fetch?: Fetch;
}

export function url(connection: CouchConnection, path: string): string {
  return `${connection.serverUrl.replace(/\/$/, '')}/${path}`;
}

export async function request(connection: CouchConnection, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await (connection.fetch ?? fetch)(url(connection, path), {
    ...init,
    credentials: 'include',
    headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  if (response.status === 401) throw new SignedOutError('Sign in again.');
  if (response.status === 403) throw new RefusedError(path);
  return response;
}

export async function json(response: Response): Promise<unknown> {
  if (!response.ok && response.status !== 404) throw new ServerError(`The server answered ${response.status}.`);
  return response.json() as Promise<unknown>;
}
