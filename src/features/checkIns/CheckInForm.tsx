import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { SCALE, type Characteristic } from '../../domain/characteristic';
import { checkInFormSchema, type CheckInFormInput, type CheckInFormValues } from '../../domain/checkIn';
import { localToday } from '../../domain/dates';
import type { Side } from '../../domain/side';
import { Field, FieldError, VisibilityChoice } from '../../ui/Field';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { saveErrorMessage } from '../../data/storageFailureMessage';

interface CheckInFormProps {
  side: Side;
  /** The pair's start date: a check-in is dated no earlier than `plausibleDates` allows before it. */
  pairStartDate: string;
  characteristics: readonly Characteristic[];
  defaultValues: CheckInFormInput;
  /** Given the checked values and, to give back to the form if the save later fails, the input as typed. */
  onSave: (values: CheckInFormValues, typed: CheckInFormInput) => Promise<void> | void;
  /** Why an earlier save of this input failed, shown until the next try. */
  initialError?: string | null;
  onCancel: () => void;
}

/** One rating per characteristic, with the prompt written for this side and a label on every point. */
export function CheckInForm({
  side,
  pairStartDate,
  characteristics,
  defaultValues,
  onSave,
  onCancel,
  initialError = null,
}: CheckInFormProps) {
  const schema = useMemo(
    () =>
      checkInFormSchema(
        characteristics.map((c) => c.id),
        { pairStartDate, today: localToday() },
      ),
    [characteristics, pairStartDate],
  );
  const [saveError, setSaveError] = useState<string | null>(initialError);
  const {
    register,
    handleSubmit,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<CheckInFormInput, unknown, CheckInFormValues>({
    resolver: zodResolver(schema),
    defaultValues,
    shouldFocusError: true,
  });

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      await onSave(values, getValues());
    } catch (error) {
      setSaveError(saveErrorMessage(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card form">
      <Field label="Date" error={errors.date?.message}>
        {(field) => <input type="date" {...field} {...register('date')} />}
      </Field>
      {characteristics.map((characteristic) => (
        <CharacteristicRating
          key={characteristic.id}
          characteristic={characteristic}
          side={side}
          register={register}
          errors={errors}
        />
      ))}
      <Field
        label="Reflection (optional)"
        hint="Anything about how the relationship is going that the scores don't say."
        error={errors.reflection?.message}
      >
        {(field) => <textarea rows={5} {...field} {...register('reflection')} />}
      </Field>
      <VisibilityChoice
        legend="Who can see your scores?"
        registration={register('visibility')}
        hint="The program coordinator uses shared scores to see which pairs need support."
      />
      <VisibilityChoice
        legend="Who can see your reflection and comments?"
        registration={register('notesVisibility')}
        hint={side === 'mentee' ? 'What you write stays private unless you choose to share it.' : undefined}
      />
      <ErrorMessage message={saveError} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          Save check-in
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface RatingProps {
  characteristic: Characteristic;
  side: Side;
  register: UseFormRegister<CheckInFormInput>;
  errors: FieldErrors<CheckInFormInput>;
}

function CharacteristicRating({ characteristic, side, register, errors }: RatingProps) {
  const { id, name, prompts, scaleLabels } = characteristic;
  const error = errors.scores?.[id]?.message;
  const promptId = `prompt-${id}`;
  const errorId = `score-error-${id}`;
  return (
    <fieldset className={error ? 'rating rating--invalid' : 'rating'} aria-describedby={`${promptId} ${errorId}`}>
      <legend>{name}</legend>
      <p id={promptId} className="rating__prompt">
        {prompts[side]}
      </p>
      <div className="rating__scale">
        {SCALE.map((score) => (
          <label key={score} className="rating__point">
            <input type="radio" value={String(score)} aria-invalid={Boolean(error)} {...register(`scores.${id}`)} />
            <span className="rating__number">{score}</span>
            <span className="rating__label">{scaleLabels[score - 1]}</span>
          </label>
        ))}
      </div>
      <FieldError id={errorId} message={error} />
      <Field label={`Comment on ${name.toLowerCase()} (optional)`} error={errors.comments?.[id]?.message}>
        {(field) => <textarea rows={2} {...field} {...register(`comments.${id}`)} />}
      </Field>
    </fieldset>
  );
}
