import { aServerPair } from './serverDocs';
import {
  COORDINATOR_ROLE,
  pairSecurity,
  sharedSecurity,
  validateDocUpdateSource,
  type PairPartners,
  type ProgramDatabase,
  type RuleOptions,
  type SecurityObject,
} from '../sync/serverRules';

/*
 * validate_doc_update run as CouchDB would run it, with the people and databases of one pair: the
 * harness of the server rules' tests (src/sync/serverRules*.test.ts).
 */

export interface UserContext {
  name: string | null;
  roles: string[];
}
export type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: UserContext, secObj: SecurityObject) => void;

/** The function as CouchDB would run it: its source evaluated on its own. */
export function compile(database: ProgramDatabase, partners: PairPartners | null, options: RuleOptions = {}): Validate {
  return new Function(`return (${validateDocUpdateSource(database, partners, options)});`)() as Validate;
}

/** The sentence the function refuses with, or null when it lets the write through. */
export function refusal(
  validate: Validate,
  newDoc: unknown,
  userCtx: UserContext,
  secObj: SecurityObject,
  oldDoc: unknown = null,
): string | null {
  try {
    validate(newDoc, oldDoc, userCtx, secObj);
    return null;
  } catch (error) {
    const forbidden = (error as { forbidden?: unknown }).forbidden;
    if (typeof forbidden !== 'string') throw error;
    return forbidden;
  }
}

export function setUp() {
  const fixture = aServerPair();
  const { pair, mentor, mentee } = fixture;
  const pairDb = compile({ kind: 'pair', pairId: pair.id }, pair);
  const sharedDb = compile({ kind: 'shared', pairId: pair.id }, pair);
  const directory = compile({ kind: 'directory' }, null);
  const asMentor: UserContext = { name: mentor.id, roles: [] };
  const asMentee: UserContext = { name: mentee.id, roles: [] };
  const asCoordinator: UserContext = { name: crypto.randomUUID(), roles: [COORDINATOR_ROLE] };
  const asAdmin: UserContext = { name: 'admin', roles: ['_admin'] };
  return {
    ...fixture,
    pairDb,
    sharedDb,
    directory,
    asMentor,
    asMentee,
    asCoordinator,
    asAdmin,
    pairSec: pairSecurity(pair),
    sharedSec: sharedSecurity(pair),
  };
}

/** The same pair with sealed databases (end-to-end encrypted records). */
export function setUpSealed() {
  const fixture = setUp();
  const { pair } = fixture;
  return {
    ...fixture,
    pairDb: compile({ kind: 'pair', pairId: pair.id }, pair, { sealed: true }),
    sharedDb: compile({ kind: 'shared', pairId: pair.id }, pair, { sealed: true }),
  };
}
