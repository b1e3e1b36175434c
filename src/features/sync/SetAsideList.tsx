import { useSyncStatusStore } from '../../state/syncStatusStore';

/** Documents the sync set aside (failed this app's checks when pulled) or the server refused when pushed. */
export function SetAsideList() {
  // The list itself, not a fresh `[]` per read: a new value each time would render forever.
  const problems = useSyncStatusStore((state) => state.status?.problems) ?? [];
  return (
    <section id="set-aside" aria-labelledby="set-aside-heading" tabIndex={-1}>
      <h2 id="set-aside-heading">Documents set aside</h2>
      {problems.length === 0 ? (
        <p>Nothing has been set aside.</p>
      ) : (
        <>
          <p>
            These were not applied on this device: the server sent something this app does not accept, or refused a
            change from this device. Your records stay as they were. Tell whoever runs the program’s server, with the
            details below.
          </p>
          <ul className="sync-problems">
            {problems.map((problem) => (
              <li key={`${problem.database} ${problem.docId} ${problem.message}`}>
                <strong>{problem.message}</strong>
                <br />
                <span className="muted">
                  <code>{problem.docId}</code> in <code>{problem.database}</code>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
