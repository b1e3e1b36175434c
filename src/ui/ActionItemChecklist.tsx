import { useState } from 'react';
import type { SessionActionItem } from '../domain/session';
import { sideLabels } from '../domain/side';
import { formatDay } from './formatDate';
import { ErrorMessage } from './ErrorMessage';
import { heldActionItemText } from './heldWords';

export type ChecklistItem = SessionActionItem;

/**
 * Action items with a checkbox each (an item whose words are held from the viewer shows its owner,
 * due date and whether it is done, and says who kept its words instead of them), ticked off in place through `setDone` (the caller's write, so
 * that this component stays free of data access); a failed write is said under the list, in the
 * words of `describeFailure` (the app's one module of failure sentences).
 */
export function ActionItemChecklist({
  items,
  today,
  setDone,
  describeFailure,
  readOnly = false,
}: {
  items: readonly ChecklistItem[];
  today: string;
  setDone: (item: ChecklistItem, done: boolean) => Promise<void>;
  describeFailure: (failure: unknown) => string;
  readOnly?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const toggle = async (item: ChecklistItem, done: boolean) => {
    setError(null);
    try {
      await setDone(item, done);
    } catch (failure) {
      setError(describeFailure(failure));
    }
  };
  return (
    <>
      <ul className="checklist">
        {items.map((item) => {
          const late = !item.done && item.dueDate !== null && item.dueDate < today;
          return (
            <li key={item.id} className={item.done ? 'checklist__item checklist__item--done' : 'checklist__item'}>
              <label>
                <input
                  type="checkbox"
                  checked={item.done}
                  disabled={readOnly}
                  onChange={(event) => void toggle(item, event.target.checked)}
                />
                {item.held ? (
                  <span className="checklist__text checklist__text--held">
                    {heldActionItemText(item.held, item.sessionDate)}
                  </span>
                ) : (
                  <span className="checklist__text">{item.text}</span>
                )}
              </label>
              <span className="checklist__meta">
                {sideLabels[item.owner]}
                {item.dueDate ? ` · due ${formatDay(item.dueDate)}` : ''}
                {late ? <strong className="late"> · past due</strong> : null}
              </span>
            </li>
          );
        })}
      </ul>
      <ErrorMessage message={error} />
    </>
  );
}
