import { useNavigate } from 'react-router';
import { deleteSession } from '../../data/deletion';
import type { Session } from '../../domain/session';
import { useUndoStore } from '../../state/undoStore';
import { DeleteButton } from '../../ui/DeleteButton';
import { formatDay } from '../../ui/formatDate';
import { deleteErrorMessage } from '../../data/storageFailureMessage';

/** Deletes the session and goes back to its pair, where the toast offers to undo. */
export function DeleteSessionButton({ session }: { session: Session }) {
  const navigate = useNavigate();
  const offerUndo = useUndoStore((state) => state.offerUndo);
  return (
    <DeleteButton
      describeFailure={deleteErrorMessage}
      label="Delete session"
      onDelete={async () => {
        const undo = await deleteSession(session);
        const what = `Session on ${formatDay(session.date)}`;
        offerUndo(`${what} deleted.`, undo, `${what} restored.`);
        navigate(`/pairs/${session.pairId}`);
      }}
    />
  );
}
