import { useState } from 'react';
import { backupFileName, backupToJson, exportPair } from '../../data/exportBackup';
import { usePair } from '../../data/pairRecords';
import { otherSide } from '../../domain/side';
import { sideInPair } from '../../domain/visibility';
import { downloadFile } from '../../ui/downloadFile';
import { ErrorMessage } from '../../ui/ErrorMessage';

type ShareStatus =
  { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; fileName: string } | { kind: 'error'; message: string };

/**
 * "Share with your partner": downloads this pair's records for the other partner to import. Shown
 * only to the pair's mentor and mentee; private check-ins and private words are left out.
 */
export function SharePairButton({ pairId, viewerId }: { pairId: string; viewerId: string }) {
  const row = usePair(pairId);
  const [status, setStatus] = useState<ShareStatus>({ kind: 'idle' });
  const side = row ? sideInPair(row.pair, viewerId) : null;
  if (!row || !side) return null;

  const partner = side === 'mentor' ? row.mentee : row.mentor;
  const partnerName = partner?.name ?? `your ${otherSide(side)}`;

  const share = async () => {
    setStatus({ kind: 'working' });
    try {
      const file = await exportPair(pairId, viewerId);
      const fileName = backupFileName(file, new Date(), `${row.mentor?.name ?? ''} ${row.mentee?.name ?? ''}`);
      downloadFile(fileName, backupToJson(file));
      setStatus({ kind: 'done', fileName });
    } catch (error) {
      const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
      setStatus({ kind: 'error', message: `The file for ${partnerName} could not be made${detail}. Try again.` });
    }
  };

  return (
    <div className="share-pair">
      <p>
        Share this pair with {partnerName}: a file with its sessions and the check-ins you both may see, for them to
        import on their device. Check-ins, comments and reflections marked “Only me” are left out.
      </p>
      <button type="button" className="button" onClick={() => void share()} disabled={status.kind === 'working'}>
        {status.kind === 'working' ? 'Preparing the file…' : 'Share with your partner'}
      </button>
      {status.kind === 'done' ? (
        <p className="success" role="status">
          Your browser is downloading {status.fileName}. Send it to {partnerName}; they import it under Backup, or on a
          new device with “Restore a backup or open a shared pair” on the welcome screen.
        </p>
      ) : null}
      <ErrorMessage message={status.kind === 'error' ? status.message : null} />
    </div>
  );
}
