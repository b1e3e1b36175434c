import { useState } from 'react';
import { useUndoStore } from '../state/undoStore';

/**
 * "Session deleted. [Undo]" for a short while after a deletion. A status region, so screen readers
 * announce it without moving focus. The Undo button is an ordinary button in the tab order, just
 * before the screen's content (one Shift+Tab from it after a deletion), and the countdown stops
 * while the toast has focus or the pointer, so nobody races the clock.
 */
export function UndoToast() {
  const pending = useUndoStore((state) => state.pending);
  const confirmation = useUndoStore((state) => state.confirmation);
  const { confirmUndone, pause, resume } = useUndoStore.getState();
  const [error, setError] = useState<{ key: number; message: string } | null>(null);
  const [working, setWorking] = useState(false);

  const undo = async () => {
    if (!pending) return;
    setWorking(true);
    setError(null);
    try {
      await pending.undo();
      confirmUndone(pending.restoredMessage);
    } catch (failure) {
      // The sentences about failures load when one happens: they are not the first screen's to carry.
      const { deleteErrorMessage } = await import('../data/storageFailureMessage');
      setError({ key: pending.key, message: deleteErrorMessage(failure) });
    } finally {
      setWorking(false);
    }
  };

  const shownError = error && pending && error.key === pending.key ? error.message : null;
  return (
    <div className="undo-toast-region">
      <div
        role="status"
        className={pending || confirmation ? 'undo-toast' : 'undo-toast undo-toast--empty'}
        onFocus={pause}
        onBlur={resume}
        onMouseEnter={pause}
        onMouseLeave={resume}
      >
        {pending ? (
          <>
            <span className="undo-toast__message">{pending.message}</span>
            <button type="button" className="button undo-toast__undo" onClick={() => void undo()} disabled={working}>
              Undo
            </button>
          </>
        ) : confirmation ? (
          <span className="undo-toast__message">{confirmation}</span>
        ) : null}
      </div>
      {shownError ? (
        <p className="form-error undo-toast__error" role="alert">
          {shownError}
        </p>
      ) : null}
    </div>
  );
}
