import { pairRole, PARTNER_ROLE, SIGNALS_DATABASE, signalsSecurity, signalsValidateDocUpdate } from './changeSignals';
import {
  COORDINATOR_ROLE,
  DESIGN_DOC_ID,
  databaseName,
  designDocument,
  securityObject,
  type DesignDocument,
  type PairPartners,
  type SecurityObject,
  type ProgramDatabase,
  type RuleOptions,
} from './serverRules';

/**
 * Sets up the program's server from the coordinator's device, through CouchDB's documented HTTP
 * API: the directory, each pair's two databases with their members and write rules, and each
 * person's user. Every step can be repeated: it leaves what is already right as it is.
 *
 * Sends only what the stand-in (pouchdb-server) also survives: databases are created as the
 * server's admin (a non-admin `PUT /<db>` crashes it), and no `_changes?filter=_selector`.
 */

/** The server's admin, typed in by the coordinator for one provisioning run: held in memory only. */
export interface ServerAdmin {
  /** The server's address as the app reaches it, e.g. `/couch` (same origin) or `http://127.0.0.1:5984`. */
  url: string;
  name: string;
  password: string;
  /** For tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
}

export interface PersonAccount {
  /** The person's id, which is their user name on the server. */
  personId: string;
  coordinator: boolean;
  /** The pairs the person is a partner of: their roles let them signal those pairs' changes (changeSignals.ts). */
  pairIds?: readonly string[];
}

/** A provisioning step the server refused or could not be asked; `message` is a sentence for the coordinator. */
export class ProvisionError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'ProvisionError';
    this.status = status;
  }
}

export interface CouchResponse {
  status: number;
  body: Record<string, unknown>;
}

function basicAuth(name: string, password: string): string {
  // btoa takes Latin-1 only; a password may be any text.
  const bytes = new TextEncoder().encode(`${name}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** One request as the server's admin; a failure to reach the server is a ProvisionError. */
export async function request(
  admin: ServerAdmin,
  method: string,
  path: string,
  body?: unknown,
): Promise<CouchResponse> {
  const send = admin.fetch ?? fetch;
  const url = `${admin.url.replace(/\/+$/, '')}/${path}`;
  let response: Response;
  try {
    response = await send(url, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: basicAuth(admin.name, admin.password),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      // The admin's name and password are the only credentials: a user's session cookie for the
      // same server must not stand in for them.
      credentials: 'omit',
    });
  } catch {
    throw new ProvisionError(
      `Could not reach the program's server at ${admin.url}: check that it is running and that this device is online, then try again. Steps already done stay done.`,
      null,
    );
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { reason: text.slice(0, 200) };
  }
  return {
    status: response.status,
    body: parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {},
  };
}

export function refused(response: CouchResponse, what: string): ProvisionError {
  if (response.status === 401 || response.status === 403) {
    return new ProvisionError(
      `The program's server did not accept the administrator's name and password while ${what}: check them and try again.`,
      response.status,
    );
  }
  const reason = typeof response.body.reason === 'string' ? ` (${response.body.reason})` : '';
  return new ProvisionError(
    `The program's server refused ${what}${reason}. Nothing else was changed; try again.`,
    response.status,
  );
}

export function databasePath(name: string): string {
  return encodeURIComponent(name);
}

/** Creates a database unless it exists. */
async function ensureDatabase(admin: ServerAdmin, name: string): Promise<void> {
  const response = await request(admin, 'PUT', databasePath(name));
  // 412 file_exists: created before, by this run or an earlier one.
  if (response.status === 201 || response.status === 202 || response.status === 412) return;
  throw refused(response, `creating the database ${name}`);
}

async function putSecurity(admin: ServerAdmin, name: string, security: SecurityObject): Promise<void> {
  const response = await request(admin, 'PUT', `${databasePath(name)}/_security`, security);
  if (response.status !== 200 && response.status !== 201) throw refused(response, `setting who may read ${name}`);
}

/** Writes the design document unless the server already has this very rule. */
async function putDesignDocument(admin: ServerAdmin, name: string, wanted: DesignDocument): Promise<void> {
  const path = `${databasePath(name)}/${DESIGN_DOC_ID}`;
  // Two tries: a coordinator provisioning from two devices at once makes the first one's _rev stale.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const current = await request(admin, 'GET', path);
    if (current.status !== 200 && current.status !== 404) throw refused(current, `reading the write rules of ${name}`);
    if (current.status === 200 && current.body.validate_doc_update === wanted.validate_doc_update) return;
    const revision = current.status === 200 && typeof current.body._rev === 'string' ? { _rev: current.body._rev } : {};
    const response = await request(admin, 'PUT', path, { ...wanted, ...revision });
    if (response.status === 201 || response.status === 202) return;
    if (response.status !== 409) throw refused(response, `setting the write rules of ${name}`);
  }
  throw new ProvisionError(
    `The write rules of ${name} were being changed from somewhere else at the same time: try again.`,
    409,
  );
}

