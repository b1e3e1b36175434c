import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { z } from 'zod';
import { localToday } from '../../domain/dates';
import { NEW_PERSON, pairFormSchemaFor, type pairFormSchema, type PairFormValues } from '../../domain/pair';
import type { Person } from '../../domain/person';
import { Field } from '../../ui/Field';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { saveErrorMessage } from '../../data/storageFailureMessage';

type Input = z.input<typeof pairFormSchema>;

interface PairFormProps {
  people: readonly Person[];
  defaultValues: Input;
  submitLabel: string;
  /** Editing a pair: the date of its first session or check-in, which its start may not be moved far past. */
  earliestRecordDate?: string | null;
  onSave: (values: PairFormValues) => Promise<void>;
  onCancel: () => void;
}

/** Sets up or edits a pair. Either partner can be someone already here or a new person named inline. */
export function PairForm({
  people,
  defaultValues,
  submitLabel,
  earliestRecordDate = null,
  onSave,
  onCancel,
}: PairFormProps) {
  const schema = useMemo(() => pairFormSchemaFor(localToday(), earliestRecordDate), [earliestRecordDate]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, PairFormValues>({ resolver: zodResolver(schema), defaultValues });

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      await onSave(values);
    } catch (error) {
      setSaveError(saveErrorMessage(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card form">
      <PersonPicker role="mentor" people={people} control={control} register={register} errors={errors} />
      <PersonPicker role="mentee" people={people} control={control} register={register} errors={errors} />
      <div className="form-row">
        <Field label="Start date" error={errors.startDate?.message}>
          {(field) => <input type="date" {...field} {...register('startDate')} />}
        </Field>
        <Field
          label="Days between sessions"
          hint="How often you plan to meet. A session counts as overdue after 1.5 times this."
          error={errors.cadenceDays?.message}
        >
          {(field) => (
            <input type="number" inputMode="numeric" min={1} max={365} {...field} {...register('cadenceDays')} />
          )}
        </Field>
      </div>
      <Field
        label="Goals"
        hint="What the mentee wants to get out of the mentoring. Optional."
        error={errors.goals?.message}
      >
        {(field) => <textarea rows={4} {...field} {...register('goals')} />}
      </Field>
      <ErrorMessage message={saveError} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface PersonPickerProps {
  role: 'mentor' | 'mentee';
  people: readonly Person[];
  control: Control<Input, unknown, PairFormValues>;
  register: UseFormRegister<Input>;
  errors: FieldErrors<Input>;
}

function PersonPicker({ role, people, control, register, errors }: PersonPickerProps) {
  const choice = useWatch({ control, name: `${role}.personId` });
  const label = role === 'mentor' ? 'Mentor' : 'Mentee';
  return (
    <fieldset className="person-picker">
      <legend>{label}</legend>
      <Field label={`Who is the ${role}?`} error={errors[role]?.personId?.message}>
        {(field) => (
          <select {...field} {...register(`${role}.personId`)}>
            <option value="">Choose…</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
            <option value={NEW_PERSON}>Someone new…</option>
          </select>
        )}
      </Field>
      {choice === NEW_PERSON ? (
        <Field label={`New ${role}'s name`} error={errors[role]?.newName?.message}>
          {(field) => <input {...field} {...register(`${role}.newName`)} autoComplete="off" />}
        </Field>
      ) : null}
    </fieldset>
  );
}
