import { memo, useId } from 'react';
import { Link } from 'react-router';
import { attentionFlagLabels, guidancePath, type AttentionFlag } from '../../domain/attentionFlags';
import { characteristicName, SCALE } from '../../domain/characteristic';
import { pairStatusLabels } from '../../domain/pair';
import { sides } from '../../domain/side';
import { thresholds } from '../../domain/trend';
import { formatDay } from '../../ui/formatDate';
import { TrendDirectionText } from '../../ui/TrendDirectionText';
import type { DashboardQuery, DashboardRow, SortKey } from './dashboardTable';

const SCALE_MAX = SCALE.length;

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

export function DashboardTable({
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
      <td>
        {row.lastSessionDate ? (
          <time dateTime={row.lastSessionDate}>{formatDay(row.lastSessionDate)}</time>
        ) : (
          'None yet'
        )}
      </td>
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
        <td key={side}>
          {row.latestTrust[side] === null ? 'None shared' : `${row.latestTrust[side]} of ${SCALE_MAX}`}
        </td>
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
      <td>{row.flags.length === 0 ? <span className="muted">None</span> : <FlagList flags={row.flags} />}</td>
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
