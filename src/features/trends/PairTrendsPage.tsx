import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { usePair, usePairCheckIns } from '../../data/pairRecords';
import { useCurrentViewer } from '../../data/viewer';
import { pairTrends } from '../../domain/trend';
import { sideInPair, visibleCheckIns } from '../../domain/visibility';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { PrintButton } from '../../ui/PrintButton';
import { TrendRules } from '../../ui/TrendRules';
import { useAfterFirstPaint } from '../../ui/useAfterFirstPaint';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CharacteristicTrendSection } from './CharacteristicTrendSection';

/**
 * Characteristics drawn in the page's first frame: more than a screenful (each has a chart and a
 * table). The others follow in a render after that frame is painted, so that their charts and
 * tables do not hold up the ones the reader sees first.
 */
export const TRENDS_IN_FIRST_FRAME = 2;

/**
 * A pair's trends: for every characteristic, both sides' scores over time, their rolling means and
 * directions, and the perception gap, as a chart and as a table. Built from the check-ins the
 * viewer may see, so a coordinator sees what was shared with the program and a partner never sees
 * the other's private check-ins. Printable as the pair's report.
 */
export function PairTrendsPage() {
  const { pairId } = useParams();
  const row = usePair(pairId);
  const allCheckIns = usePairCheckIns(pairId);
  const { viewer } = useCurrentViewer();
  const names = row ? `${row.mentor?.name ?? 'Mentor'} & ${row.mentee?.name ?? 'Mentee'}` : 'Pair';
  useDocumentTitle(`Trends: ${names}`);

  const visible = useMemo(
    () => (row && allCheckIns && viewer ? visibleCheckIns(allCheckIns, row.pair, viewer) : undefined),
    [row, allCheckIns, viewer],
  );
  const trends = useMemo(() => (visible ? pairTrends(visible) : undefined), [visible]);
  const firstFramePainted = useAfterFirstPaint(trends !== undefined);

  if (row === undefined || trends === undefined || !viewer) return <Loading what="Loading the trends" />;
  if (row === null) return <NotFound />;

  const { pair } = row;
  const side = sideInPair(pair, viewer.personId);

  return (
    <article className="trends-page report">
      <header className="page-heading">
        <div>
          <h1>Trends: {names}</h1>
          <p className="muted no-print">
            <Link to={`/pairs/${pair.id}`}>Back to the pair</Link>
          </p>
        </div>
        <PrintButton />
      </header>

      <p className={side ? 'muted' : 'notice'}>
        {side
          ? 'Built from your own check-ins, private ones included, and those your partner shared with you.'
          : 'You are viewing this pair from outside it, so these trends use only the check-ins its partners shared with the program.'}
      </p>

      <details className="rules-details">
        <summary>How trends are worked out</summary>
        <TrendRules />
      </details>

      {trends.length === 0 ? (
        <EmptyState title="No check-ins to chart yet">
          <p>Trends appear once the mentor or the mentee has checked in.</p>
          {side && pair.status !== 'closed' ? (
            <Link to={`/pairs/${pair.id}/check-ins/new`} className="button">
              Check in
            </Link>
          ) : null}
        </EmptyState>
      ) : (
        trends
          .slice(0, firstFramePainted ? trends.length : TRENDS_IN_FIRST_FRAME)
          .map((trend) => <CharacteristicTrendSection key={trend.characteristicId} trend={trend} viewerSide={side} />)
      )}
    </article>
  );
}
