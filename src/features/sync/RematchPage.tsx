import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePairQuery } from '../../data/pairs';
import { usePeople } from '../../data/people';
import { useSyncAccount } from '../../data/syncAccount';
import type { PairWithPeople } from '../../domain/pairWithPeople';
import type { Person } from '../../domain/person';
import type { SyncAccount } from '../../domain/syncAccount';
import { ProvisionError } from '../../sync/provisionProgram';
import { rematchSteps } from '../../sync/rematchSteps';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useServerAdmin, type ServerAdminCredentials } from './serverAdminContext';
import { ServerAdminForm } from './ServerAdminForm';
import { StepList } from './StepList';
import { useSteps } from './useSteps';

const TITLE = 'Finish the change on the program’s server';

/** People's names in a sentence: "Sam", "Sam and Ann". */
function namesOf(ids: readonly string[], people: readonly Person[], fallback: string): string {
  const names = ids.map((id) => people.find((person) => person.id === id)?.name ?? fallback);
  return names.length === 0 ? fallback : names.join(' and ');
}

/**
 * After a pair's mentor or mentee changed on a coordinator's device: the change made on the
 * server too (sync/rematch.ts), so that the partner who left gets nothing written from now on,
 * then the way to invite the new one. `?left=` and `?joined=` name who, from the edit just saved;
 * opened without them, the server's members and device registry say who left.
 */
export function RematchPage() {
  useDocumentTitle(TITLE);
  const { pairId } = useParams();
  const row = usePairQuery(pairId);
  const people = usePeople();
  const account = useSyncAccount();
  const { admin } = useServerAdmin();
  const [search] = useSearchParams();

  if (!account || account.role !== 'coordinator') {
    return (
      <section className="narrow">
        <h1>{TITLE}</h1>
        <p>
          A change of partners is finished on the server from a coordinator’s device connected to it.{' '}
          <Link to="/sync">Connect this device first</Link>.
        </p>
      </section>
    );
  }
  if (row === undefined || people === undefined) return <Loading what="Loading the pair" />;
  if (row === null) return <NotFound />;
  const { pair, mentor, mentee } = row;
  const who = namesOf(search.getAll('left'), people, 'the partner who left');
  return (
    <section className="narrow sync-page">
      <h1>{TITLE}</h1>
      <p>
        <Link to={`/pairs/${pair.id}`}>The pair’s page</Link> · <Link to="/sync">Back to sync</Link>
      </p>
      <p>
        This pair is now {mentor?.name ?? 'its mentor'} and {mentee?.name ?? 'its mentee'}. On the server, {who} can
        still read and write the pair’s records until the change is finished here: finishing gives the pair new keys
        that only its devices from now on get, takes {who} off the pair’s databases, and lets the new partners in.
      </p>
      <p className="notice">
        What {who}’s devices already synced stays readable on them: nobody can take back what a device holds. Nothing
        written from now on reaches them.
      </p>
      {!mentor || !mentee ? (
        <p className="notice">
          This pair’s {mentor ? 'mentee' : 'mentor'} is not on this device, so the change cannot be finished on the
          server. Bring in their record first (a backup or the pair’s file).
        </p>
      ) : admin ? (
        <Rematch account={account} admin={admin} row={{ pair, mentor, mentee }} people={people} />
      ) : (
        <ServerAdminForm why="Finishing a change of partners on the server needs its administrator’s name and password." />
      )}
    </section>
  );
}

interface RematchProps {
  account: SyncAccount;
  admin: ServerAdminCredentials;
  row: PairWithPeople & { mentor: Person; mentee: Person };
  people: readonly Person[];
}

function Rematch({ account, admin, row, people }: RematchProps) {
  const { setAdmin } = useServerAdmin();
  const [search] = useSearchParams();
  const { steps, running, message, run } = useSteps();
  const [leaving, setLeaving] = useState<readonly string[]>(search.getAll('left'));
  const [done, setDone] = useState(false);
  const [adminRefused, setAdminRefused] = useState(false);
  const { pair, mentor, mentee } = row;
  const joined = search.getAll('joined').filter((id) => id === pair.mentorId || id === pair.menteeId);
  const who = namesOf(leaving, people, 'the partner who left');

  const finish = async () => {
    setDone(false);
    setAdminRefused(false);
    const plan = rematchSteps({
      admin: { url: account.serverUrl, name: admin.name, password: admin.password },
      pair,
      mentor,
      mentee,
      coordinatorId: account.personId,
      named: search.getAll('left'),
      onLeaving: setLeaving,
    });
    const outcome = await run(plan);
    if (outcome.ok) setDone(true);
    else setAdminRefused(outcome.error instanceof ProvisionError && [401, 403].includes(outcome.error.status ?? 0));
  };

  const invite = joined.length === 1 ? `/sync/invite/${pair.id}?only=${joined[0]}` : `/sync/invite/${pair.id}`;
  return (
    <>
      <StepList steps={steps} />
      <ErrorMessage message={message} />
      {done ? (
        <section aria-labelledby="rematch-done" className="card">
          <h2 id="rematch-done">The change is finished on the server</h2>
          <p>
            {leaving.length > 0 ? `${who} no longer has access to the pair. ` : 'Nobody else had access to the pair. '}
            Invite the new partner now: their invitation carries every key the pair has had, so they read the pair’s
            history as well as what is written from now on, just as this device shows the pair’s records to its current
            partners.
          </p>
          <p>
            <Link to={invite} className="button button--primary">
              {joined.length === 1 ? `Invite ${namesOf(joined, people, 'the new partner')}` : 'Invite the new partners'}
            </Link>
          </p>
        </section>
      ) : (
        <button type="button" className="button button--primary" disabled={running} onClick={() => void finish()}>
          {message ? 'Try again' : 'Finish the change on the server'}
        </button>
      )}{' '}
      {adminRefused ? (
        <button type="button" className="button" onClick={() => setAdmin(null)}>
          Type the administrator’s name and password again
        </button>
      ) : null}
    </>
  );
}
