import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { createPerson } from '../../data/createPerson';
import { usePeople } from '../../data/people';
import { localToday } from '../../domain/dates';
import { newViewerFormSchema, roleLabels, roleSchema, type NewViewerFormValues } from '../../domain/person';
import { useViewerStore } from '../../state/viewerStore';
import { Field } from '../../ui/Field';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { saveErrorMessage } from '../../data/storageFailureMessage';

const roleHints: Record<NewViewerFormValues['role'], string> = {
  mentor: 'You guide someone and log your sessions together.',
  mentee: 'You are being mentored and want to keep track of how it is going.',
  coordinator: 'You look after a mentoring program and review how its pairs are doing.',
};

export function Welcome() {
  useDocumentTitle('Welcome');
  const navigate = useNavigate();
  const setViewer = useViewerStore((state) => state.setViewer);
  const people = usePeople();
  const [saveError, setSaveError] = useState<string | null>(null);
  const [loadingDemo, setLoadingDemo] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<NewViewerFormValues>({
    resolver: zodResolver(newViewerFormSchema),
    defaultValues: { name: '', role: 'mentor' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      const person = await createPerson(values.name);
      setViewer(person.id, values.role);
      navigate('/pairs');
    } catch (error) {
      setSaveError(saveErrorMessage(error));
    }
  });

  const exploreDemo = async () => {
    setSaveError(null);
    setLoadingDemo(true);
    try {
      const { loadDemoProgram } = await import('../../data/demo');
      const coordinator = await loadDemoProgram(localToday());
      setViewer(coordinator.id, 'coordinator');
      navigate('/pairs');
    } catch (error) {
      setSaveError(saveErrorMessage(error));
      setLoadingDemo(false);
    }
  };

  return (
    <div className="welcome">
      <h1>Welcome to Mentorlog</h1>
      <p className="lead">
        Keep the record of a mentoring relationship: log your sessions, rate how the relationship is going from your
        side, and get guidance when something needs attention. Everything stays on this device; nobody signs up
        anywhere.
      </p>

      <section aria-labelledby="who-heading" className="card">
        <h2 id="who-heading">Who is using this device?</h2>
        <form onSubmit={onSubmit} noValidate>
          <Field label="Your name" error={errors.name?.message}>
            {(control) => <input {...control} {...register('name')} autoComplete="name" />}
          </Field>
          <fieldset className="choice-group">
            <legend>You are here as</legend>
            {roleSchema.options.map((role) => (
              <label key={role} className="choice">
                <input type="radio" value={role} {...register('role')} />
                <span>
                  <strong>{roleLabels[role]}</strong>
                  <span className="choice__hint">{roleHints[role]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <ErrorMessage message={saveError} />
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            Start
          </button>
        </form>
      </section>

      <section aria-labelledby="demo-heading" className="card">
        <h2 id="demo-heading">Just looking?</h2>
        <p>
          Explore a demo program of a dozen pairs over six months, viewed as its coordinator. You can switch to any of
          its people later.
        </p>
        <button type="button" className="button" onClick={exploreDemo} disabled={loadingDemo}>
          {loadingDemo ? 'Setting up the demo…' : 'Explore a demo program'}
        </button>
      </section>

      <section aria-labelledby="restore-heading" className="card">
        <h2 id="restore-heading">Coming from another device?</h2>
        <p>
          Bring in a backup you made elsewhere, or the file your mentor or mentee shared with you; then choose who you
          are.
        </p>
        <Link to="/restore" className="button">
          Restore a backup or open a shared pair
        </Link>
      </section>

      {people && people.length > 0 ? (
        <p>
          Already used Mentorlog on this device? <Link to="/viewing-as">Choose who you are</Link>.
        </p>
      ) : null}
    </div>
  );
}
