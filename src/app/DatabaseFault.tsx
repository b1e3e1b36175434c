import { Link, useNavigate } from 'react-router';
import { startAfresh } from '../data/recordsOnDevice';
import { useDatabaseStatusStore, type DatabaseClosedReason } from '../state/databaseStatusStore';
import { useViewerStore } from '../state/viewerStore';
import { databaseClosedMessages, openFailureMessage, recordsLostMessage } from '../data/storageFailureMessage';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import type { DatabaseFault } from './useDatabaseFault';

function OpenFailureScreen() {
  const failure = useDatabaseStatusStore((state) => state.openFailure);
  const { title, text } = openFailureMessage(failure?.error);
  useDocumentTitle(title);
  return (
    <section className="narrow">
      <h1>{title}</h1>
      <p>{text}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        Reload
      </button>
    </section>
  );
}

function RecordsLostScreen() {
  useDocumentTitle(recordsLostMessage.title);
  const navigate = useNavigate();
  const startAgain = () => {
    startAfresh();
    useViewerStore.getState().clearViewer();
    void navigate('/welcome', { replace: true });
  };
  return (
    <section className="narrow">
      <h1>{recordsLostMessage.title}</h1>
      <p>{recordsLostMessage.text}</p>
      <p>{recordsLostMessage.restore}</p>
      <p className="button-row">
        <Link to="/restore" className="button button--primary">
          Restore from a backup
        </Link>{' '}
        <button type="button" className="button" onClick={startAgain}>
          Start afresh without them
        </button>
      </p>
    </section>
  );
}

/**
 * For the error screen: when a screen failed because the database was closed under it, the same
 * words as the banner, rather than "something went wrong".
 */
function DatabaseClosedScreen({ closedBecause }: { closedBecause: DatabaseClosedReason }) {
  return (
    <section className="narrow">
      <h1>{closedBecause === 'newerVersion' ? 'Mentorlog was updated' : 'Mentorlog cannot reach your records'}</h1>
      <p>{databaseClosedMessages[closedBecause]}</p>
      <DatabaseClosedAction closedBecause={closedBecause} />
    </section>
  );
}

/** What a tab whose database was closed under it can do: restore (in a page load of its own, as its connection is closed for good) or reload. */
function DatabaseClosedAction({ closedBecause }: { closedBecause: DatabaseClosedReason }) {
  return closedBecause === 'deleted' ? (
    <a className="button button--primary" href="/restore">
      Restore from a backup
    </a>
  ) : (
    <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
      Reload
    </button>
  );
}

/** The banner over every screen once this tab's database was closed under it; the screen under it stays. */
export function DatabaseClosedBanner({ closedBecause }: { closedBecause: DatabaseClosedReason }) {
  return (
    <div className="app-banner app-banner--attention" role="alert">
      <p>{databaseClosedMessages[closedBecause]}</p>
      <DatabaseClosedAction closedBecause={closedBecause} />
    </div>
  );
}

/**
 * The screen in place of the one asked for when the database's state says it cannot work (see
 * useDatabaseFault), or, on the error screen, when a screen failed because the database was closed.
 * Loaded only when needed: its sentences are not the first screen's to carry.
 */
export function DatabaseFaultScreen({ fault }: { fault: DatabaseFault }) {
  if (fault === 'openFailure') return <OpenFailureScreen />;
  if (fault === 'recordsLost') return <RecordsLostScreen />;
  return <DatabaseClosedScreen closedBecause={fault.closedBecause} />;
}
