import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Invitation } from '../../domain/invitation';
import type { SyncAccount } from '../../domain/syncAccount';
import { signInAgainFormSchema, type SignInAgainFormValues } from '../../domain/syncForms';
import { signIn } from '../../sync/couchClient';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { acceptInvitation } from './acceptInvitation';

interface DeviceJoinFormProps {
  invitation: Invitation;
  account: SyncAccount | null;
  onJoined: () => void;
}

/** A new device of someone who has joined already: they sign in with their own password, and it takes the pair's keys. */
export function DeviceJoinForm({ invitation, account, onJoined }: DeviceJoinFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInAgainFormValues>({ resolver: zodResolver(signInAgainFormSchema), defaultValues: { password: '' } });

  const onSubmit = handleSubmit(async ({ password }) => {
    setError(null);
    const connection = { serverUrl: invitation.serverUrl };
    setStage('Signing in');
    const signedIn = await signIn(connection, invitation.personId, password);
    if (!signedIn.ok) {
      setStage(null);
      return setError(
        signedIn.reason === 'wrong-name-or-password'
          ? 'That password does not match. Type the password you chose when you first joined; if you have forgotten it, ask your coordinator for a new invitation.'
          : signedIn.message,
      );
    }
    const failed = await acceptInvitation(connection, invitation, account, setStage);
    setStage(null);
    if (failed) return setError(failed);
    onJoined();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <p>
        This link lets a new device of yours into your pair (<code>{invitation.serverUrl}</code>): sign in with the
        password you chose when you first joined, and this device receives your pair’s keys and its records. The link
        works once, for a week.
      </p>
      <Field label="Your password" error={errors.password?.message}>
        {(control) => <input {...control} {...register('password')} type="password" autoComplete="current-password" />}
      </Field>
      <p role="status">{stage ? `${stage}…` : ''}</p>
      <ErrorMessage message={error} />
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        Sign in and join
      </button>
    </form>
  );
}
