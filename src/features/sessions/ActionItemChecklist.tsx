import { useState } from 'react';
import { setActionItemDone } from '../../data/sessions';
import type { SessionActionItem } from '../../domain/session';
import { sideLabels } from '../../domain/side';
import { formatDay } from '../../ui/formatDate';
import { saveErrorMessage } from '../../ui/storageFailureMessage';
import { ErrorMessage } from '../../ui/ErrorMessage';

export type ChecklistItem = SessionActionItem;

/** Action items with a checkbox each, ticked off in place. */
export function ActionItemChecklist({ items, today, readOnly = false }: { items: readonly ChecklistItem[]; today: string; readOnly?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const toggle = async (item: ChecklistItem, done: boolean) => {
    setError(null);
    try {
      await setActionItemDone({ id: item.sessionId, pairId: item.pairId, date: item.sessionDate }, item.id, done);
    } catch (failure) {
      setError(saveErrorMessage(failure));
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
                <span className="checklist__text">{item.text}</span>
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
