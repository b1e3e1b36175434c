import { useState } from 'react';
import { ErrorMessage } from './ErrorMessage';

/**
 * A delete button for a record that can be undone for a while afterwards (see UndoToast), so it
 * does not ask "are you sure?". If deleting fails, `describeFailure` (the app's one module of failure
 * sentences, passed in so that this component stays free of data access) says so beside the button.
 */
export function DeleteButton({
  label,
  onDelete,
  describeFailure,
}: {
  label: string;
  onDelete: () => Promise<void>;
  describeFailure: (failure: unknown) => string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const remove = async () => {
    setError(null);
    setWorking(true);
    try {
      await onDelete();
    } catch (failure) {
      setError(describeFailure(failure));
      setWorking(false);
    }
  };
  return (
    <div className="delete-action">
      <button type="button" className="button button--danger" onClick={() => void remove()} disabled={working}>
        {label}
      </button>
      <ErrorMessage message={error} />
    </div>
  );
}