async function provisionDatabase(
  admin: ServerAdmin,
  database: ProgramDatabase,
  partners: PairPartners | null,
  options: RuleOptions = {},
): Promise<string> {
  const name = databaseName(database);
  await ensureDatabase(admin, name);
  await putSecurity(admin, name, securityObject(database, partners));
  await putDesignDocument(admin, name, designDocument(database, partners, options));
  return name;
}

/**
 * The directory database, and `_users`, which a fresh CouchDB 3 node does not have until someone
 * creates it. Returns the directory's name. With `sealed`, its rule is the sealed one (its pairs
 * and people end-to-end encrypted with the program key): the app calls it only through
 * programKey.ts `sealDirectory`, which makes the key, so that no device puts the readable rule back.
 */
export async function provisionDirectory(admin: ServerAdmin, options: RuleOptions = {}): Promise<string> {
  await ensureDatabase(admin, '_users');
  await ensureDatabase(admin, SIGNALS_DATABASE);
  await putSecurity(admin, SIGNALS_DATABASE, signalsSecurity());
  await putDesignDocument(admin, SIGNALS_DATABASE, {
    _id: DESIGN_DOC_ID,
    language: 'javascript',
    validate_doc_update: signalsValidateDocUpdate,
  });
  return provisionDatabase(admin, { kind: 'directory' }, null, options);
}

/**
 * A pair's two databases, with its partners as members. Returns their names. With `sealed`, their
 * write rule is the sealed one (records end-to-end encrypted); run on a pair provisioned before,
 * it replaces the rule and keeps the databases and what they hold.
 */
export async function provisionPair(
  admin: ServerAdmin,
  pair: { id: string } & PairPartners,
  options: RuleOptions = {},
): Promise<{ pair: string; shared: string }> {
  const partners = { mentorId: pair.mentorId, menteeId: pair.menteeId };
  return {
    pair: await provisionDatabase(admin, { kind: 'pair', pairId: pair.id }, partners, options),
    shared: await provisionDatabase(admin, { kind: 'shared', pairId: pair.id }, partners, options),
  };
}

export function userDocumentId(personId: string): string {
  return `org.couchdb.user:${personId}`;
}

/**
 * Creates the person's user, or updates it: their roles, and the one-time password the caller
 * made up and hands to them (the server stores only its hash). A coordinator gets the
 * coordinator's role, a partner their pairs' roles; other roles the user already has are kept. Returns the user document's new
 * `_rev`, which an invitation carries: the person replaces the one-time password by writing their
 * own user document, which needs it, and the stand-in will not let them read it.
 */
export async function provisionPerson(
  admin: ServerAdmin,
  account: PersonAccount,
  oneTimePassword: string,
): Promise<string | null> {
  if (oneTimePassword.length < 8) throw new ProvisionError('A one-time password needs at least 8 characters.', null);
  const path = `_users/${encodeURIComponent(userDocumentId(account.personId))}`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const current = await request(admin, 'GET', path);
    if (current.status !== 200 && current.status !== 404) throw refused(current, "reading the person's account");
    const existingRoles =
      current.status === 200 && Array.isArray(current.body.roles)
        ? current.body.roles.filter((role): role is string => typeof role === 'string')
        : [];
    const roles = [
      ...new Set(
        existingRoles
          .filter((role) => role !== COORDINATOR_ROLE)
          .concat(account.coordinator ? [COORDINATOR_ROLE] : [])
          .concat(account.pairIds?.length ? [PARTNER_ROLE, ...account.pairIds.map(pairRole)] : []),
      ),
    ];
    const revision = current.status === 200 && typeof current.body._rev === 'string' ? { _rev: current.body._rev } : {};
    const response = await request(admin, 'PUT', path, {
      _id: userDocumentId(account.personId),
      ...revision,
      name: account.personId,
      type: 'user',
      roles,
      password: oneTimePassword,
    });
    if (response.status === 201 || response.status === 202)
      return typeof response.body.rev === 'string' ? response.body.rev : null;
    if (response.status !== 409) throw refused(response, "saving the person's account");
  }
  throw new ProvisionError(
    "The person's account was being changed from somewhere else at the same time: try again.",
    409,
  );
}
