import type { UseFormRegisterReturn } from 'react-hook-form';
import { visibilityLabels, visibilitySchema } from '../domain/visibilitySchema';

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
