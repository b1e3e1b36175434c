import { useId, useMemo, useState } from 'react';
import { characteristicName, SCALE } from '../../domain/characteristic';
import { sideLabels, type Side } from '../../domain/side';
import type { CharacteristicTrend, SideTrend } from '../../domain/trend';
import { formatDay } from '../../ui/formatDate';
import { formatScore } from '../../ui/formatScore';
import { LazyTrendChart } from '../../ui/LazyTrendChart';
import { chartTime, SCORE_RANGE, type ChartSeries } from '../../ui/trendChartTypes';
import { TrendDirectionText } from '../../ui/TrendDirectionText';

const SCALE_MAX = SCALE.length;

/**
 * Check-ins each table lists at first, the latest ones. Three years of a pair's check-ins would
 * otherwise be some 70 rows in each of five tables, drawn before the page can be read; the chart
 * above each table shows every check-in, and the rest of the table is one click away.
 */
export const TABLE_ROWS_AT_FIRST = 12;

/**
 * One characteristic of a pair: each side's latest score and direction, the perception gap, a chart
 * of both sides' scores with the gap shaded, and the same figures as a table.
 */
export function CharacteristicTrendSection({
  trend,
  viewerSide,
}: {
  trend: CharacteristicTrend;
  viewerSide: Side | null;
}) {
  const headingId = useId();
  const captionId = useId();
  const name = characteristicName(trend.characteristicId);
  const who = (side: Side) => sideName(side, viewerSide);
  const [allRows, setAllRows] = useState(false);
  const rows = allRows ? trend.rows : trend.rows.slice(-TABLE_ROWS_AT_FIRST);

  // The chart redraws only when its figures change, not on every render of the page.
  const chart = useMemo(() => {
    const mentor = sideName('mentor', viewerSide);
    const mentee = sideName('mentee', viewerSide);
    const series: ChartSeries[] = [
      { label: `${mentor}’s score`, tone: 'mentor', values: trend.rows.map((row) => row.mentor?.score ?? null) },
      { label: `${mentee}’s score`, tone: 'mentee', values: trend.rows.map((row) => row.mentee?.score ?? null) },
      {
        label: `${mentor}’s rolling mean`,
        tone: 'mentor-mean',
        values: trend.rows.map((row) => row.mentor?.rollingMean ?? null),
      },
      {
        label: `${mentee}’s rolling mean`,
        tone: 'mentee-mean',
        values: trend.rows.map((row) => row.mentee?.rollingMean ?? null),
      },
    ];
    return { x: trend.rows.map((row) => chartTime(row.date, row.occurrence)), series };
  }, [trend, viewerSide]);

  return (
    <section className="trend-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <dl className="trend-summary">
        <SideSummary label={who('mentor')} trend={trend.mentor} />
        <SideSummary label={who('mentee')} trend={trend.mentee} />
        <div>
          <dt>Perception gap</dt>
          <dd>
            {trend.gap
              ? `${trend.gap.gap} ${trend.gap.gap === 1 ? 'point' : 'points'} between their latest scores`
              : 'Needs a score from each side'}
          </dd>
        </div>
      </dl>
      <LazyTrendChart
        x={chart.x}
        series={chart.series}
        band={[0, 1]}
        yRange={SCORE_RANGE}
        label={`Chart of ${name.toLowerCase()} scores over time from the mentor and the mentee. The table “${name} by check-in” has the same figures.`}
      />
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table">
          <caption id={captionId}>
            {name} by check-in
            {rows.length < trend.rows.length ? `: the latest ${rows.length} of ${trend.rows.length}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">{who('mentor')}</th>
              <th scope="col">{who('mentor')}, rolling mean</th>
              <th scope="col">{who('mentee')}</th>
              <th scope="col">{who('mentee')}, rolling mean</th>
              <th scope="col">Gap</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.date}#${row.occurrence}`}>
                <th scope="row">
                  <time dateTime={row.date}>{formatDay(row.date)}</time>
                </th>
                <td>{row.mentor ? row.mentor.score : ''}</td>
                <td>{row.mentor ? formatScore(row.mentor.rollingMean) : ''}</td>
                <td>{row.mentee ? row.mentee.score : ''}</td>
                <td>{row.mentee ? formatScore(row.mentee.rollingMean) : ''}</td>
                <td>{row.gap ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length < trend.rows.length ? (
        <p className="no-print">
          <button type="button" className="button" onClick={() => setAllRows(true)}>
            Show all {trend.rows.length} check-ins
          </button>
        </p>
      ) : null}
    </section>
  );
}

function sideName(side: Side, viewerSide: Side | null): string {
  return side === viewerSide ? `${sideLabels[side]} (you)` : sideLabels[side];
}

function SideSummary({ label, trend }: { label: string; trend: SideTrend }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {trend.latest === null ? (
          'No scores shared'
        ) : (
          <>
            Latest {trend.latest} of {SCALE_MAX} · <TrendDirectionText direction={trend.direction} />
          </>
        )}
      </dd>
    </div>
  );
}
