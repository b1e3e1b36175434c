import { lazy, Suspense } from 'react';
import type { TrendChartProps } from './trendChartTypes';

// The charting library loads with the first chart shown, in a chunk of its own, never with the
// app's first screen.
const TrendChart = lazy(async () => ({ default: (await import('./TrendChart')).TrendChart }));

/** A trend chart that loads its library when first shown; the page around it renders meanwhile. */
export function LazyTrendChart(props: TrendChartProps) {
  return (
    <Suspense fallback={<p className="trend-chart trend-chart--loading muted">Drawing the chart…</p>}>
      <TrendChart {...props} />
    </Suspense>
  );
}
