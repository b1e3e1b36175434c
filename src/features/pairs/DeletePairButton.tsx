import { useNavigate } from 'react-router';
import { deletePair } from '../../data/deletion';
import type { Pair } from '../../domain/pair';
import { useUndoStore } from '../../state/undoStore';
import { DeleteButton } from '../../ui/DeleteButton';
import { deleteErrorMessage } from '../../data/storageFailureMessage';

function count(n: number, one: string, many: string): string {
  return `${new Intl.NumberFormat().format(n)} ${n === 1 ? one : many}`;
}

/** Deletes the pair with its sessions and check-ins, then shows the pairs list with the undo toast. */
export function DeletePairButton({ pair, names }: { pair: Pair; names: string }) {
  const navigate = useNavigate();
  const offerUndo = useUndoStore((state) => state.offerUndo);
  return (
    <DeleteButton
      describeFailure={deleteErrorMessage}
      label="Delete pair"
      onDelete={async () => {
        const deletion = await deletePair(pair.id);
        const what =
          deletion.sessions + deletion.checkIns === 0
            ? ''
            : `, with ${count(deletion.sessions, 'session', 'sessions')} and ${count(deletion.checkIns, 'check-in', 'check-ins')}`;
        offerUndo(`Pair ${names} deleted${what}.`, deletion.undo, `Pair ${names} restored.`);
        navigate('/pairs');
      }}
    />
  );
}
