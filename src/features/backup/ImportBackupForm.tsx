import { useId, useState, type FormEvent } from 'react';
import type { ImportProgress, ImportSummary } from '../../data/importBackup';
import { describeProblem } from '../../domain/backupProblems';
import { backupTables, type BackupTable } from '../../domain/backupRecords';
import type { MergeCounts } from '../../domain/planMerge';
import { countOf, countWas, formatCount, nouns, plural } from '../../domain/countNoun';
import { Field } from '../../ui/Field';
import { useBackupImport, type ImportState } from './useBackupImport';
import './backup.css';

const exportTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const tableLabels: Record<BackupTable, string> = {
  people: 'People',
  pairs: 'Pairs',
  sessions: 'Sessions',
  checkIns: 'Check-ins',
};

function records(n: number): string {
  return countOf(n, nouns.record);
}

/**
 * Import a device backup or a pair a partner shared: choose the file, watch it being checked and
 * saved, then read what changed — or, when the file is refused, what is wrong and where.
 */
export function ImportBackupForm({ onImported }: { onImported?: (summary: ImportSummary) => void }) {
  const { state, start } = useBackupImport(onImported);
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const running = state.status === 'running';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      return;
    }
    void start(file);
  };

  return (
    <div className="import-backup">
      <form onSubmit={onSubmit} noValidate>
        <Field
          label="Backup or shared pair file"
          hint="The .json file Mentorlog saved when you (or your partner) exported."
          error={missingFile ? 'Choose a file to import.' : undefined}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".json,application/json"
              disabled={running}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setMissingFile(false);
              }}
            />
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={running}>
          {running ? 'Importing…' : 'Import'}
        </button>
      </form>
      <ImportStatus state={state} />
    </div>
  );
}

function ImportStatus({ state }: { state: ImportState }) {
  switch (state.status) {
    case 'idle':
      return null;
    case 'running':
      return <ImportProgressBar progress={state.progress} />;
    case 'done':
      return <ImportDone fileName={state.fileName} summary={state.summary} />;
    case 'refused': {
      const { problems, problemCount } = state;
      const intro =
        problemCount === 1
          ? 'The file has a problem:'
          : `The file has ${countOf(problemCount, nouns.problem)}${problemCount > problems.length ? `; the first ${formatCount(problems.length)} ${plural(problems.length, { one: 'is', other: 'are' })}` : ''}:`;
      return (
        <div className="form-error import-outcome" role="alert">
          <p>
            <strong>Nothing was imported from {state.fileName}.</strong> {intro}
          </p>
          <ul className="import-problems">
            {problems.map((problem, index) => (
              <li key={index}>{describeProblem(problem)}</li>
            ))}
          </ul>
          <p>Your records on this device are unchanged.</p>
        </div>
      );
    }
    case 'failed':
      return (
        <div className="form-error import-outcome" role="alert">
          <p>
            <strong>Nothing was imported from {state.fileName}.</strong> {state.message}
          </p>
        </div>
      );
  }
}

function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const id = useId();
  const { phase, done, total } = progress;
  const label =
    phase === 'reading' ? 'Reading the file' : phase === 'checking' ? 'Checking the file' : 'Saving to this device';
  const text =
    phase === 'reading'
      ? 'Reading the file…'
      : phase === 'checking'
        ? `Checked ${formatCount(done)} of ${records(total)}`
        : `Imported ${formatCount(done)} of ${records(total)}`;
  return (
    <div className="import-progress">
      <label htmlFor={id}>{label}</label>
      {/* Without a value the bar shows activity of unknown length: the file is being read. */}
      <progress
        id={id}
        max={total > 0 ? total : undefined}
        value={phase === 'reading' || total === 0 ? undefined : done}
      />
      <p role="status">{text}</p>
    </div>
  );
}

function summarize(total: MergeCounts, deletedWithPair: number): string {
  const changed = [
    total.added > 0 ? `${records(total.added)} added` : null,
    total.updated > 0 ? `${records(total.updated)} updated` : null,
  ].filter(Boolean);
  const first = changed.join(' and ');
  const parts = [
    changed.length > 0
      ? `${first.charAt(0).toUpperCase()}${first.slice(1)}.`
      : 'Nothing new: this device already had everything in the file.',
  ];
  if (total.unchanged > 0 && changed.length > 0)
    parts.push(`${countWas(total.unchanged, nouns.record)} already up to date.`);
  if (total.skippedOlder > 0) {
    parts.push(
      `${countWas(total.skippedOlder, nouns.record)} kept as ${plural(total.skippedOlder, { one: 'it is', other: 'they are' })} here, because this device has a newer version.`,
    );
  }
  if (deletedWithPair > 0) {
    parts.push(
      `${countWas(deletedWithPair, { one: 'session or check-in', other: 'sessions and check-ins' })} marked deleted, because ${plural(deletedWithPair, { one: 'its pair is', other: 'their pairs are' })} deleted.`,
    );
  }
  return parts.join(' ');
}

function ImportDone({ fileName, summary }: { fileName: string; summary: ImportSummary }) {
  const source = summary.scope === 'pair' ? 'a shared pair' : 'a device backup';
  return (
    <div className="import-outcome">
      <p role="status" className="success">
        <strong>Imported {fileName}</strong> ({source} exported on {exportTime.format(new Date(summary.exportedAt))}).{' '}
        {summarize(summary.total, summary.deletedWithPair)}
      </p>
      <table className="import-summary">
        <caption>What the import did, by kind of record</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Added</th>
            <th scope="col">Updated</th>
            <th scope="col">Already up to date</th>
            <th scope="col">Newer here, kept</th>
          </tr>
        </thead>
        <tbody>
          {backupTables.map((table) => {
            const row = summary.counts[table];
            return (
              <tr key={table}>
                <th scope="row">{tableLabels[table]}</th>
                <td>{formatCount(row.added)}</td>
                <td>{formatCount(row.updated)}</td>
                <td>{formatCount(row.unchanged)}</td>
                <td>{formatCount(row.skippedOlder)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
