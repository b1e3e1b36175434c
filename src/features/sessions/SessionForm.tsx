import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { localToday } from '../../domain/dates';
import {
  sessionFormSchemaFor,
  sessionModeLabels,
  sessionModeSchema,
  sessionVisibilityHint,
  type SessionFormInput,
  type SessionFormValues,
} from '../../domain/session';
import { sideLabels, sides } from '../../domain/side';
import { Field, VisibilityChoice } from '../../ui/Field';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { saveErrorMessage } from '../../data/storageFailureMessage';

interface SessionFormProps {
  /** The pair's start date: a session is dated no earlier than `plausibleDates` allows before it. */
  pairStartDate: string;
  defaultValues: SessionFormInput;
  /** Given the checked values and, to give back to the form if the save later fails, the input as typed. */
  onSave: (values: SessionFormValues, typed: SessionFormInput) => Promise<void> | void;
  /** Why an earlier save of this input failed, shown until the next try. */
  initialError?: string | null;
  onCancel: () => void;
}

/** One short form, meant to be filled in within a minute of the session ending. */
export function SessionForm({ pairStartDate, defaultValues, onSave, onCancel, initialError = null }: SessionFormProps) {
  const schema = useMemo(() => sessionFormSchemaFor(pairStartDate, localToday()), [pairStartDate]);
  const [saveError, setSaveError] = useState<string | null>(initialError);
  const {
    register,
    control,
    handleSubmit,
    setFocus,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<SessionFormInput, unknown, SessionFormValues>({ resolver: zodResolver(schema), defaultValues });
  const { fields, append, remove } = useFieldArray({ control, name: 'actionItems' });

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      await onSave(values, getValues());
    } catch (error) {
      setSaveError(saveErrorMessage(error));
    }
  });

  const addActionItem = () => {
    append({ text: '', owner: 'mentee', dueDate: '' });
    // Focus the new item's text so that keyboard users can type straight away.
    setTimeout(() => setFocus(`actionItems.${fields.length}.text`), 0);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="card form">
      <div className="form-row">
        <Field label="Date" error={errors.date?.message}>
          {(field) => <input type="date" {...field} {...register('date')} />}
        </Field>
        <Field label="Duration (minutes)" error={errors.durationMinutes?.message}>
          {(field) => (
            <input type="number" inputMode="numeric" min={1} max={1440} {...field} {...register('durationMinutes')} />
          )}
        </Field>
        <Field label="Mode" error={errors.mode?.message}>
          {(field) => (
            <select {...field} {...register('mode')}>
              {sessionModeSchema.options.map((mode) => (
                <option key={mode} value={mode}>
                  {sessionModeLabels[mode]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Topics" hint="Separate topics with commas." error={errors.topics?.message}>
        {(field) => <input {...field} {...register('topics')} autoComplete="off" />}
      </Field>
      <Field label="Notes" error={errors.notes?.message}>
        {(field) => <textarea rows={5} {...field} {...register('notes')} />}
      </Field>

      <fieldset className="action-items">
        <legend>Action items</legend>
        {fields.length === 0 ? <p className="muted">No action items yet.</p> : null}
        <ol>
          {fields.map((item, index) => (
            <li key={item.id} className="action-item">
              <Field label={`Action item ${index + 1}`} error={errors.actionItems?.[index]?.text?.message}>
                {(field) => <input {...field} {...register(`actionItems.${index}.text`)} autoComplete="off" />}
              </Field>
              <Field label="Owner">
                {(field) => (
                  <select {...field} {...register(`actionItems.${index}.owner`)}>
                    {sides.map((side) => (
                      <option key={side} value={side}>
                        {sideLabels[side]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Due (optional)" error={errors.actionItems?.[index]?.dueDate?.message}>
                {(field) => <input type="date" {...field} {...register(`actionItems.${index}.dueDate`)} />}
              </Field>
              <button type="button" className="button button--quiet" onClick={() => remove(index)}>
                Remove action item {index + 1}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="button" onClick={addActionItem}>
          Add an action item
        </button>
      </fieldset>

      <VisibilityChoice
        legend="Who can see the notes, topics and action items?"
        registration={register('notesVisibility')}
        hint={sessionVisibilityHint}
      />

      <ErrorMessage message={saveError} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          Save session
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
