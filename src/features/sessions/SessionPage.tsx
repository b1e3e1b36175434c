import { Link, useParams } from 'react-router';
import { usePair, usePairSession } from '../../data/pairRecords';
import { useCurrentViewer } from '../../data/viewer';
import { localToday } from '../../domain/dates';
import { actionItemsOf, sessionModeLabels } from '../../domain/session';
import { visibleSession } from '../../domain/session';
import { sideInPair } from '../../domain/visibility';
import { formatDay } from '../../ui/formatDate';
import { heldWordsSentence } from '../../ui/heldWords';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { setListedActionItemDone } from '../../data/sessions';
import { saveErrorMessage } from '../../data/storageFailureMessage';
import { ActionItemChecklist } from '../../ui/ActionItemChecklist';
import { DeleteSessionButton } from './DeleteSessionButton';
import { SessionVisibilityForm } from './SessionVisibilityForm';
import { useOpenedRecord } from '../../data/openedWords';

export function SessionPage() {
  const { pairId, sessionId } = useParams();
  const row = usePair(pairId);
  const stored = useOpenedRecord(pairId, 'sessions', usePairSession(pairId, sessionId));
  const { viewer } = useCurrentViewer();
  useDocumentTitle(stored ? `Session on ${formatDay(stored.date)}` : 'Session');
  if (row === undefined || stored === undefined || !viewer) return <Loading what="Loading the session" />;
  if (row === null || stored === null) return <NotFound />;
  const { pair, mentor, mentee } = row;
  const side = sideInPair(pair, viewer.personId);
  // From here on only what the viewer may see: the words are blank where they are held.
  const session = visibleSession(stored, pair, viewer);
  const mine = stored.loggedById === viewer.personId;

  return (
    <article className="narrow">
      <p>
        <Link to={`/pairs/${pair.id}`}>
          ← {mentor?.name ?? 'Mentor'} & {mentee?.name ?? 'Mentee'}
        </Link>
      </p>
      <h1>Session on {formatDay(session.date)}</h1>
      <dl className="details">
        <dt>Mode</dt>
        <dd>{sessionModeLabels[session.mode]}</dd>
        <dt>Duration</dt>
        <dd>{session.durationMinutes} minutes</dd>
        <dt>Logged by</dt>
        <dd>The {session.loggedBy}</dd>
        {session.wordsHeld ? null : (
          <>
            <dt>Topics</dt>
            <dd>{session.topics.length > 0 ? session.topics.join(', ') : 'None noted'}</dd>
          </>
        )}
      </dl>
      {session.wordsHeld ? (
        <p className="notice">{heldWordsSentence(session)}</p>
      ) : (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes</h2>
          {session.notes ? <p className="pre-wrap">{session.notes}</p> : <p className="muted">No notes.</p>}
        </section>
      )}
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Action items</h2>
        {session.actionItems.length === 0 ? (
          <p className="muted">No action items from this session.</p>
        ) : (
          <ActionItemChecklist
            items={actionItemsOf(session)}
            setDone={setListedActionItemDone}
            describeFailure={saveErrorMessage}
            today={localToday()}
            readOnly={side === null}
          />
        )}
      </section>
      {mine ? <SessionVisibilityForm session={stored} personId={viewer.personId} /> : null}
      {side ? (
        <p>
          <Link to={`/pairs/${pair.id}/check-ins/new?session=${session.id}`} className="button">
            Check in on this session
          </Link>
        </p>
      ) : null}
      {side ? <DeleteSessionButton session={stored} /> : null}
    </article>
  );
}
