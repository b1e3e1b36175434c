import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePairList } from '../../data/pairs';
import type { PairListRow } from '../../domain/pairWithPeople';
import { useCurrentViewer } from '../../data/viewer';
import { sessionDue } from '../../domain/cadence';
import { localToday } from '../../domain/dates';
import { pairStatusLabels } from '../../domain/pairStatus';
import { sideInPair } from '../../domain/visibility';
import { EmptyState } from '../../ui/EmptyState';
import { useMarkFirstScreenShown } from '../../ui/firstScreen';
import { formatDay } from '../../ui/formatDate';
import { Loading } from '../../ui/Loading';
import { useAfterFirstPaint } from '../../ui/useAfterFirstPaint';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/**
 * Pairs drawn at first. A program of a thousand pairs would otherwise keep its coordinator waiting
 * for a list nobody reads from top to bottom: they search it, or ask for all of it.
 */
export const PAIRS_AT_FIRST = 100;
/**
 * Pairs in the list's first frame: more than a screenful, so that the list is there at once; the
 * rest of the first PAIRS_AT_FIRST follow in a render after that frame is painted (at 1,000 pairs,
 * drawing and laying out 100 rows took ~120 ms of the first frame).
 */
export const PAIRS_IN_FIRST_FRAME = 25;
/** From this many pairs on, the list offers a search by name. */
const SEARCH_FROM = 10;

/** Pairs whose mentor's or mentee's name contains the search, ignoring case and accents. */
export function matchingPairs(rows: readonly PairListRow[], search: string): readonly PairListRow[] {
  const wanted = foldForSearch(search.trim());
  if (wanted === '') return rows;
  return rows.filter((row) =>
    [row.mentor?.name, row.mentee?.name].some((name) => name !== undefined && foldForSearch(name).includes(wanted)),
  );
}

function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

export function PairList() {
  useDocumentTitle('Pairs');
  const rows = usePairList();
  const { viewer } = useCurrentViewer();
  const [params, setParams] = useSearchParams();
  const [drawAll, setDrawAll] = useState(false);
  const searchId = useId();
  const search = params.get('q') ?? '';
  const participant = viewer?.role !== 'coordinator';
  const showAll = !participant || params.get('show') === 'all';
  const own = useMemo(
    () => (rows && viewer ? rows.filter((row) => sideInPair(row.pair, viewer.personId) !== null) : []),
    [rows, viewer],
  );
  const matching = useMemo(() => matchingPairs(showAll ? (rows ?? []) : own, search), [rows, own, showAll, search]);
  const loaded = rows !== undefined && viewer !== null;
  useMarkFirstScreenShown(loaded);
  const firstFramePainted = useAfterFirstPaint(loaded);
  if (!rows || !viewer) return <Loading what="Loading pairs" />;

  // Mentors and mentees see their own pairs first; the coordinator sees the whole program.
  const shown = drawAll ? matching : matching.slice(0, firstFramePainted ? PAIRS_AT_FIRST : PAIRS_IN_FIRST_FRAME);
  const today = localToday();
  const setParam = (name: 'q' | 'show', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    // Typing into the search replaces the entry, so that back leaves the list instead of undoing letters.
    setParams(next, { replace: name === 'q' });
  };

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
                <button type="button" className="link-button" onClick={() => setParam('show', null)}>
                  Show only your pairs
                </button>
              ) : (
                <button type="button" className="link-button" onClick={() => setParam('show', 'all')}>
                  Show all {rows.length} pairs on this device
                </button>
              )}
            </p>
          ) : null}
          {(showAll ? rows.length : own.length) >= SEARCH_FROM || search !== '' ? (
            <div className="field pair-list__search">
              <label htmlFor={searchId}>Find a pair by name</label>
              <input
                id={searchId}
                type="search"
                value={search}
                autoComplete="off"
                onChange={(event) => setParam('q', event.target.value || null)}
              />
            </div>
          ) : null}
          {participant && !showAll && own.length === 0 ? (
            <EmptyState title="You are not in any pair yet">
              <p>Set up a pair with you as the {viewer.role}, or switch who you are viewing as.</p>
            </EmptyState>
          ) : matching.length === 0 ? (
            <p role="status">No pair has a mentor or mentee whose name contains “{search.trim()}”.</p>
          ) : (
            <>
              {search !== '' ? (
                <p role="status" className="muted">
                  {matching.length} {matching.length === 1 ? 'pair matches' : 'pairs match'} “{search.trim()}”.
                </p>
              ) : null}
              <ul className="pair-list" aria-label="Pairs">
                {shown.map((row) => (
                  <PairListItem key={row.pair.id} row={row} today={today} viewerId={viewer.personId} />
                ))}
              </ul>
              {shown.length < matching.length && firstFramePainted ? (
                <p>
                  The first {shown.length}, by mentor’s name, are shown.{' '}
                  <button type="button" className="button" onClick={() => setDrawAll(true)}>
                    Show all {matching.length} pairs
                  </button>
                </p>
              ) : null}
            </>
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
