import { describe, expect, it } from 'vitest';
import {
  provisionDirectory,
  provisionPair,
  provisionPerson,
  ProvisionError,
  userDocumentId,
} from '../../src/sync/provisionProgram';
import {
  COORDINATOR_ROLE,
  DESIGN_DOC_ID,
  pairDatabaseName,
  sharedDatabaseName,
  sharedSecurity,
} from '../../src/sync/serverRules';
import { aServerPair } from '../../src/test/serverDocs';
import { admin, couch } from './couch';

const asAdmin = { name: admin.name, password: admin.password };

describe('provisioning the program’s server', () => {
  it('sets up a pair’s databases with their members and write rules, and changes nothing when run again', async () => {
    const { pair } = aServerPair();
    await provisionDirectory(admin);
    const names = await provisionPair(admin, pair);
    expect(names).toEqual({ pair: pairDatabaseName(pair.id), shared: sharedDatabaseName(pair.id) });
    const designBefore = await couch('GET', `${names.shared}/${DESIGN_DOC_ID}`, { as: asAdmin });

    await provisionDirectory(admin);
    await provisionPair(admin, pair);

    expect((await couch('GET', `${names.shared}/_security`, { as: asAdmin })).body).toEqual(sharedSecurity(pair));
    const designAfter = await couch('GET', `${names.shared}/${DESIGN_DOC_ID}`, { as: asAdmin });
    expect(designAfter.body._rev).toBe(designBefore.body._rev);
    expect(designAfter.body.validate_doc_update).toContain(JSON.stringify(pair.id));
  });

  it('gives a person a new one-time password and the coordinator’s role, keeping one account', async () => {
    const personId = crypto.randomUUID();
    await provisionPerson(admin, { personId, coordinator: false }, 'first-password');
    await provisionPerson(admin, { personId, coordinator: true }, 'second-password');

    const account = await couch('GET', `_users/${encodeURIComponent(userDocumentId(personId))}`, { as: asAdmin });
    expect(account.body).toMatchObject({ name: personId, type: 'user', roles: [COORDINATOR_ROLE] });
    expect(account.body).not.toHaveProperty('password');
    expect((await couch('POST', '_session', { body: { name: personId, password: 'first-password' } })).status).toBe(
      401,
    );
    const session = await couch('POST', '_session', { body: { name: personId, password: 'second-password' } });
    expect(session.body).toMatchObject({ ok: true, name: personId, roles: [COORDINATOR_ROLE] });
  });

  it('says so in a sentence when the administrator’s password is wrong', async () => {
    const attempt = provisionDirectory({ ...admin, password: 'wrong' });
    await expect(attempt).rejects.toBeInstanceOf(ProvisionError);
    await expect(attempt).rejects.toThrow(/did not accept the administrator's name and password/);
  });

  it('says so in a sentence when the server cannot be reached', async () => {
    const attempt = provisionDirectory({ ...admin, url: 'http://127.0.0.1:9' });
    await expect(attempt).rejects.toThrow(/Could not reach the program's server at http:\/\/127.0.0.1:9/);
  });
});
