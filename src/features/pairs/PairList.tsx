import { Link, useSearchParams } from 'react-router';
import { usePairList, type PairListRow } from '../../data/pairs';
import { useCurrentViewer } from '../../data/viewer';
import { sessionDue } from '../../domain/cadence';
import { localToday } from '../../domain/dates';
import { pairStatusLabels } from '../../domain/pairStatus';
import { sideInPair } from '../../domain/visibility';
import { EmptyState } from '../../ui/EmptyState';
import { formatDay } from '../../ui/formatDate';
import { Loading } from '../../ui/Loading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

export function PairList() {
  useDocumentTitle('Pairs');
  const rows = usePairList();
  const { viewer } = useCurrentViewer();
  const [params, setParams] = useSearchParams();
  if (!rows || !viewer) return <Loading what="Loading pairs" />;

  // Mentors and mentees see their own pairs first; the coordinator sees the whole program.
  const participant = viewer.role !== 'coordinator';
  const own = rows.filter((row) => sideInPair(row.pair, viewer.personId) !== null);
  const showAll = !participant || params.get('show') === 'all';
  const shown = showAll ? rows : own;
  const today = localToday();

  return (
    <section>
      <div className="page-heading">
        <h1>{showAll ? 'Pairs' : 'Your pairs'}</h1>
        <Link to="/pairs/new" className="button button--primary">
          New pair
        </Link>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No pairs yet">
          <p>A pair is a mentor and a mentee. Set one up to start logging sessions and check-ins.</p>
          <Link to="/pairs/new" className="button">
            Set up your first pair
          </Link>
        </EmptyState>
      ) : (
        <>
          {participant && rows.length > own.length ? (
            <p>
              {showAll ? (
                <button type="button" className="link-button" onClick={() => setParams({})}>
                  Show only your pairs
                </button>
              ) : (
                <button type="button" className="link-button" onClick={() => setParams({ show: 'all' })}>
                  Show all {rows.length} pairs on this device
                </button>
              )}
            </p>
          ) : null}
          {shown.length === 0 ? (
            <EmptyState title="You are not in any pair yet">
              <p>Set up a pair with you as the {viewer.role}, or switch who you are viewing as.</p>
            </EmptyState>
          ) : (
            <ul className="pair-list" aria-label="Pairs">
              {shown.map((row) => (
                <PairListItem key={row.pair.id} row={row} today={today} viewerId={viewer.personId} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function PairListItem({ row, today, viewerId }: { row: PairListRow; today: string; viewerId: string }) {
  const { pair, mentor, mentee, lastSessionDate } = row;
  const due = sessionDue(pair, lastSessionDate ? [lastSessionDate] : [], today);
  const side = sideInPair(pair, viewerId);
  return (
    <li className="pair-list__item">
      <Link to={`/pairs/${pair.id}`} className="pair-list__link">
        <span className="pair-list__names">
          {mentor?.name ?? 'Unknown mentor'} <span aria-hidden="true">&</span>
          <span className="visually-hidden">and</span> {mentee?.name ?? 'Unknown mentee'}
        </span>
      </Link>
      <span className={`badge badge--${pair.status}`}>{pairStatusLabels[pair.status]}</span>
      {side ? <span className="badge">You are the {side}</span> : null}
      <span className="pair-list__meta">
        {lastSessionDate ? `Last session ${formatDay(lastSessionDate)}` : 'No sessions yet'}
        {due ? (due.overdue ? ' · Overdue' : ` · Next due ${formatDay(due.dueDate)}`) : null}
      </span>
    </li>
  );
}
