import { useId, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { visibilityLabels, visibilitySchema } from '../domain/checkIn';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  /** Renders the control with the id and ARIA attributes that tie it to its label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A form field: a visible label, an optional hint, the control, and its error announced to assistive tech. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** The error line under a field; always in the DOM as a live region so a new error is announced. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return (
    <p id={id} className="field__error" role={message ? 'alert' : undefined}>
      {message ?? ''}
    </p>
  );
}

/**
 * The three visibilities as radio buttons, in the same words wherever something is shared: a
 * check-in's scores, its words, a session's words. `registration` is the form's field for them.
 */
export function VisibilityChoice({
  legend,
  hint,
  registration,
}: {
  legend: string;
  hint: string | undefined;
  registration: UseFormRegisterReturn;
}) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {visibilitySchema.options.map((option) => (
        <label key={option} className="choice">
          <input type="radio" value={option} {...registration} />
          <span>{visibilityLabels[option]}</span>
        </label>
      ))}
    </fieldset>
  );
}
