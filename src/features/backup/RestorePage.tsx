import { useState } from 'react';
import { Link } from 'react-router';
import type { ImportSummary } from '../../data/importBackup';
import { useViewerStore } from '../../state/viewerStore';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ChooseYourselfForm } from './ChooseYourselfForm';
import { ImportBackupForm } from './ImportBackupForm';

/**
 * Reached from the welcome screen before anyone has said who they are: import a backup from
 * another device, or a pair a partner shared, then choose yourself among the imported people.
 */
export function RestorePage() {
  useDocumentTitle('Restore a backup or open a shared pair');
  const hasViewer = useViewerStore((state) => state.personId !== null);
  const [imported, setImported] = useState<ImportSummary | null>(null);

  return (
    <section className="narrow">
      <h1>Restore a backup or open a shared pair</h1>
      <p>
        Bring your records to this device: a backup you downloaded on another device, or the file your mentor or mentee
        sent you from their pair. Mentorlog checks the whole file first; if anything in it is wrong, nothing is
        imported.
      </p>
      <div className="card">
        <ImportBackupForm onImported={setImported} />
      </div>
      {imported && !hasViewer ? <ChooseYourselfForm /> : null}
      {imported && hasViewer ? (
        <p>
          <Link to="/pairs">Go to your pairs</Link>
        </p>
      ) : null}
      {!imported ? (
        <p>
          <Link to="/welcome">Back to the welcome screen</Link>
        </p>
      ) : null}
    </section>
  );
}
