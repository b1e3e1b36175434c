import { useId, useMemo, useState } from 'react';
import { useProgramMonths } from '../../data/dashboard';
import { builtInCharacteristics, characteristicName } from '../../domain/characteristic';
import type { MonthlyAggregate } from '../../domain/programAggregates';
import { formatScore } from '../../ui/formatScore';
import { LazyTrendChart } from '../../ui/LazyTrendChart';
import { Loading } from '../../ui/Loading';
import { chartTime, SCORE_RANGE, type ChartSeries } from '../../ui/trendChartTypes';

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

function formatMonth(month: string): string {
  return monthFormat.format(Date.parse(`${month}-01T00:00:00Z`));
}

/**
 * The program month by month: how many pairs ran, sessions held, check-ins shared, and the mean of
 * one characteristic (trust unless the coordinator picks another) for mentors and for mentees,
 * as a chart and a table. Loaded by a query of its own, after the pairs table.
 */
export function ProgramTrends({ today }: { today: string }) {
  const headingId = useId();
  const selectId = useId();
  const captionId = useId();
  const months = useProgramMonths(today);
  const [characteristicId, setCharacteristicId] = useState('trust');

  const ids = useMemo(() => {
    const rated = months ? Object.keys(months[0]?.means ?? {}) : [];
    // Offer the built-in characteristics even before anyone has rated them, then any a program added.
    return [...new Set([...builtInCharacteristics.map(({ id }) => id), ...rated])];
  }, [months]);

  const chart = useMemo(() => {
    if (!months) return null;
    const series: ChartSeries[] = [
      {
        label: 'Mentors’ mean',
        tone: 'mentor',
        values: months.map((month) => meanOf(month, characteristicId, 'mentor')),
      },
      {
        label: 'Mentees’ mean',
        tone: 'mentee',
        values: months.map((month) => meanOf(month, characteristicId, 'mentee')),
      },
    ];
    return { x: months.map((month) => chartTime(`${month.month}-01`)), series };
  }, [months, characteristicId]);

  const name = characteristicName(characteristicId);
  return (
    <section aria-labelledby={headingId} className="program-trends">
      <h2 id={headingId}>The program month by month</h2>
      {!months || !chart ? (
        <Loading what="Adding up the months" />
      ) : (
        <>
          <div className="field no-print program-trends__choice">
            <label htmlFor={selectId}>Characteristic to chart</label>
            <select
              id={selectId}
              value={characteristicId}
              onChange={(event) => setCharacteristicId(event.target.value)}
            >
              {ids.map((id) => (
                <option key={id} value={id}>
                  {characteristicName(id)}
                </option>
              ))}
            </select>
          </div>
          <p className="muted">
            Each month’s mean is the average across pairs of each pair’s own average that month, from check-ins shared
            with the program.
          </p>
          <LazyTrendChart
            x={chart.x}
            series={chart.series}
            band={[0, 1]}
            yRange={SCORE_RANGE}
            timeUnit="month"
            label={`Chart of the program’s mean ${name.toLowerCase()} score by month, for mentors and for mentees. The table “The program by month” has the same figures.`}
          />
          <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
            <table className="data-table">
              <caption id={captionId}>The program by month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Active pairs</th>
                  <th scope="col">Sessions held</th>
                  <th scope="col">Check-ins shared</th>
                  <th scope="col">{name}, mentors’ mean</th>
                  <th scope="col">{name}, mentees’ mean</th>
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month.month}>
                    <th scope="row">
                      <time dateTime={month.month}>{formatMonth(month.month)}</time>
                    </th>
                    <td>{month.activePairs}</td>
                    <td>{month.sessionsHeld}</td>
                    <td>{month.checkInsShared}</td>
                    <td>{formatMean(meanOf(month, characteristicId, 'mentor'))}</td>
                    <td>{formatMean(meanOf(month, characteristicId, 'mentee'))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function meanOf(month: MonthlyAggregate, characteristicId: string, side: 'mentor' | 'mentee'): number | null {
  return month.means[characteristicId]?.[side] ?? null;
}

function formatMean(mean: number | null): string {
  return mean === null ? 'No scores' : formatScore(mean);
}
