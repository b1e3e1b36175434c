import { json, request, type CouchConnection } from './couchHttp';
import { COORDINATOR_ROLE, type SecurityObject } from './serverRules';

/*
 * Change signals: how a coordinator's device learns which pairs changed without asking each of a
 * thousand shared databases in turn. A partner's device, after pushing to its pair's shared
 * database, touches that pair's signal document in one program-wide database; the coordinator's
 * device long polls that database alone and reads only the shared databases it names (and, now and
 * then, all of them, for changes whose signal was lost). CouchDB's own `_db_updates`, which would
 * say the same, is for its admins only. A signal holds a pair's id and a time, nothing else: the
 * program's partners can read it (CouchDB has no write-only databases), so each partner sees when
 * some pair changed, never what.
 */

export const SIGNALS_DATABASE = 'mentorlog-signals';

/** Every partner's role: members of the signals database. */
export const PARTNER_ROLE = 'mentorlog-partner';

/** The role of a pair's two partners, which lets them touch that pair's signal and no other. */
export function pairRole(pairId: string): string {
  return `mentorlog-pair-${pairId}`;
}

export function signalDocId(pairId: string): string {
  return `signal:${pairId}`;
}

/** The pair a signal document is for, or null for any other id. */
export function pairIdOfSignal(docId: string): string | null {
  const [, pairId] = /^signal:([0-9a-f-]{36})$/.exec(docId) ?? [];
  return pairId ?? null;
}

export function signalsSecurity(): SecurityObject {
  return { admins: { names: [], roles: [] }, members: { names: [], roles: [COORDINATOR_ROLE, PARTNER_ROLE] } };
}

/** The signals database's write rule (ES5, for CouchDB's JavaScript engine). */
export const signalsValidateDocUpdate = `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (newDoc._deleted) throw({ forbidden: 'A change signal is never removed.' });
  var meta = newDoc.meta;
  if (meta === null || typeof meta !== 'object' || meta.type !== 'signal' || typeof meta.pairId !== 'string') {
    throw({ forbidden: 'This database holds change signals only.' });
  }
  if (newDoc._id !== 'signal:' + meta.pairId) throw({ forbidden: 'A signal\\'s id must be signal: and its pair\\'s id.' });
  if (userCtx.roles.indexOf('${pairRole('')}' + meta.pairId) === -1) {
    throw({ forbidden: 'Only a partner of this pair can signal its changes.' });
  }
  if (typeof meta.updated !== 'string' || meta.updated.length > 40) throw({ forbidden: 'A signal needs the time of the change.' });
  var key;
  for (key in newDoc) {
    if (key !== '_id' && key !== '_rev' && key !== '_revisions' && key !== 'meta') throw({ forbidden: 'A signal carries nothing but its metadata.' });
  }
  for (key in meta) {
    if (key !== 'type' && key !== 'pairId' && key !== 'updated') throw({ forbidden: 'A signal carries nothing but its pair and time.' });
  }
}`;

/**
 * Touches the pair's signal. Best effort by design: a server provisioned before signals, or a
 * person invited before them (without the pair's role), refuses or lacks the database, and then the
 * coordinator's occasional full round finds the change instead; a push must not fail for it.
 */
export async function sendSignal(connection: CouchConnection, pairId: string, now: () => number): Promise<void> {
  const path = `${SIGNALS_DATABASE}/${encodeURIComponent(signalDocId(pairId))}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const current = await request(connection, path);
      const held = current.status === 200 ? ((await json(current)) as { _rev?: unknown }) : null;
      if (current.status !== 200) await current.body?.cancel();
      const doc = {
        _id: signalDocId(pairId),
        ...(typeof held?._rev === 'string' ? { _rev: held._rev } : {}),
        meta: { type: 'signal', pairId, updated: new Date(now()).toISOString() },
      };
      const response = await request(connection, path, { method: 'PUT', body: JSON.stringify(doc) });
      await response.body?.cancel();
      if (response.status !== 409) return;
    } catch {
      return;
    }
  }
}
