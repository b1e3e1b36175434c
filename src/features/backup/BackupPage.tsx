import { useState } from 'react';
import { Link } from 'react-router';
import { backupFileName, exportDeviceDownload } from '../../data/exportBackup';
import { useDeviceRecordCounts } from '../../data/useDeviceRecordCounts';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { downloadFile } from '../../ui/downloadFile';
import { ImportBackupForm } from './ImportBackupForm';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { countOf, nouns } from '../../domain/countNoun';

type ExportStatus =
  { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

/** Back up everything on this device to one file, and import a backup or a pair a partner shared. */
export function BackupPage() {
  useDocumentTitle('Backup');
  const held = useDeviceRecordCounts();
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });

  const exportAll = async () => {
    setStatus({ kind: 'working' });
    try {
      const backup = await exportDeviceDownload();
      const fileName = backupFileName(backup);
      downloadFile(fileName, backup.blob);
      setStatus({
        kind: 'done',
        message: `Your browser is downloading ${fileName}, with ${countOf(backup.records, nouns.record)}. Keep it somewhere safe.`,
      });
    } catch (error) {
      const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
      setStatus({
        kind: 'error',
        message: `The backup could not be made${detail}. Nothing on this device changed; try again.`,
      });
    }
  };

  return (
    <section className="narrow">
      <h1>Backup</h1>

      <section aria-labelledby="export-heading" className="card">
        <h2 id="export-heading">Back up this device</h2>
        <p>
          Download one file with every record on this device
          {held
            ? `: ${countOf(held.people, nouns.person)}, ${countOf(held.pairs, nouns.pair)}, ${countOf(held.sessions, nouns.session)} and ${countOf(held.checkIns, nouns.checkIn)}`
            : ''}
          . Import it here or on another device to get the same records back.
        </p>
        <p className="notice">
          The backup includes private check-ins and reflections, so anyone who has the file can read them. To send one
          pair to your partner, open the pair and use <strong>Share with your partner</strong> instead: it leaves
          private things out.
        </p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void exportAll()}
          disabled={status.kind === 'working'}
        >
          {status.kind === 'working' ? 'Preparing the backup…' : 'Download a backup'}
        </button>
        {status.kind === 'done' ? (
          <p className="success" role="status">
            {status.message}
          </p>
        ) : null}
        <ErrorMessage message={status.kind === 'error' ? status.message : null} />
      </section>

      <section aria-labelledby="import-heading" className="card">
        <h2 id="import-heading">Import a backup or a shared pair</h2>
        <p>
          Records are matched one by one: a record new to this device is added, and one that is already here is replaced
          only if the file has a newer version of it, deletions included. Nothing else on this device changes. Mentorlog
          checks the whole file first; if anything in it is wrong, nothing is imported.
        </p>
        <ImportBackupForm />
      </section>

      <p>
        <Link to="/pairs">Back to your pairs</Link>
      </p>
    </section>
  );
}
