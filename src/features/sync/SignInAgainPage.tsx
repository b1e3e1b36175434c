import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSyncAccount } from '../../data/syncAccount';
import { useCurrentViewer } from '../../data/viewer';
import { signInAgainFormSchema, type SignInAgainFormValues } from '../../domain/syncForms';
import { useSyncStatusStore } from '../../state/syncStatusStore';
import { signIn } from '../../sync/couchClient';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** When the server's session has ended: the account's person signs in again and sync starts again. */
export function SignInAgainPage() {
  useDocumentTitle('Sign in again');
  const account = useSyncAccount();
  const { person } = useCurrentViewer();
  const requestRestart = useSyncStatusStore((state) => state.requestRestart);
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInAgainFormValues>({ resolver: zodResolver(signInAgainFormSchema), defaultValues: { password: '' } });

  if (!account) {
    return (
      <section className="narrow">
        <h1>Sign in again</h1>
        <p>
          This device does not sync with a program’s server, so there is nothing to sign in to.{' '}
          <Link to="/sync">About sync</Link>.
        </p>
      </section>
    );
  }

  const onSubmit = handleSubmit(async ({ password }) => {
    setError(null);
    const result = await signIn({ serverUrl: account.serverUrl }, account.personId, password);
    if (!result.ok) {
      setError(
        result.reason === 'wrong-name-or-password'
          ? 'That password does not match. Nothing was changed; try again. If you have forgotten it, ask your coordinator for a new invitation.'
          : result.message,
      );
      return;
    }
    requestRestart();
    void navigate(typeof from === 'string' && from.startsWith('/') ? from : '/', { replace: true });
  });

  const name = person && person.id === account.personId ? person.name : 'you';
  return (
    <section className="narrow">
      <h1>Sign in again</h1>
      <p>
        The program’s server asks {name === 'you' ? 'you' : name} to sign in again before this device syncs any more.
        Nothing is lost meanwhile: changes made here wait on this device. The password is sent to the server at{' '}
        <code>{account.serverUrl}</code> and not kept here.
      </p>
      <form onSubmit={onSubmit} noValidate className="card">
        <Field label="Your password" error={errors.password?.message}>
          {(control) => (
            <input {...control} {...register('password')} type="password" autoComplete="current-password" />
          )}
        </Field>
        <ErrorMessage message={error} />
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          Sign in
        </button>
      </form>
    </section>
  );
}
