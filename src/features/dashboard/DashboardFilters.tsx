import { memo, useId } from 'react';
import { attentionFlagKinds, attentionFlagLabels } from '../../domain/attentionFlags';
import { pairStatusLabels, pairStatusSchema } from '../../domain/pair';
import { ANY_FLAG, type DashboardQuery, type DashboardRow } from './dashboardTable';
import { useMentorChoices, type MentorChoice } from './useMentorChoices';

const MentorOptions = memo(function MentorOptions({ mentors }: { mentors: readonly MentorChoice[] }) {
  return mentors.map(([id, name]) => (
    <option key={id} value={id}>
      {name}
    </option>
  ));
});

export function DashboardFilters({
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
            const flag = value === ANY_FLAG ? ANY_FLAG : (attentionFlagKinds.find((kind) => kind === value) ?? null);
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
        <select
          id={mentorId}
          value={query.mentor ?? ''}
          onChange={(event) => onChange({ ...query, mentor: event.target.value || null })}
        >
          <option value="">All mentors</option>
          <MentorOptions mentors={mentors} />
        </select>
      </div>
      {filtered ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => onChange({ ...query, status: null, flag: null, mentor: null })}
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
