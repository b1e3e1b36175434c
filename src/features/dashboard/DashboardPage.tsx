import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { dropDashboardRead, keepDashboardRead, useDashboard, type DashboardPair } from '../../data/dashboard';

import { useSyncAccount } from '../../data/syncAccount';
import { useCurrentViewer } from '../../data/viewer';
import { localToday } from '../../domain/dates';
import { EmptyState } from '../../ui/EmptyState';
import { useMarkFirstScreenShown } from '../../ui/firstScreen';
import { formatDay } from '../../ui/formatDate';
import { Loading } from '../../ui/Loading';
import { PrintButton } from '../../ui/PrintButton';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ExportButtons } from './DashboardExportButtons';
import { DashboardFilters } from './DashboardFilters';
import { DashboardTable } from './DashboardTableView';
import {
  applyDashboardQuery,
  dashboardSearchParams,
  parseDashboardQuery,
  toDashboardRow,
  toggleSort,
  type DashboardQuery,
  type DashboardRow,
} from './dashboardTable';
import { FlagRules } from './FlagRules';
import { ProgramTrends } from './ProgramTrends';

/** The dashboard's records read ahead and kept, started by the app (app/firstReads.ts). */
export const dashboardReads = { keep: keepDashboardRead, drop: dropDashboardRead };

/**
 * Each pair's row, made once per read of the pair: the live dashboard keeps the pairs a write did
 * not touch as the same objects, so their rows stay the same too and are not drawn again.
 */
const rowCache = new WeakMap<DashboardPair, DashboardRow>();
function rowFor(pair: DashboardPair): DashboardRow {
  let row = rowCache.get(pair);
  if (!row) {
    row = toDashboardRow(pair);
    rowCache.set(pair, row);
  }
  return row;
}

/**
 * Rows drawn at first. The order puts the pairs needing attention at the top, so a coordinator of a
 * large program rarely needs more, and drawing a thousand rows would keep them waiting: laying out
 * and painting the rows is much of the time to the first full table (see the benchmark).
 */
export const ROWS_AT_FIRST = 50;

/**
 * The coordinator's dashboard: every pair in one table, the pairs that need attention first, with
 * filters and sorting kept in the address; the program's month-by-month trends under it; CSV
 * exports and a printable report. Everything on it comes from what partners shared with the
 * program (see `programViewer`), whoever is looking.
 */
export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const { viewer } = useCurrentViewer();
  const syncs = useSyncAccount() !== null;
  const today = localToday();
  const pairs = useDashboard(today);
  const [showAll, setShowAll] = useState(false);
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseDashboardQuery(searchParams), [searchParams]);

  const rows = useMemo(() => pairs?.map(rowFor), [pairs]);
  const shown = useMemo(() => (rows ? applyDashboardQuery(rows, query) : undefined), [rows, query]);
  const loaded = shown !== undefined;
  useMarkFirstScreenShown(loaded);

  if (viewer && viewer.role !== 'coordinator') {
    return (
      <section className="narrow">
        <h1>The dashboard is for program coordinators</h1>
        <p>
          It shows every pair in the program. <Link to="/viewing-as">Switch to a coordinator</Link> to see it, or look
          at <Link to="/my-trends">your own trends</Link>.
        </p>
      </section>
    );
  }
  if (!rows || !shown) return <Loading what="Loading the dashboard" />;

  const update = (next: DashboardQuery) =>
    // Replace rather than push, so that back leaves the dashboard instead of undoing each filter.
    setSearchParams(dashboardSearchParams(next), { replace: true });

  return (
    <article className="dashboard report">
      <header className="page-heading">
        <div>
          <h1>Program dashboard</h1>
          <p className="muted">
            As of <time dateTime={today}>{formatDay(today)}</time>. Built only from what partners shared with the
            program.
          </p>
          <p className="muted no-print">
            {syncs ? (
              <Link to="/sync">Sync and invitations</Link>
            ) : (
              <>
                Partners on their own devices? <Link to="/sync">Connect to your program’s server</Link>
              </>
            )}
          </p>
        </div>
        <PrintButton />
      </header>

      {rows.length === 0 ? (
        <EmptyState title="No pairs in the program yet">
          <p>Set up a pair, or load the demo program from the welcome screen, to see how pairs are doing.</p>
          <Link to="/pairs/new" className="button">
            Set up a pair
          </Link>
        </EmptyState>
      ) : (
        <>
          <DashboardFilters rows={rows} query={query} onChange={update} />
          <p className="dashboard__count" role="status">
            Showing {shown.length} of {rows.length} {rows.length === 1 ? 'pair' : 'pairs'} ·{' '}
            {rows.filter((row) => row.flags.length > 0).length} flagged
          </p>
          <ExportButtons rows={shown} today={today} />
          <DashboardTable
            rows={showAll ? shown : shown.slice(0, ROWS_AT_FIRST)}
            query={query}
            onSort={(key) => update(toggleSort(query, key))}
          />
          {!showAll && shown.length > ROWS_AT_FIRST ? (
            <p className="no-print">
              The first {ROWS_AT_FIRST} are shown, in the order above.{' '}
              <button type="button" className="button" onClick={() => setShowAll(true)}>
                Show all {shown.length} pairs
              </button>
            </p>
          ) : null}
          <FlagRules />
          <ProgramTrends today={today} />
        </>
      )}
    </article>
  );
}
