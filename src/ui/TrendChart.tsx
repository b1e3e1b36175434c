import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartTones, type TrendChartProps } from './trendChartTypes';

const HEIGHT = 220;
const SECONDS_PER_DAY = 24 * 60 * 60;
const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** Room for one label on the time axis, in CSS pixels. */
const LABEL_SPACE = { day: 56, month: 72 } as const;

/** Can this browser draw on a canvas? Not in a test DOM, where the table alone carries the data. */
function canvasAvailable(): boolean {
  try {
    return Boolean(document.createElement('canvas').getContext('2d'));
  } catch {
    return false;
  }
}

/**
 * A line chart drawn with uPlot (a small canvas charting library), loaded only by the screens that
 * chart: import `LazyTrendChart`, never this module directly. uPlot styles its elements through the
 * DOM's style properties, never inline style attributes or <style> tags, so it runs under the
 * app's Content-Security-Policy. The chart is decoration for sighted users: every chart sits next
 * to a table with the same numbers, and its label says so.
 */
export function TrendChart({ x, series, band, yRange, label, timeUnit = 'day' }: TrendChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const [drawable] = useState(canvasAvailable);
  // Plain numbers for the effect's dependencies: callers may pass new arrays with the same values
  // on every render, and the chart should be rebuilt only when something it draws has changed.
  const [upperBand, lowerBand] = band ?? [null, null];
  const [yMin, yMax] = yRange;

  useEffect(() => {
    const element = container.current;
    if (!element || !drawable) return undefined;

    const bandSeries =
      upperBand === null || lowerBand === null
        ? null
        : carriedForwardBand(series[upperBand]?.values ?? [], series[lowerBand]?.values ?? []);
    const data: uPlot.AlignedData = [
      x,
      ...series.map((line) => line.values),
      ...(bandSeries ? [bandSeries.upper, bandSeries.lower] : []),
    ];
    const lineCount = series.length;
    const format = timeUnit === 'month' ? monthLabel : dayLabel;
    const edge = (timeUnit === 'month' ? 12 : 2) * SECONDS_PER_DAY;

    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 200),
      height: HEIGHT,
      // The table next to the chart is the legend and the read-out; uPlot's own would duplicate it.
      legend: { show: false },
      cursor: { show: false },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: {
        x: {
          time: true,
          // Room either side of the first and last points, so their labels are not cut off; and one
          // point alone would otherwise give the axis no width.
          range: (_chart, min, max) => [min - edge, max + edge],
        },
        y: { range: [yMin, yMax] },
      },
      axes: [
        {
          // uPlot picks day-based ticks; a monthly chart ticks at its own months, thinned to fit.
          space: LABEL_SPACE[timeUnit],
          ...(timeUnit === 'month' ? { splits: (chart: uPlot) => monthSplits(chart, x) } : {}),
          values: (_chart, splits) => splits.map((split) => format.format(split * 1000)),
          stroke: '#4d5b5a',
          grid: { stroke: '#e4e9e8' },
        },
        {
          splits: () => integerSplits(yMin, yMax),
          values: (_chart, splits) => splits.map((split) => String(split)),
          stroke: '#4d5b5a',
          grid: { stroke: '#e4e9e8' },
          size: 32,
        },
      ],
      series: [
        {},
        ...series.map((line) => {
          const tone = chartTones[line.tone];
          return {
            label: line.label,
            stroke: tone.color,
            width: tone.width,
            dash: tone.dash,
            // Lines join across days on which only the other side checked in.
            spanGaps: true,
            points: { show: tone.points, size: 7, fill: tone.color, stroke: tone.color },
          };
        }),
        ...(bandSeries
          ? [
              { label: 'Gap (upper)', stroke: 'transparent', width: 0, points: { show: false } },
              { label: 'Gap (lower)', stroke: 'transparent', width: 0, points: { show: false } },
            ]
          : []),
      ],
      bands: bandSeries ? [{ series: [lineCount + 1, lineCount + 2], fill: chartTones.gap.color }] : [],
    };

    const chart = new uPlot(options, data, element);
    const resize = () => chart.setSize({ width: Math.max(element.clientWidth, 200), height: HEIGHT });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      chart.destroy();
    };
  }, [x, series, upperBand, lowerBand, yMin, yMax, timeUnit, drawable]);

  return (
    <div className="trend-chart">
      {drawable ? (
        <div ref={container} className="trend-chart__plot" role="img" aria-label={label} />
      ) : (
        <p className="muted">This browser cannot draw the chart; the table has the same figures.</p>
      )}
      <ul className="chart-legend" aria-label="Key">
        {series.map((line) => (
          <li key={line.label}>
            <span className={`chart-legend__swatch chart-legend__swatch--${line.tone}`} aria-hidden="true" />
            {line.label}
          </li>
        ))}
        {band ? (
          <li>
            <span className="chart-legend__swatch chart-legend__swatch--gap" aria-hidden="true" />
            Shaded: the gap between their latest views
          </li>
        ) : null}
      </ul>
    </div>
  );
}

function monthSplits(chart: uPlot, months: readonly number[]): number[] {
  const width = chart.bbox.width / (window.devicePixelRatio || 1);
  const fit = Math.max(1, Math.floor(width / LABEL_SPACE.month));
  const step = Math.ceil(months.length / fit);
  return months.filter((_month, index) => index % step === 0);
}

function integerSplits(min: number, max: number): number[] {
  const splits: number[] = [];
  for (let value = Math.ceil(min); value <= max; value += 1) splits.push(value);
  return splits;
}

/**
 * The shaded gap: at each point in time, the higher and the lower of the two sides' latest scores
 * so far, so the band shows the perception gap as it stood, even on days only one side rated.
 */
function carriedForwardBand(a: readonly (number | null)[], b: readonly (number | null)[]) {
  const upper: (number | null)[] = [];
  const lower: (number | null)[] = [];
  let lastA: number | null = null;
  let lastB: number | null = null;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    lastA = a[i] ?? lastA;
    lastB = b[i] ?? lastB;
    upper.push(lastA === null || lastB === null ? null : Math.max(lastA, lastB));
    lower.push(lastA === null || lastB === null ? null : Math.min(lastA, lastB));
  }
  return { upper, lower };
}
