import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { setSessionNotesVisibility } from '../../data/sessions';
import { saveErrorMessage } from '../../data/storageFailureMessage';
import { sessionVisibilityHint, type Session } from '../../domain/session';
import { visibilitySchema } from '../../domain/checkIn';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { VisibilityChoice } from '../../ui/Field';

const visibilityFormSchema = z.object({ notesVisibility: visibilitySchema });
type VisibilityForm = z.infer<typeof visibilityFormSchema>;

/** Lets the person who logged a session change who sees its words. */
export function SessionVisibilityForm({ session, personId }: { session: Session; personId: string }) {
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { isSubmitting, isDirty },
    reset,
  } = useForm<VisibilityForm>({
    resolver: zodResolver(visibilityFormSchema),
    defaultValues: { notesVisibility: session.notesVisibility },
  });

  // Changed elsewhere (another tab): the form follows, unless a choice is waiting to be saved here.
  useEffect(() => {
    if (!isDirty) reset({ notesVisibility: session.notesVisibility });
  }, [session.notesVisibility, isDirty, reset]);

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    setSaved(false);
    try {
      await setSessionNotesVisibility(session, personId, values.notesVisibility);
      reset(values);
      setSaved(true);
    } catch (error) {
      setSaveError(saveErrorMessage(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card form" aria-labelledby="session-visibility-heading">
      <h2 id="session-visibility-heading">Who sees what you wrote</h2>
      <VisibilityChoice
        legend="Who can see the notes, topics and action items?"
        registration={register('notesVisibility', { onChange: () => setSaved(false) })}
        hint={sessionVisibilityHint}
      />
      <ErrorMessage message={saveError} />
      {saved && !isDirty ? (
        <p role="status" className="muted">
          Saved.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          Save who can see it
        </button>
      </div>
    </form>
  );
}
