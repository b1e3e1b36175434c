import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { usePerson } from '../../data/people';
import { useSyncAccount } from '../../data/syncAccount';
import { useSyncStatusStore } from '../../state/syncStatusStore';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SyncAccountDetails } from '../../ui/SyncAccountDetails';
import { stopSyncingOnThisDevice } from '../../data/stopSyncing';

/** Settings' sync section: the server this device syncs with, and stopping (which keeps every record). */
export function SyncSettings() {
  const account = useSyncAccount();
  const person = usePerson(account?.personId);
  const waiting = useSyncStatusStore((state) => state.status?.waiting ?? 0);
  const [confirming, setConfirming] = useState(false);
  const [stopped, setStopped] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);

  const stop = async () => {
    setError(null);
    try {
      await stopSyncingOnThisDevice();
      setConfirming(false);
      setStopped(true);
    } catch {
      setError('This device could not stop syncing just now. Its records are safe; reload the page and try again.');
    }
  };

  return (
    <section aria-labelledby="sync-heading" className="card">
      <h2 id="sync-heading">Sync</h2>
      {!account ? (
        <>
          <div role="status">
            {stopped ? <p className="success">This device no longer syncs. Every record is still on it.</p> : null}
          </div>
          <p>
            This device does not sync with a program’s server. <Link to="/sync">Sync with your program</Link>
          </p>
        </>
      ) : (
        <>
          <SyncAccountDetails account={account} personName={person?.name} />
          {confirming ? (
            <div role="group" aria-labelledby="stop-heading" className="notice">
              <h3 id="stop-heading">Stop syncing on this device?</h3>
              <p>
                Every record stays on this device, and nothing is deleted from the server: your partner and your
                coordinator keep what already reached them.
                {waiting > 0
                  ? ` ${waiting === 1 ? '1 change' : `${waiting} changes`} not sent yet will stay on this device only.`
                  : ''}
              </p>
              <div className="button-row">
                <button ref={confirm} type="button" className="button button--danger" onClick={() => void stop()}>
                  Stop syncing
                </button>
                <button type="button" className="button" onClick={() => setConfirming(false)}>
                  Keep syncing
                </button>
              </div>
            </div>
          ) : (
            <p>
              <button type="button" className="button" onClick={() => setConfirming(true)}>
                Stop syncing on this device
              </button>
            </p>
          )}
          <ErrorMessage message={error} />
        </>
      )}
    </section>
  );
}
