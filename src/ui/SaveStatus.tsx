/**
 * Right after saving a record whose screen shows it at once: whether it is stored yet. A live
 * region from the start, so that the change to "saved" is announced. A failed save shows nothing
 * here: its form opens again, with the reason.
 */
export function SaveStatus({ state, what }: { state: 'saving' | 'failed' | 'saved'; what: 'session' | 'check-in' }) {
  if (state === 'failed') return null;
  return (
    <p className={state === 'saving' ? 'muted' : 'success'} role="status">
      {state === 'saving' ? `Saving the ${what}…` : `${what === 'session' ? 'Session' : 'Check-in'} saved.`}
    </p>
  );
}
