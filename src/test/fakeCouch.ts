import { vi } from 'vitest';

/** One request the app sent to the fake server, as the server would see it. */
export interface SeenRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
  /** The basic-auth name, or null when the request came with no Authorization (a cookie session). */
  basicName: string | null;
}

interface User {
  password: string;
  rev: number;
  roles: string[];
}

/**
 * A stand-in for the program's CouchDB in component tests, in place of `fetch`: just enough of its
 * API for provisioning (documents one by one, `_all_docs` by key range, `_bulk_docs`), signing in and
 * changing one's own password, with users whose passwords it
 * checks. Documents are accepted and kept; `answer` may override any request (a failure, a refusal).
 */
export function fakeCouch(
  options: {
    admin?: { name: string; password: string };
    base?: string;
    answer?: (request: SeenRequest) => { status: number; body?: unknown } | undefined;
    /** Documents are read and written by a signed-in user too (a cookie session), as a database's member would. */
    members?: boolean;
    /** A user signed in already: the browser holds their session's cookie. */
    session?: string;
  } = {},
) {
  const admin = options.admin ?? { name: 'admin', password: 'admin-password' };
  const base = options.base ?? '/couch';
  const users = new Map<string, User>();
  const docs = new Map<string, { rev: number; body: Record<string, unknown> }>();
  const requests: SeenRequest[] = [];
  let signedIn: string | null = options.session ?? null;

  const respond = (status: number, body: unknown = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  function handle(request: SeenRequest, authorization: string | null): Response {
    const override = options.answer?.(request);
    if (override) return respond(override.status, override.body);
    const { method, path, body } = request;
    const asAdmin = authorization === `Basic ${btoa(`${admin.name}:${admin.password}`)}`;
    if (authorization && !asAdmin)
      return respond(401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
    if (path === '_session' && method === 'POST') {
      const name = String(body?.name ?? '');
      const user = users.get(name);
      if (!user || user.password !== body?.password) return respond(401, { error: 'unauthorized' });
      signedIn = name;
      return respond(200, { ok: true, name, roles: user.roles });
    }
    const userId = /^_users\/org\.couchdb\.user%3A(.+)$/.exec(path)?.[1];
    if (userId) {
      const user = users.get(userId);
      if (method === 'GET') return user ? respond(200, { _rev: `${user.rev}-a`, roles: user.roles }) : respond(404);
      if (!asAdmin && (!user || body?._rev !== `${user.rev}-a`)) return respond(409, { error: 'conflict' });
      const next = {
        password: String(body?.password),
        rev: (user?.rev ?? 0) + 1,
        roles: (body?.roles as string[]) ?? [],
      };
      users.set(userId, next);
      return respond(201, { ok: true, rev: `${next.rev}-a` });
    }
    if (!asAdmin && !(options.members && signedIn !== null)) return respond(401, { error: 'unauthorized' });
    const [database = '', rest = ''] = path.split(/\/(.*)/s);
    if (rest.startsWith('_all_docs') && method === 'GET') {
      const range = new URLSearchParams(rest.slice('_all_docs?'.length));
      const from = JSON.parse(range.get('startkey') ?? '""') as string;
      const to = JSON.parse(range.get('endkey') ?? '"\uffff"') as string;
      const rows = [...docs.entries()]
        .map(([key, doc]) => ({ id: decodeURIComponent(key.slice(database.length + 1)), doc }))
        .filter(({ id }) => id >= from && id <= to)
        .map(({ id, doc }) => ({ id, key: id, value: { rev: `${doc.rev}-a` } }));
      return respond(200, { rows });
    }
    if (rest === '_bulk_docs' && method === 'POST') {
      const sent = (body?.docs as Record<string, unknown>[] | undefined) ?? [];
      return respond(
        201,
        sent.map((doc) => {
          const key = `${database}/${encodeURIComponent(String(doc._id))}`;
          if (doc._deleted) {
            docs.delete(key);
            return { ok: true, id: doc._id, rev: 'x-deleted' };
          }
          const rev = (docs.get(key)?.rev ?? 0) + 1;
          docs.set(key, { rev, body: doc });
          return { ok: true, id: doc._id, rev: `${rev}-a` };
        }),
      );
    }
    const held = docs.get(path);
    if (method === 'GET') return held ? respond(200, { ...held.body, _rev: `${held.rev}-a` }) : respond(404);
    if (method === 'PUT') {
      if (!path.includes('/')) return respond(held ? 412 : 201, { ok: true });
      const rev = (held?.rev ?? 0) + 1;
      docs.set(path, { rev, body: body ?? {} });
      return respond(201, { ok: true, rev: `${rev}-a` });
    }
    return respond(404);
  }

  const fetchStub = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if (!url.startsWith(`${base}/`)) throw new TypeError(`Failed to fetch ${url}`);
    const authorization = new Headers(init.headers).get('Authorization');
    const seen: SeenRequest = {
      method: init.method ?? 'GET',
      path: url.slice(base.length + 1),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null,
      basicName: authorization ? (atob(authorization.slice('Basic '.length)).split(':')[0] ?? '') : null,
    };
    requests.push(seen);
    return handle(seen, authorization);
  });
  vi.stubGlobal('fetch', fetchStub);

  return {
    admin,
    requests,
    users,
    docs,
    /** Sets a user as the admin would, for tests that start after an invitation. */
    addUser(name: string, password: string, roles: string[] = []): string {
      const rev = (users.get(name)?.rev ?? 0) + 1;
      users.set(name, { password, rev, roles });
      return `${rev}-a`;
    },
  };
}
