import { memo, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { readProgramCheckIns, useDashboard, type DashboardPair } from '../../data/dashboard';

/** The dashboard's first read, begun when navigation to it starts (app/firstReads.ts). */
export { startDashboardRead as startDashboardFirstRead } from '../../data/dashboard';
import { useCurrentViewer } from '../../data/viewer';
import {
  attentionFlagKinds,
  attentionFlagLabels,
  attentionFlagRules,
  guidancePath,
  type AttentionFlag,
} from '../../domain/attentionFlags';
import { characteristicName, SCALE } from '../../domain/characteristic';
import { localToday } from '../../domain/dates';
import { pairStatusLabels, pairStatusSchema } from '../../domain/pair';
import { sides } from '../../domain/side';
import { thresholds } from '../../domain/trend';
import { EmptyState } from '../../ui/EmptyState';
import { useMarkFirstScreenShown } from '../../ui/firstScreen';
import { formatDay } from '../../ui/formatDate';
import { Loading } from '../../ui/Loading';
import { PrintButton } from '../../ui/PrintButton';
import { TrendRules } from '../../ui/TrendRules';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { TrendDirectionText } from '../../ui/TrendDirectionText';
import { downloadFile } from '../../ui/downloadFile';
import { checkInsCsv, dashboardCsv, toCsv } from './csvExport';
import {
  ANY_FLAG,
  applyDashboardQuery,
  dashboardSearchParams,
  parseDashboardQuery,
  toDashboardRow,
  toggleSort,
  type DashboardQuery,
  type DashboardRow,
  type SortKey,
} from './dashboardTable';
import { ProgramTrends } from './ProgramTrends';
import { useMentorChoices, type MentorChoice } from './useMentorChoices';
import { ErrorMessage } from '../../ui/ErrorMessage';

const SCALE_MAX = SCALE.length;

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
          It shows every pair in the program. <Link to="/viewing-as">Switch to a coordinator</Link> to see it, or look at{' '}
          <Link to="/my-trends">your own trends</Link>.
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
            As of <time dateTime={today}>{formatDay(today)}</time>. Built only from what partners shared with the program.
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

const MentorOptions = memo(function MentorOptions({ mentors }: { mentors: readonly MentorChoice[] }) {
  return mentors.map(([id, name]) => (
    <option key={id} value={id}>
      {name}
    </option>
  ));
});

function DashboardFilters({
  rows,
  query,
  onChange,
}: {
  rows: readonly DashboardRow[];
  query: DashboardQuery;
  onChange: (query: DashboardQuery) => void;
}) {
  const statusId = useId();
  const flagId = useId();
  const mentorId = useId();
  const mentors = useMentorChoices(rows, query.mentor);
  const filtered = query.status !== null || query.flag !== null || query.mentor !== null;

  return (
    <div className="filters no-print" role="group" aria-label="Filter pairs">
      <div className="field">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={query.status ?? ''}
          onChange={(event) => {
            const status = pairStatusSchema.safeParse(event.target.value);
            onChange({ ...query, status: status.success ? status.data : null });
          }}
        >
          <option value="">Any status</option>
          {pairStatusSchema.options.map((status) => (
            <option key={status} value={status}>
              {pairStatusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={flagId}>Flag</label>
        <select
          id={flagId}
          value={query.flag ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            const flag = value === ANY_FLAG ? ANY_FLAG : attentionFlagKinds.find((kind) => kind === value) ?? null;
            onChange({ ...query, flag });
          }}
        >
          <option value="">All pairs</option>
          <option value={ANY_FLAG}>Any flag</option>
          {attentionFlagKinds.map((kind) => (
            <option key={kind} value={kind}>
              {attentionFlagLabels[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={mentorId}>Mentor</label>
        <select id={mentorId} value={query.mentor ?? ''} onChange={(event) => onChange({ ...query, mentor: event.target.value || null })}>
          <option value="">All mentors</option>
          <MentorOptions mentors={mentors} />
        </select>
      </div>
      {filtered ? (
        <button type="button" className="button button--quiet" onClick={() => onChange({ ...query, status: null, flag: null, mentor: null })}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

function ExportButtons({ rows, today }: { rows: readonly DashboardRow[]; today: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await what();
    } catch (failure) {
      const detail = failure instanceof Error && failure.message ? ` (${failure.message})` : '';
      setError(`The export failed${detail}, so nothing was downloaded. Try again.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="no-print">
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            void run(async () => downloadFile(`mentorlog-dashboard-${today}.csv`, await toCsv(dashboardCsv(rows)), 'text/csv;charset=utf-8'))
          }
        >
          Export this table (CSV)
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            void run(async () =>
              downloadFile(`mentorlog-check-ins-${today}.csv`, await toCsv(checkInsCsv(await readProgramCheckIns())), 'text/csv;charset=utf-8'),
            )
          }
        >
          Export shared check-ins (CSV)
        </button>
      </div>
      <ErrorMessage message={error} />
    </div>
  );
}

interface Column {
  key: SortKey;
  label: string;
}

const columns: readonly Column[] = [
  { key: 'mentor', label: 'Mentor' },
  { key: 'mentee', label: 'Mentee' },
  { key: 'status', label: 'Status' },
  { key: 'lastSession', label: 'Last session' },
  { key: 'sessions', label: `Sessions, last ${thresholds.RECENT_DAYS} days` },
  { key: 'mentorTrust', label: 'Mentor’s trust' },
  { key: 'menteeTrust', label: 'Mentee’s trust' },
  { key: 'direction', label: 'Trust direction' },
  { key: 'gap', label: 'Widest gap' },
  { key: 'attention', label: 'Flags' },
];

function DashboardTable({
  rows,
  query,
  onSort,
}: {
  rows: readonly DashboardRow[];
  query: DashboardQuery;
  onSort: (key: SortKey) => void;
}) {
  const captionId = useId();
  return (
    <div className="table-scroll dashboard-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table dashboard-table">
        <caption id={captionId}>
          {query.sort === 'attention' && query.direction === 'descending'
            ? 'Pairs, those needing attention first'
            : `Pairs, sorted by ${columns.find((column) => column.key === query.sort)?.label.toLowerCase() ?? query.sort}`}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = query.sort === column.key;
              return (
                <th key={column.key} scope="col" aria-sort={sorted ? query.direction : undefined}>
                  <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
                    {column.label}
                    <span className="sort-button__arrow" aria-hidden="true">
                      {sorted ? (query.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>No pairs match these filters.</td>
            </tr>
          ) : (
            rows.map((row) => <DashboardTableRow key={row.pairId} row={row} />)
          )}
        </tbody>
      </table>
    </div>
  );
}

const DashboardTableRow = memo(function DashboardTableRow({ row }: { row: DashboardRow }) {
  return (
    <tr className={row.flags.length > 0 ? 'dashboard-table__row--flagged' : undefined}>
      <th scope="row">
        <Link to={`/pairs/${row.pairId}`} aria-label={`${row.mentorName} & ${row.menteeName}`}>
          {row.mentorName}
        </Link>
      </th>
      <td>{row.menteeName}</td>
      <td>
        <span className={`badge badge--${row.status}`}>{pairStatusLabels[row.status]}</span>
      </td>
      <td>{row.lastSessionDate ? <time dateTime={row.lastSessionDate}>{formatDay(row.lastSessionDate)}</time> : 'None yet'}</td>
      <td>
        {row.expectedRecentSessions === null ? (
          row.recentSessions
        ) : (
          <span className={row.recentSessions < row.expectedRecentSessions ? 'late' : undefined}>
            {row.recentSessions} of {row.expectedRecentSessions}
          </span>
        )}
      </td>
      {sides.map((side) => (
        <td key={side}>{row.latestTrust[side] === null ? 'None shared' : `${row.latestTrust[side]} of ${SCALE_MAX}`}</td>
      ))}
      <td>
        <ul className="cell-list">
          {sides.map((side) => (
            <li key={side}>
              {side === 'mentor' ? 'Mentor' : 'Mentee'}: <TrendDirectionText direction={row.trustDirection[side]} />
            </li>
          ))}
        </ul>
      </td>
      <td>{row.widestGap ? `${row.widestGap.gap} (${characteristicName(row.widestGap.characteristicId)})` : 'None'}</td>
      <td>
        {row.flags.length === 0 ? <span className="muted">None</span> : <FlagList flags={row.flags} />}
      </td>
    </tr>
  );
});

function FlagList({ flags }: { flags: readonly AttentionFlag[] }) {
  return (
    <ul className="flag-list">
      {flags.map((flag) => (
        <li key={flag.kind} className={`flag flag--${flag.kind}`}>
          <Link to={guidancePath(flag.guidance)} className="flag__label">
            {attentionFlagLabels[flag.kind]}
          </Link>
          <span className="flag__reason">{flag.reason}</span>
        </li>
      ))}
    </ul>
  );
}

function FlagRules() {
  return (
    <details className="rules-details">
      <summary>How flags work</summary>
      <p>
        Each flag links to the guidance that speaks to it. Pairs with the most pressing flags come first: falling trust, a
        perception gap and an overdue session before a missing check-in, and that before late action items; then pairs with
        more flags. Only check-ins shared with the program count; private and pair-only ones are never used here.
      </p>
      <dl className="rules">
        {attentionFlagKinds.map((kind) => (
          <div key={kind}>
            <dt>{attentionFlagLabels[kind]}</dt>
            <dd>{attentionFlagRules[kind]}</dd>
          </div>
        ))}
      </dl>
      <TrendRules />
    </details>
  );
}
