import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import { useCurrentViewer } from '../../data/viewer';
import { useOwnCheckIns, type OwnPairCheckIns } from '../../data/trends';
import { characteristicName, SCALE } from '../../domain/characteristic';
import { alignSeries, ratedCharacteristicIds, sideTrend, type SideTrend } from '../../domain/trend';
import { EmptyState } from '../../ui/EmptyState';
import { formatDay } from '../../ui/formatDate';
import { formatScore } from '../../ui/formatScore';
import { LazyTrendChart } from '../../ui/LazyTrendChart';
import { Loading } from '../../ui/Loading';
import { PrintButton } from '../../ui/PrintButton';
import { TrendRules } from '../../ui/TrendRules';
import { chartTime, lineTone, SCORE_RANGE } from '../../ui/trendChartTypes';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { TrendDirectionText } from '../../ui/TrendDirectionText';

const SCALE_MAX = SCALE.length;

interface PairLine {
  key: string;
  /** "With Priya Nair (you are the mentor)". */
  label: string;
  trend: SideTrend;
}

/**
 * A mentor's or a mentee's own ratings over time, in every pair they belong to: one line per pair
 * for each characteristic. Their private check-ins are included, because they made them; this
 * screen shows only the viewer's own check-ins, so nothing here is anyone else's.
 */
export function MyTrendsPage() {
  useDocumentTitle('My trends');
  const { viewer, person } = useCurrentViewer();
  const pairs = useOwnCheckIns(viewer);

  const characteristics = useMemo(() => {
    if (!pairs) return undefined;
    const ids = ratedCharacteristicIds(pairs.flatMap((pair) => pair.checkIns));
    return ids.map((characteristicId) => ({
      characteristicId,
      lines: pairs
        .map((pair) => ({
          key: pair.pair.id,
          label: pairLabel(pair),
          trend: sideTrend(pair.checkIns, pair.side, characteristicId),
        }))
        .filter((line) => line.trend.points.length > 0),
    }));
  }, [pairs]);

  if (!viewer || pairs === undefined || characteristics === undefined) return <Loading what="Loading your trends" />;

  return (
    <article className="trends-page report">
      <header className="page-heading">
        <h1>My trends</h1>
        <PrintButton />
      </header>
      <p className="muted">
        {person ? `${person.name}: your` : 'Your'} own ratings over time, in every pair you belong to. Your private
        check-ins are included; only you can see them.
      </p>

      <details className="rules-details">
        <summary>How trends are worked out</summary>
        <TrendRules />
      </details>

      {characteristics.length === 0 ? (
        <EmptyState title="No check-ins of yours yet">
          <p>Your trends appear after your first check-in. Open one of your pairs and choose “Check in”.</p>
          <Link to="/pairs" className="button">
            Go to your pairs
          </Link>
        </EmptyState>
      ) : (
        characteristics.map(({ characteristicId, lines }) => (
          <OwnCharacteristicTrend key={characteristicId} characteristicId={characteristicId} lines={lines} />
        ))
      )}
    </article>
  );
}

function pairLabel({ side, mentor, mentee }: OwnPairCheckIns): string {
  const partner = side === 'mentor' ? (mentee?.name ?? 'your mentee') : (mentor?.name ?? 'your mentor');
  return `With ${partner} (you are the ${side})`;
}

function OwnCharacteristicTrend({ characteristicId, lines }: { characteristicId: string; lines: PairLine[] }) {
  const headingId = useId();
  const captionId = useId();
  const name = characteristicName(characteristicId);
  const rows = useMemo(() => alignSeries(lines.map((line) => line.trend.points)), [lines]);
  const chart = useMemo(
    () => ({
      x: rows.map((row) => chartTime(row.date, row.occurrence)),
      series: lines.map((line, index) => ({
        label: line.label,
        tone: lineTone(index),
        values: rows.map((row) => row.values[index]?.score ?? null),
      })),
    }),
    [rows, lines],
  );

  return (
    <section className="trend-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <dl className="trend-summary">
        {lines.map((line) => (
          <div key={line.key}>
            <dt>{line.label}</dt>
            <dd>
              Latest {line.trend.latest} of {SCALE_MAX} · <TrendDirectionText direction={line.trend.direction} />
            </dd>
          </div>
        ))}
      </dl>
      <LazyTrendChart
        x={chart.x}
        series={chart.series}
        yRange={SCORE_RANGE}
        label={`Chart of your ${name.toLowerCase()} scores over time, one line per pair. The table “Your ${name.toLowerCase()} scores by check-in” has the same figures.`}
      />
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table">
          <caption id={captionId}>Your {name.toLowerCase()} scores by check-in</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {lines.map((line) => [
                <th scope="col" key={`${line.key}-score`}>
                  {line.label}
                </th>,
                <th scope="col" key={`${line.key}-mean`}>
                  {line.label}, rolling mean
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.date}#${row.occurrence}`}>
                <th scope="row">
                  <time dateTime={row.date}>{formatDay(row.date)}</time>
                </th>
                {lines.map((line, index) => {
                  const point = row.values[index];
                  return [
                    <td key={`${line.key}-score`}>{point ? point.score : ''}</td>,
                    <td key={`${line.key}-mean`}>{point ? formatScore(point.rollingMean) : ''}</td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
