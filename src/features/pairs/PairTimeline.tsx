import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { CheckIn } from '../../domain/checkIn';
import { sessionModeLabels, type Session } from '../../domain/session';
import { sideLabels } from '../../domain/side';
import type { SeenSession } from '../../domain/session';
import { visibilityLabels } from '../../domain/checkIn';
import { formatDay } from '../../ui/formatDate';
import { heldWordsSentence } from '../../ui/heldWords';
import { ScoreList } from '../../ui/ScoreList';
import { useAfterFirstPaint } from '../../ui/useAfterFirstPaint';

type Entry<S extends Session> = { kind: 'session'; record: S } | { kind: 'check-in'; record: CheckIn };

/** Sessions and check-ins on one timeline, newest first; on the same day a check-in, which follows its session, comes above it. */
export function timelineEntries<S extends Session>(sessions: readonly S[], checkIns: readonly CheckIn[]): Entry<S>[] {
  const entries: Entry<S>[] = [
    ...sessions.map((record) => ({ kind: 'session' as const, record })),
    ...checkIns.map((record) => ({ kind: 'check-in' as const, record })),
  ];
  return entries.sort(
    (a, b) =>
      b.record.date.localeCompare(a.record.date) ||
      (a.kind === b.kind ? b.record.createdAt.localeCompare(a.record.createdAt) : a.kind === 'check-in' ? -1 : 1),
  );
}

/** Years of fortnightly sessions and check-ins make hundreds of entries: the newest come first, the rest on request. */
const TIMELINE_PAGE = 20;
/**
 * The timeline sits below the fold of a pair's page, so its first frame draws the newest few (a
 * session just saved among them) and the rest of the page follows once that frame is painted: at
 * size M, drawing 20 entries made opening the page, or landing on it after a save, ~15 ms slower.
 */
const TIMELINE_IN_FIRST_FRAME = 5;

export function PairTimeline({
  pairId,
  sessions,
  checkIns,
  viewerId,
}: {
  pairId: string;
  /** As the viewer may see them (`visibleSessions`): words blank where they are held. */
  sessions: readonly SeenSession[];
  checkIns: readonly CheckIn[];
  viewerId: string;
}) {
  const [shown, setShown] = useState(TIMELINE_PAGE);
  const entries = useMemo(() => timelineEntries(sessions, checkIns), [sessions, checkIns]);
  const firstFramePainted = useAfterFirstPaint(true);
  if (entries.length === 0) {
    return <p className="muted">Nothing logged yet. Log your first session or check in to start the record.</p>;
  }
  const older = entries.length - shown;
  return (
    <>
      <ol className="timeline">
        {entries
          .slice(0, firstFramePainted ? shown : Math.min(shown, TIMELINE_IN_FIRST_FRAME))
          .map((entry) =>
            entry.kind === 'session' ? (
              <SessionEntry
                key={entry.record.id}
                pairId={pairId}
                session={entry.record}
                mine={entry.record.loggedById === viewerId}
              />
            ) : (
              <CheckInEntry
                key={entry.record.id}
                pairId={pairId}
                checkIn={entry.record}
                mine={entry.record.raterId === viewerId}
              />
            ),
          )}
      </ol>
      {older > 0 && firstFramePainted ? (
        <p>
          <button type="button" className="button" onClick={() => setShown((count) => count + TIMELINE_PAGE)}>
            Show {Math.min(older, TIMELINE_PAGE)} older of {older}
          </button>
        </p>
      ) : null}
    </>
  );
}

function SessionEntry({ pairId, session, mine }: { pairId: string; session: SeenSession; mine: boolean }) {
  const open = session.actionItems.filter((item) => !item.done).length;
  return (
    <li className="timeline__entry timeline__entry--session">
      <h3>
        <Link to={`/pairs/${pairId}/sessions/${session.id}`}>Session on {formatDay(session.date)}</Link>
      </h3>
      <p className="timeline__meta">
        {sessionModeLabels[session.mode]} · {session.durationMinutes} min · logged by the {session.loggedBy}
        {session.actionItems.length > 0 ? ` · ${session.actionItems.length} action items, ${open} open` : ''}
        {mine ? ` · Words: ${visibilityLabels[session.notesVisibility].toLowerCase()}` : ''}
      </p>
      {session.wordsHeld ? <p className="timeline__held muted">{heldWordsSentence(session)}</p> : null}
      {session.topics.length > 0 ? <p className="timeline__topics">Topics: {session.topics.join(', ')}</p> : null}
      {session.notes ? <p className="timeline__notes">{session.notes}</p> : null}
    </li>
  );
}

function CheckInEntry({ pairId, checkIn, mine }: { pairId: string; checkIn: CheckIn; mine: boolean }) {
  return (
    <li className="timeline__entry timeline__entry--check-in">
      <h3>
        <Link to={`/pairs/${pairId}/check-ins/${checkIn.id}`}>
          {mine ? 'Your check-in' : `${sideLabels[checkIn.side]}'s check-in`} on {formatDay(checkIn.date)}
        </Link>
      </h3>
      {mine ? (
        <p className="timeline__meta">
          Scores: {visibilityLabels[checkIn.visibility].toLowerCase()} · Written words:{' '}
          {visibilityLabels[checkIn.notesVisibility].toLowerCase()}
        </p>
      ) : null}
      <ScoreList scores={checkIn.scores} comments={checkIn.comments} />
      {checkIn.reflection ? (
        <blockquote className="timeline__reflection">
          <p className="visually-hidden">Reflection:</p>
          {checkIn.reflection}
        </blockquote>
      ) : null}
    </li>
  );
}
