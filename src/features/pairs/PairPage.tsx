import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { usePair, usePairCheckIns, usePairSessions, useSaveState } from '../../data/pairRecords';
import { setPairStatus } from '../../data/savePair';
import { useSyncAccount } from '../../data/syncAccount';
import { useCurrentViewer } from '../../data/viewer';
import { sessionDue } from '../../domain/cadence';
import { localToday } from '../../domain/dates';
import { guidanceForPair } from '../../domain/guidanceSelection';
import { pairStatusLabels, type Pair, type PairStatus } from '../../domain/pair';
import { openActionItems } from '../../domain/session';
import { visibleSessions } from '../../domain/session';
import { sideInPair, visibleCheckIns } from '../../domain/visibility';
import { setListedActionItemDone } from '../../data/sessions';
import { ActionItemChecklist } from '../../ui/ActionItemChecklist';
import { formatDay, formatDaysFromNow } from '../../ui/formatDate';
import { GuidanceCardView } from '../../ui/GuidanceCardView';
import { Loading } from '../../ui/Loading';
import { useMarkFirstScreenShown } from '../../ui/firstScreen';
import { NotFound } from '../../ui/NotFound';
import { saveErrorMessage } from '../../data/storageFailureMessage';
import { SaveStatus } from '../../ui/SaveStatus';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { PairTimeline } from './PairTimeline';
import { DeletePairButton } from './DeletePairButton';
import { SharePairButton } from './SharePairButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useOpenedWords } from '../../data/openedWords';

const MAX_GUIDANCE_CARDS = 3;

