import { useEffect, useId, useState } from 'react';
import type { SyncAccount } from '../../domain/syncAccount';
import { holdsProgramKey, sealDirectory } from '../../sync/programKey';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useServerAdmin } from './serverAdminContext';
import { ServerAdminForm } from './ServerAdminForm';
import { StepList } from './StepList';
import { useSteps } from './useSteps';

/**
 * A coordinator's device connected before the directory was sealed: it offers to seal it, which
 * needs the server's administrator once (the directory's rule), and then sends every pair and
 * person again, sealed, over the readable copies; the sync status counts them down.
 */
export function SealDirectoryCard({ account }: { account: SyncAccount }) {
  const headingId = useId();
  const { admin } = useServerAdmin();
  const { steps, running, message, run } = useSteps();
  const [held, setHeld] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    void holdsProgramKey()
      .then((holds) => {
        if (live) setHeld(holds);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  if (held !== false && steps.length === 0) return null;
  const seal = async () => {
    if (!admin) return;
    const outcome = await run([
      {
        label: 'Sealing the program’s directory and marking every pair and person to send again',
        run: () => sealDirectory({ url: account.serverUrl, ...admin }),
      },
    ]);
    if (outcome.ok) setHeld(true);
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Seal the program’s directory</h2>
      {held ? (
        <p role="status">
          The directory is sealed. Its pairs and people go to the server again, sealed, as the sync status counts them
          down; the readable copies are replaced as they go.
        </p>
      ) : (
        <p>
          This device connected before the directory was sealed: the server’s administrators can read your people’s
          names and your pairs’ goals there. Sealing makes a key on this device and sends every pair and person again,
          sealed. Your other devices then need to be let in again from this one, to get the key.
        </p>
      )}
      {held ? null : admin ? (
        <p>
          <button type="button" className="button button--primary" disabled={running} onClick={() => void seal()}>
            Seal the directory
          </button>
        </p>
      ) : (
        <ServerAdminForm why="Sealing the program’s directory needs the server administrator’s name and password, once." />
      )}
      <StepList steps={steps} />
      <ErrorMessage message={message} />
    </section>
  );
}
