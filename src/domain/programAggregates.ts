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
  const months = monthsBetween(input.from, input.to);
  // One pass over every pair's months, in the pairs' order (so sums add up in the same order as
  // pair by pair), with plain loops: the dashboard runs this again whenever a pair changes, over
  // some hundred thousand sums at a thousand pairs.
  const totals = new Map(
    months.map((month) => [month, { sessions: 0, checkIns: 0, pairMeans: new Map<string, PairMeanTotals>() }]),
  );
  for (const record of input.pairMonths) {
    if (!pairIds.has(record.pairId)) continue;
    for (const month in record.months) {
      const total = totals.get(month);
      const figures = record.months[month];
      if (!total || !figures) continue;
      total.sessions += figures.sessions;
      total.checkIns += figures.checkIns;
      addPairMeans(figures, total.pairMeans);
    }
  }
  const ordered = characteristicsInUsualOrder([...totals.values()].flatMap((total) => [...total.pairMeans.keys()]));

  return months.map((month) => {
    const first = `${month}-01`;
    const last = `${month}-31`;
    const total = totals.get(month);
    let activePairs = 0;
    for (const pair of pairs)
      if (pair.startDate <= last && (pair.endDate === null || pair.endDate >= first)) activePairs += 1;
    return {
      month,
      activePairs,
      sessionsHeld: total?.sessions ?? 0,
      checkInsShared: total?.checkIns ?? 0,
      means: Object.fromEntries(
        ordered.map((characteristicId) => {
          const totals = total?.pairMeans.get(characteristicId);
          return [characteristicId, { mentor: meanOf(totals?.mentor), mentee: meanOf(totals?.mentee) }];
        }),
      ),
    };
  });
}

/** Running sums of the pairs' mean scores of a month for one characteristic and side, and how many pairs gave one. */
type PairMeanTotals = Record<Side, { sum: number; pairs: number }>;

/** Adds one pair's mean score of the month, per side and characteristic, to the month's totals. */
function addPairMeans(figures: MonthFigures, into: Map<string, PairMeanTotals>): void {
  for (const side of sides) {
    const sums = figures.sums[side];
    for (const characteristicId in sums) {
      const sum = sums[characteristicId];
      if (!sum) continue;
      let totals = into.get(characteristicId);
      if (!totals) {
        totals = { mentor: { sum: 0, pairs: 0 }, mentee: { sum: 0, pairs: 0 } };
        into.set(characteristicId, totals);
      }
      totals[side].sum += sum[0] / sum[1];
      totals[side].pairs += 1;
    }
  }
}

function meanOf(total: { sum: number; pairs: number } | undefined): number | null {
  return total && total.pairs > 0 ? total.sum / total.pairs : null;
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
