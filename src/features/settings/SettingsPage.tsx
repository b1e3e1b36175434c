import { useState } from 'react';
import { Link } from 'react-router';
import { useStorageStatus, type StorageStatus } from '../../data/storagePersistence';
import { useSyncAccount } from '../../data/syncAccount';
import { formatBytes } from '../../ui/formatBytes';
import { Loading } from '../../ui/Loading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AppLockSettings } from './AppLockSettings';
import { SyncSettings } from './SyncSettings';

type Answer = 'granted' | 'refused' | 'failed';

const answers: Record<Answer, { text: string; className: string }> = {
  granted: { text: 'The browser agreed: it will keep Mentorlog’s data when space runs low.', className: 'success' },
  refused: {
    text: 'The browser did not agree this time. Browsers often agree once the app is installed, bookmarked or used for a while; you can ask again later. Meanwhile, keep a backup.',
    className: 'notice',
  },
  failed: {
    text: 'The browser could not be asked just now. Try again later, and keep a backup meanwhile.',
    className: 'form-error',
  },
};

export function SettingsPage() {
  useDocumentTitle('Settings');
  const { status, askAgain } = useStorageStatus();
  const syncs = useSyncAccount() !== null;
  const [answer, setAnswer] = useState<Answer | null>(null);

  const ask = async () => {
    try {
      setAnswer((await askAgain()) ? 'granted' : 'refused');
    } catch {
      setAnswer('failed');
    }
  };

  return (
    <section className="narrow">
      <h1>Settings</h1>

      <section aria-labelledby="storage-heading" className="card">
        <h2 id="storage-heading">Storage on this device</h2>
        {status === undefined ? (
          <Loading what="Asking the browser about storage" />
        ) : (
          <StorageDetails status={status} />
        )}
        {status?.supported && !status.persisted ? (
          <p>
            <button type="button" className="button" onClick={() => void ask()}>
              Ask the browser to keep Mentorlog’s data
            </button>
          </p>
        ) : null}
        <div role="status">{answer ? <p className={answers[answer].className}>{answers[answer].text}</p> : null}</div>
      </section>

      <AppLockSettings />

      <SyncSettings />

      <section aria-labelledby="clearing-heading">
        <h2 id="clearing-heading">If the browser clears site data</h2>
        {syncs ? (
          <p>
            Mentorlog keeps everything in this browser, on this device. It also syncs with your program’s server what
            you share there; private records are on this device only.
          </p>
        ) : (
          <p>
            Mentorlog keeps everything only in this browser, on this device. There is no server and no copy anywhere
            else.
          </p>
        )}
        <p>
          If this site’s data is cleared, every person, pair, session and check-in on this device is gone for good. That
          happens when someone clears browsing data or site data for this site, when the browser or the installed app is
          removed, when a private window is closed, or, if storage is not kept safe, when the browser frees space on its
          own.
        </p>
        <p>
          Only a backup file can bring your records back. <Link to="/backup">Make a backup</Link> from time to time and
          keep it somewhere safe. It holds private reflections, so look after it as you would a diary.
        </p>
      </section>
    </section>
  );
}

function StorageDetails({ status }: { status: StorageStatus }) {
  if (!status.supported) {
    return (
      <p>
        This browser does not say whether it will keep Mentorlog’s data or how much space it uses. Keep a backup to be
        safe.
      </p>
    );
  }
  const available = status.quota !== null ? Math.max(0, status.quota - (status.usage ?? 0)) : null;
  return (
    <dl className="details">
      <dt>Kept safe from clean-up</dt>
      <dd>
        {status.persisted
          ? 'Yes. The browser will not clear Mentorlog’s data to free up space.'
          : 'Not yet. If the device runs low on space, the browser may clear Mentorlog’s data.'}
      </dd>
      <dt>Space used</dt>
      <dd>{status.usage !== null ? formatBytes(status.usage) : 'Unknown'}</dd>
      <dt>Space still available</dt>
      <dd>{available !== null ? `About ${formatBytes(available)}` : 'Unknown'}</dd>
    </dl>
  );
}
