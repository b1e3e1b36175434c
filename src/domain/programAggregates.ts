import { addMonths, monthOf, monthsBetween, type Month } from './dates';
import type { Pair } from './pair';
import type { MonthFigures, PairMonths } from './pairMonths';
import { sides, type Side } from './side';
import { characteristicsInUsualOrder } from './trend';

/** The program in one month. */
export interface MonthlyAggregate {
  month: Month;
  /** Pairs running at some point in the month: started by its end, and not ended before it began. */
  activePairs: number;
  sessionsHeld: number;
  /** Check-ins whose scores were shared with the program. */
  checkInsShared: number;
  /**
   * For each characteristic and side, the mean across pairs of each pair's mean score that month,
   * so a pair that checks in weekly counts as much as one that checks in monthly. Null when no pair
   * had a score for it that month.
   */
  means: Record<string, Record<Side, number | null>>;
}

export interface ProgramAggregateInput {
  pairs: readonly Pick<Pair, 'id' | 'startDate' | 'endDate' | 'deletedAt'>[];
  /**
   * The pairs' monthly figures (src/domain/pairMonths.ts). They hold only scores shared with the
   * program, so the caller need not filter them. A record written on or before the report's day
   * holds every month of it, as long as `from` is at most PROGRAM_TREND_MONTHS − 1 months before
   * `to`; a pair without one had nothing to count.
   */
  pairMonths: readonly PairMonths[];
  /** The first and last month to report, both included. */
  from: Month;
  to: Month;
}

/**
 * Month by month: active pairs, sessions held, check-ins shared and the mean of every characteristic
 * for each side. Deleted pairs are left out (deleting a pair leaves its figures as they were, so
 * that an undo needs no rewrite). Every month in the range gets a row, with zeros and nulls where
 * nothing happened, so that a chart's time axis has no holes. Characteristics a program added later
 * appear in every month, null before they were rated.
 */
export function programAggregates(input: ProgramAggregateInput): MonthlyAggregate[] {
  const pairs = input.pairs.filter((pair) => !pair.deletedAt);
  const pairIds = new Set(pairs.map((pair) => pair.id));
  const pairMonths = input.pairMonths.filter((record) => pairIds.has(record.pairId));
  const months = monthsBetween(input.from, input.to);
  const characteristicIds = characteristicsInUsualOrder(
    pairMonths.flatMap((record) =>
      months.flatMap((month) => {
        const figures = record.months[month];
        return figures ? sides.flatMap((side) => Object.keys(figures.sums[side])) : [];
      }),
    ),
  );

  return months.map((month) => {
    const first = `${month}-01`;
    const last = `${month}-31`;
    const figures = pairMonths.flatMap((record) => {
      const monthFigures = record.months[month];
      return monthFigures ? [monthFigures] : [];
    });
    return {
      month,
      activePairs: pairs.filter((pair) => pair.startDate <= last && (pair.endDate === null || pair.endDate >= first)).length,
      sessionsHeld: figures.reduce((sum, pairFigures) => sum + pairFigures.sessions, 0),
      checkInsShared: figures.reduce((sum, pairFigures) => sum + pairFigures.checkIns, 0),
      means: Object.fromEntries(
        characteristicIds.map((characteristicId) => [
          characteristicId,
          Object.fromEntries(sides.map((side) => [side, meanOfPairMeans(figures, side, characteristicId)])) as Record<Side, number | null>,
        ]),
      ),
    };
  });
}

/**
 * The months the program report covers: the last `count` months up to today's, but none before the
 * earliest pair started, so a young program's chart is not mostly empty.
 */
export function reportMonths(
  pairs: readonly Pick<Pair, 'startDate' | 'deletedAt'>[],
  today: string,
  count: number,
): { from: Month; to: Month } {
  const to = monthOf(today);
  const earliest = addMonths(to, -(count - 1));
  const starts = pairs.filter((pair) => !pair.deletedAt).map((pair) => monthOf(pair.startDate));
  const firstStart = starts.reduce<Month | null>((min, month) => (min === null || month < min ? month : min), null);
  const from = firstStart !== null && firstStart > earliest ? firstStart : earliest;
  return { from: from > to ? to : from, to };
}

function meanOfPairMeans(figures: readonly MonthFigures[], side: Side, characteristicId: string): number | null {
  const pairMeans = figures.flatMap((pairFigures) => {
    const total = pairFigures.sums[side][characteristicId];
    return total ? [total[0] / total[1]] : [];
  });
  return pairMeans.length === 0 ? null : pairMeans.reduce((sum, value) => sum + value, 0) / pairMeans.length;
}
