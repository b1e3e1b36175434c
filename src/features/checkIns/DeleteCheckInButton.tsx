import { useNavigate } from 'react-router';
import { deleteCheckIn } from '../../data/deletion';
import type { CheckIn } from '../../domain/checkIn';
import { useUndoStore } from '../../state/undoStore';
import { DeleteButton } from '../../ui/DeleteButton';
import { formatDay } from '../../ui/formatDate';
import { deleteErrorMessage } from '../../data/storageFailureMessage';

/** Deletes one of the viewer's own check-ins and goes back to the pair, where the toast offers to undo. */
export function DeleteCheckInButton({ checkIn }: { checkIn: CheckIn }) {
  const navigate = useNavigate();
  const offerUndo = useUndoStore((state) => state.offerUndo);
  return (
    <DeleteButton
      describeFailure={deleteErrorMessage}
      label="Delete check-in"
      onDelete={async () => {
        const undo = await deleteCheckIn(checkIn);
        const what = `Your check-in on ${formatDay(checkIn.date)}`;
        offerUndo(`${what} deleted.`, undo, `${what} restored.`);
        navigate(`/pairs/${checkIn.pairId}`);
      }}
    />
  );
}
