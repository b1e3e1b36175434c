import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePairQuery } from '../../data/pairs';
import { saveSyncAccount, useSyncAccount } from '../../data/syncAccount';
import { newOneTimeCode, type Invitation } from '../../domain/invitation';
import type { SyncAccount } from '../../domain/syncAccount';
import type { PairWithPeople } from '../../domain/pairWithPeople';
import type { Person } from '../../domain/person';
import { newLinkSecret } from '../../crypto/keyBoxes';
import { provisionPair, provisionPerson, ProvisionError, type ServerAdmin } from '../../sync/provisionProgram';
import { holdsKeysFor, pairKeysForInvitation } from '../../sync/pairKeys';
import { registerThisDevice } from '../../sync/registerDevices';
import { putInvitationBoxes, sealedWithOtherKeys, seedPairDatabase } from '../../sync/seedPair';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { InvitationCard } from './InvitationCard';
import { useServerAdmin, type ServerAdminCredentials } from './serverAdminContext';
import { ServerAdminForm } from './ServerAdminForm';
import { StepList } from './StepList';
import { useSteps, type StepPlan } from './useSteps';

type MadeInvitation = Invitation & { code: string; side: 'mentor' | 'mentee' };

/** Invites a pair's mentor and mentee to sync: sets the pair up on the server and makes each a link and a code. */
export function InvitePage() {
  useDocumentTitle('Invite a pair');
  const { pairId } = useParams();
  const row = usePairQuery(pairId);
  const account = useSyncAccount();
  const { admin } = useServerAdmin();

  if (!account || account.role !== 'coordinator') {
    return (
      <section className="narrow">
        <h1>Invite a pair</h1>
        <p>
          Invitations come from a coordinator’s device connected to the program’s server.{' '}
          <Link to="/sync">Connect this device first</Link>.
        </p>
      </section>
    );
  }
  if (row === undefined) return <Loading what="Loading the pair" />;
  if (row === null) return <NotFound />;
  const { pair, mentor, mentee } = row;
  return (
    <section className="narrow sync-page">
      <h1>
        Invite {mentor?.name ?? 'the mentor'} & {mentee?.name ?? 'the mentee'}
      </h1>
      <p>
        <Link to="/sync">Back to sync</Link> · <Link to={`/pairs/${pair.id}`}>The pair’s page</Link>
      </p>
      {!mentor || !mentee ? (
        <p className="notice">
          This pair’s {mentor ? 'mentee' : 'mentor'} is not on this device, so the pair cannot be set up on the server.
          Bring in their record first (a backup or the pair’s file).
        </p>
      ) : admin ? (
        <Invitations account={account} admin={admin} row={{ pair, mentor, mentee }} />
      ) : (
        <ServerAdminForm />
      )}
    </section>
  );
}

interface InvitationsProps {
  account: SyncAccount;
  admin: ServerAdminCredentials;
  row: PairWithPeople & { mentor: Person; mentee: Person };
}