export function PairPage() {
  const { pairId } = useParams();
  const row = usePair(pairId);
  const storedSessions = useOpenedWords(pairId, 'sessions', usePairSessions(pairId));
  const allCheckIns = useOpenedWords(pairId, 'checkIns', usePairCheckIns(pairId));
  const { viewer } = useCurrentViewer();
  const account = useSyncAccount();
  // Right after logging a session (listed below from the start): whether it is stored yet.
  const savedSession = (useLocation().state as { savedSession?: unknown } | null)?.savedSession;
  const saveState = useSaveState(pairId, typeof savedSession === 'string' ? savedSession : '');
  const names = row ? `${row.mentor?.name ?? 'Mentor'} & ${row.mentee?.name ?? 'Mentee'}` : 'Pair';
  useDocumentTitle(names);
  const loaded = row !== undefined && storedSessions !== undefined && allCheckIns !== undefined;
  useMarkFirstScreenShown(loaded);

  if (row === undefined || storedSessions === undefined || allCheckIns === undefined || !viewer)
    return <Loading what="Loading the pair" />;
  if (row === null) return <NotFound />;

  const { pair } = row;
  const today = localToday();
  const side = sideInPair(pair, viewer.personId);
  const checkIns = visibleCheckIns(allCheckIns, pair, viewer);
  // Every session with its facts; its words only where the viewer may read them.
  const sessions = visibleSessions(storedSessions, pair, viewer);
  const due = sessionDue(
    pair,
    sessions.map((session) => session.date),
    today,
  );
  const actionItems = openActionItems(sessions);
  const guidance = guidanceForPair({ side, checkIns }).slice(0, MAX_GUIDANCE_CARDS);

  return (
    <article className="pair-page">
      <header className="page-heading">
        <div>
          <h1>{names}</h1>
          <p className="muted">
            <span className={`badge badge--${pair.status}`}>{pairStatusLabels[pair.status]}</span> Since{' '}
            {formatDay(pair.startDate)}
            {pair.endDate ? `, until ${formatDay(pair.endDate)}` : ''} · every {pair.cadenceDays} days
            {side ? ` · you are the ${side}` : ''}
          </p>
        </div>
        {side && pair.status !== 'closed' ? (
          <div className="button-row">
            <Link to={`/pairs/${pair.id}/sessions/new`} className="button button--primary">
              Log a session
            </Link>
            <Link to={`/pairs/${pair.id}/check-ins/new`} className="button">
              Check in
            </Link>
          </div>
        ) : null}
      </header>

      {typeof savedSession === 'string' ? <SaveStatus state={saveState} what="session" /> : null}

      {!side ? (
        <p className="notice">
          You are viewing this pair from outside it, so you see only what its partners shared with the program.{' '}
          <Link to="/viewing-as">Switch who you are viewing as</Link> to log for one of them.
        </p>
      ) : null}

      {pair.goals ? (
        <section aria-labelledby="goals-heading">
          <h2 id="goals-heading">Goals</h2>
          <p className="pre-wrap">{pair.goals}</p>
        </section>
      ) : null}

      <p>
        <Link to={`/pairs/${pair.id}/trends`}>Trends and perception gaps</Link>
        {account?.role === 'coordinator' ? (
          <>
            {' · '}
            <Link to={`/sync/invite/${pair.id}`}>Invite the partners to sync</Link>
          </>
        ) : null}
      </p>

      <section aria-labelledby="next-heading" className="card">
        <h2 id="next-heading">Next session</h2>
        <NextSession due={due} status={pair.status} />
      </section>

      <section aria-labelledby="guidance-heading">
        <h2 id="guidance-heading">Guidance for now</h2>
        {guidance.length === 0 ? (
          <p className="muted">
            Nothing calls for attention in the check-ins you can see. <Link to="/guidance">Browse all guidance</Link>.
          </p>
        ) : (
          <div className="guidance-list">
            {guidance.map((match) => (
              <GuidanceCardView key={match.card.id} card={match.card} reasons={match.reasons} />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Open action items</h2>
        {actionItems.length === 0 ? (
          <p className="muted">No open action items.</p>
        ) : (
          <ActionItemChecklist
            items={actionItems}
            today={today}
            setDone={setListedActionItemDone}
            describeFailure={saveErrorMessage}
            readOnly={!side}
          />
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Sessions and check-ins</h2>
        <PairTimeline pairId={pair.id} sessions={sessions} checkIns={checkIns} viewerId={viewer.personId} />
      </section>

      <section aria-labelledby="manage-heading">
        <h2 id="manage-heading">Manage this pair</h2>
        <PairStatusActions pair={pair} today={today} />
        <SharePairButton pairId={pair.id} viewerId={viewer.personId} />
        <DeletePairButton pair={pair} names={names} />
      </section>
    </article>
  );
}

function NextSession({ due, status }: { due: ReturnType<typeof sessionDue>; status: PairStatus }) {
  if (!due) return <p>This pair is {pairStatusLabels[status].toLowerCase()}, so no session is due.</p>;
  const last = due.lastSessionDate
    ? `The last session was on ${formatDay(due.lastSessionDate)}.`
    : 'No session has been logged yet.';
  if (due.overdue) {
    return (
      <p className="attention">
        <strong>Overdue.</strong> {last} The next one was due {formatDaysFromNow(due.daysUntilDue)}, on{' '}
        {formatDay(due.dueDate)}.
      </p>
    );
  }
  return (
    <p>
      {last} The next one is due {formatDaysFromNow(due.daysUntilDue)}, on {formatDay(due.dueDate)}.
    </p>
  );
}

function PairStatusActions({ pair, today }: { pair: Pair; today: string }) {
  const [error, setError] = useState<string | null>(null);
  const change = async (status: PairStatus) => {
    setError(null);
    try {
      await setPairStatus(pair, status, today);
    } catch (failure) {
      setError(saveErrorMessage(failure));
    }
  };
  return (
    <>
      <div className="button-row">
        <Link to={`/pairs/${pair.id}/edit`} className="button">
          Edit pair
        </Link>
        {pair.status === 'active' ? (
          <button type="button" className="button" onClick={() => void change('paused')}>
            Pause
          </button>
        ) : null}
        {pair.status === 'paused' ? (
          <button type="button" className="button" onClick={() => void change('active')}>
            Resume
          </button>
        ) : null}
        {pair.status === 'closed' ? (
          <button type="button" className="button" onClick={() => void change('active')}>
            Reopen
          </button>
        ) : (
          <button type="button" className="button" onClick={() => void change('closed')}>
            Close pair
          </button>
        )}
      </div>
      <ErrorMessage message={error} />
    </>
  );
}
