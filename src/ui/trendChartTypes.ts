/**
 * What a trend chart is given, kept apart from the chart itself so that screens can build charts'
 * data without loading the charting library.
 */

export type LineTone =
  'mentor' | 'mentee' | 'mentor-mean' | 'mentee-mean' | 'line-0' | 'line-1' | 'line-2' | 'line-3' | 'line-4' | 'line-5';

interface ToneStyle {
  color: string;
  width: number;
  /** Canvas dash pattern; lines differ by pattern as well as colour, for readers who cannot tell the colours apart. */
  dash?: number[];
  points: boolean;
}

/**
 * Line colours, each at least 3:1 against white (WCAG 1.4.11). The legend's swatches in styles.css
 * use the same colours: change both together.
 */
export const chartTones: Record<LineTone | 'gap', ToneStyle> = {
  mentor: { color: '#1f5f5b', width: 2.5, points: true },
  mentee: { color: '#b45309', width: 2.5, dash: [8, 4], points: true },
  'mentor-mean': { color: '#1f5f5b', width: 1, dash: [2, 3], points: false },
  'mentee-mean': { color: '#b45309', width: 1, dash: [2, 3], points: false },
  'line-0': { color: '#1f5f5b', width: 2.5, points: true },
  'line-1': { color: '#b45309', width: 2.5, dash: [8, 4], points: true },
  'line-2': { color: '#6d28d9', width: 2.5, dash: [2, 3], points: true },
  'line-3': { color: '#be123c', width: 2.5, dash: [12, 4, 2, 4], points: true },
  'line-4': { color: '#1d4ed8', width: 2.5, dash: [4, 4], points: true },
  'line-5': { color: '#4d7c0f', width: 2.5, dash: [1, 6], points: true },
  gap: { color: 'rgba(180, 83, 9, 0.16)', width: 0, points: false },
};

/** The tone of the n-th of several lines (one per pair), cycling through the palette. */
export function lineTone(index: number): LineTone {
  return `line-${index % 6}` as LineTone;
}

export interface ChartSeries {
  label: string;
  tone: LineTone;
  /** One value per point on the time axis; null where this line has nothing. */
  values: (number | null)[];
}

export interface TrendChartProps {
  /** The time axis, in seconds since 1970, ascending (see `chartTime`). */
  x: number[];
  series: ChartSeries[];
  /** Two series (by index) to shade between, using each one's latest value so far: the perception gap. */
  band?: readonly [number, number];
  yRange: readonly [number, number];
  /** What the chart shows, for assistive technology; say where the same figures are as a table. */
  label: string;
  timeUnit?: 'day' | 'month';
}

/**
 * A day (and which of that day's rows) as a point on the time axis: midnight UTC, plus an hour for
 * each earlier check-in that day, so that two on the same day stay in order without overlapping.
 */
export function chartTime(day: string, occurrence = 0): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000 + occurrence * 3600;
}

/** The scale of the ratings, with a little room above and below so points at 1 and 5 are not cut. */
export const SCORE_RANGE: readonly [number, number] = [0.5, 5.5];