function Invitations({ account, admin, row }: InvitationsProps) {
  const { setAdmin } = useServerAdmin();
  const { steps, running, message, run } = useSteps();
  const [invitations, setInvitations] = useState<MadeInvitation[]>([]);
  const [adminRefused, setAdminRefused] = useState(false);
  const [search] = useSearchParams();
  const { pair, mentor, mentee } = row;
  // After a change of partners, the new one alone: the one who stayed keeps their account and code.
  // A link naming someone who is not a partner (any more) invites both, as without it.
  const named = search.get('only');
  const only = named === mentor.id || named === mentee.id ? named : null;
  // The coordinator may be a partner too: their own account is the coordinator's, and stays so.
  const invited = (
    [
      { person: mentor, side: 'mentor' },
      { person: mentee, side: 'mentee' },
    ] as const
  ).filter(({ person }) => person.id !== account.personId && (only === null || person.id === only));

  const invite = async () => {
    const server: ServerAdmin = { url: account.serverUrl, name: admin.name, password: admin.password };
    const made: MadeInvitation[] = [];
    let keys: Awaited<ReturnType<typeof pairKeysForInvitation>> | null = null;
    const secrets = invited.map(() => newLinkSecret());
    const plan: StepPlan[] = [
      {
        label: 'Making the pair’s keys on this device',
        run: async () => {
          if (!(await holdsKeysFor(pair.id)) && (await sealedWithOtherKeys(server, pair.id)))
            throw new ProvisionError(
              'This pair’s records on the server are sealed with keys this device does not hold (it was invited from another device, or this device’s storage was cleared). Invite it from the device that invited it first, or let this device in from there: “Let in another device of yours” on that device’s sync page.',
              null,
            );
          keys = await pairKeysForInvitation(pair.id);
        },
      },
      {
        label: 'Setting up the pair’s databases',
        run: () => provisionPair(server, pair, { sealed: true }).then(() => undefined),
      },
      {
        label: 'Putting the pair and its partners in the pair’s database, sealed',
        run: () => seedPairDatabase(server, { pair, mentor, mentee }, keys?.pairKeys ?? null),
      },
      {
        label: 'Putting the keys for the invitations in the pair’s database',
        run: async () => {
          await putInvitationBoxes(server, pair.id, secrets, keys?.bytes ?? []);
          // This device in the shared database's device registry, signed in as the coordinator, so that
          // a partner who removes a device boxes the next keys for it too; the sync's start tries again.
          await registerThisDevice({ serverUrl: account.serverUrl }, pair.id, 'coordinator', account.personId).catch(
            () => undefined,
          );
        },
      },
      ...invited.map(({ person, side }, index) => ({
        label: `Making a new one-time code for ${person.name}`,
        run: async () => {
          const code = newOneTimeCode();
          const rev = await provisionPerson(
            server,
            { personId: person.id, coordinator: false, pairIds: [pair.id] },
            code,
          );
          made.push({
            serverUrl: account.serverUrl,
            personId: person.id,
            pairId: pair.id,
            name: person.name,
            rev,
            code,
            secret: secrets[index] ?? null,
            side,
          });
        },
      })),
      {
        label: 'Adding the pair to what this device syncs',
        run: async () => {
          if (!account.pairIds.includes(pair.id))
            saveSyncAccount({ ...account, pairIds: [...account.pairIds, pair.id] });
        },
      },
    ];
    setInvitations([]);
    const outcome = await run(plan);
    if (outcome.ok) setInvitations(made);
    else setAdminRefused(outcome.error instanceof ProvisionError && [401, 403].includes(outcome.error.status ?? 0));
  };

  return (
    <>
      {only !== null && invited.length === 1 ? (
        <p>
          Inviting {invited[0]?.person.name} only: the pair’s other partner keeps their account and the devices they
          joined with. The invitation carries every key the pair has had, so {invited[0]?.person.name} reads the pair’s
          history too.
        </p>
      ) : invited.length < 2 ? (
        <p>
          You are one of this pair’s partners: your own account on the server is the coordinator’s, so there is no
          invitation for you.
        </p>
      ) : null}
      <p>
        Inviting sets the pair up on the server and gives each partner a new one-time code. Write down or send each code
        now: this device does not keep it. Inviting again makes new codes; the old ones stop working.
      </p>
      <StepList steps={steps} />
      <ErrorMessage message={message} />
      <button type="button" className="button button--primary" disabled={running} onClick={() => void invite()}>
        {invitations.length > 0 || message ? 'Invite again with new codes' : 'Make the invitations'}
      </button>{' '}
      {adminRefused ? (
        <button type="button" className="button" onClick={() => setAdmin(null)}>
          Type the administrator’s name and password again
        </button>
      ) : null}
      {invitations.map((invitation) => (
        <InvitationCard
          key={invitation.personId}
          invitation={invitation}
          side={invitation.side}
          appOrigin={window.location.origin}
        />
      ))}
    </>
  );
}
