import { Link } from 'react-router';
import type { PairListRow } from '../../domain/pairWithPeople';

/** The program's pairs, each with the way to invite its partners to sync. */
export function SyncPairList({ rows }: { rows: readonly PairListRow[] }) {
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite the pairs</h2>
      {rows.length === 0 ? (
        <p>
          There are no pairs on this device yet. <Link to="/pairs/new">Add a pair</Link>, then invite its mentor and
          mentee here.
        </p>
      ) : (
        <>
          <p>
            Each invitation is a link and a short code for one person, to open on their own device. Inviting again makes
            new codes; the old ones stop working.
          </p>
          <ul className="sync-pairs">
            {rows.map(({ pair, mentor, mentee }) => {
              const names = `${mentor?.name ?? 'Unknown mentor'} & ${mentee?.name ?? 'Unknown mentee'}`;
              return (
                <li key={pair.id}>
                  <span>{names}</span>{' '}
                  <Link to={`/sync/invite/${pair.id}`} aria-label={`Invite ${names}`}>
                    Invite
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
