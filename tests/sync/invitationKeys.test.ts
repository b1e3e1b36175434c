import { describe, expect, it } from 'vitest';
import { newLinkSecret } from '../../src/crypto/keyBoxes';
import { newContentKey } from '../../src/data/keyring';
import { newOneTimeCode } from '../../src/domain/invitation';
import { signIn } from '../../src/sync/couchClient';
import { invitationBoxId, InvitationKeysError, takeInvitationKeys } from '../../src/sync/invitationKeys';
import { provisionDirectory, provisionPair, provisionPerson } from '../../src/sync/provisionProgram';
import { putInvitationBoxes } from '../../src/sync/seedPair';
import { pairDatabaseName, sharedDatabaseName } from '../../src/sync/serverRules';
import { aServerPair } from '../../src/test/serverDocs';
import { admin, couch } from './couch';
import { cookieFetch } from './cookieFetch';

// An invitation's keys through the stand-in: boxed for the link's secret by the coordinator's
// device (as the server's admin), taken once by the invited partner's signed-in device.

async function aSealedInvitation(nowMs = Date.now()) {
  const { pair, mentee } = aServerPair();
  await provisionDirectory(admin);
  await provisionPair(admin, pair, { sealed: true });
  const keys = [newContentKey(pairDatabaseName(pair.id), 1), newContentKey(sharedDatabaseName(pair.id), 1)];
  const secret = newLinkSecret();
  const other = newLinkSecret();
  await putInvitationBoxes(admin, pair.id, [secret, other], keys, () => nowMs);
  const code = newOneTimeCode();
  await provisionPerson(admin, { personId: mentee.id, coordinator: false, pairIds: [pair.id] }, code);
  const device = { serverUrl: admin.url, fetch: cookieFetch() };
  expect((await signIn(device, mentee.id, code)).ok).toBe(true);
  return { pair, keys, secret, device };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'taken';
  } catch (error) {
    return error instanceof InvitationKeysError ? error.message : String(error);
  }
}

describe('an invitation’s keys', () => {
  it('are taken once by the invited partner with the link’s secret, and then gone from the server', async () => {
    const { pair, keys, secret, device } = await aSealedInvitation();
    expect(await takeInvitationKeys(device, pair.id, secret)).toEqual(keys);
    const box = await couch(
      'GET',
      `${pairDatabaseName(pair.id)}/${encodeURIComponent(await invitationBoxId(secret))}`,
      {
        as: { name: admin.name, password: admin.password },
      },
    );
    expect(box.status).toBe(404);
    expect(await failure(takeInvitationKeys(device, pair.id, secret))).toMatch(/already used/);
    // The server holds the other invitation's box, sealed: no key is readable in it.
    const everything = JSON.stringify(
      (
        await couch('GET', `${pairDatabaseName(pair.id)}/_all_docs?include_docs=true`, {
          as: { name: admin.name, password: admin.password },
        })
      ).body,
    );
    for (const key of keys) expect(everything).not.toContain(key.key);
  });

  it('are refused after a week, and to a secret that is not the link’s', async () => {
    const old = await aSealedInvitation(Date.now() - 8 * 86_400_000);
    expect(await failure(takeInvitationKeys(old.device, old.pair.id, old.secret))).toMatch(/expired/);
    const fresh = await aSealedInvitation();
    expect(await failure(takeInvitationKeys(fresh.device, fresh.pair.id, newLinkSecret()))).toMatch(/already used/);
  });

  it('replace the pair’s earlier invitations: an older link’s keys stop working', async () => {
    const { pair, keys, secret, device } = await aSealedInvitation();
    await putInvitationBoxes(admin, pair.id, [newLinkSecret()], keys);
    expect(await failure(takeInvitationKeys(device, pair.id, secret))).toMatch(/already used, or replaced/);
  });
});
