import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { usePairQuery } from '../../data/pairs';
import { normalizeCode, type Invitation } from '../../domain/invitation';
import type { SyncAccount } from '../../domain/syncAccount';
import { joinFormSchema, MIN_PASSWORD_LENGTH, type JoinFormValues } from '../../domain/syncForms';
import { signIn } from '../../sync/couchClient';
import { changeOwnPassword } from '../../sync/ownPassword';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { acceptInvitation } from './acceptInvitation';
import { NewPasswordFields } from './CredentialFields';

interface JoinFormProps {
  invitation: Invitation;
  /** This device's account when it already syncs as the same person (another of their pairs); else null. */
  account: SyncAccount | null;
  onJoined: () => void;
}

const codeRefused =
  'The server did not accept this code. Check it with your coordinator; if they invited you again since, only the newest code works.';

/** Signs in with the invitation's one-time code, replaces it with the person's own password, and connects the device. */
export function JoinForm({ invitation, account, onJoined }: JoinFormProps) {
  const pairHere = usePairQuery(invitation.pairId);
  const needsCode = invitation.code === null;
  const schema = useMemo(() => joinFormSchema(needsCode), [needsCode]);
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  // Once the one-time code is replaced, a retry signs in with the new password instead.
  const [passwordSet, setPasswordSet] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<JoinFormValues>({ resolver: zodResolver(schema), defaultValues: { code: '', password: '', repeat: '' } });

  const fail = (message: string) => {
    setStage(null);
    setError(message);
  };

  const onSubmit = handleSubmit(async ({ code, password }) => {
    setError(null);
    const connection = { serverUrl: invitation.serverUrl };
    const { personId } = invitation;
    if (!passwordSet) {
      setStage('Signing in with your code');
      const first = await signIn(connection, personId, invitation.code ?? normalizeCode(code) ?? '');
      if (!first.ok) return fail(first.reason === 'wrong-name-or-password' ? codeRefused : first.message);
      setStage('Setting your own password');
      const change = await changeOwnPassword(connection, {
        personId,
        rev: invitation.rev,
        roles: first.roles,
        password,
      });
      if (!change.ok) return fail(change.message);
      setPasswordSet(true);
    }
    setStage('Signing in with your new password');
    const again = await signIn(connection, personId, password);
    if (!again.ok) {
      return fail(
        again.reason === 'wrong-name-or-password'
          ? 'Your own password is set, but signing in with what you typed failed: type the new password you chose, twice, and try again.'
          : again.message,
      );
    }
    const failed = await acceptInvitation(connection, invitation, account, setStage);
    if (failed) return fail(failed);
    onJoined();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <p>
        You are invited to sync your mentoring pair through your program’s server (<code>{invitation.serverUrl}</code>
        ): what you and your partner share with each other shows on both your devices, and what you share with the
        program reaches your coordinator. Private records never leave this device.
      </p>
      {pairHere ? (
        <p className="notice">
          This device already holds this pair’s records. Once you join, its history is shared with your partner through
          the program’s server: everything but private records.
        </p>
      ) : null}
      {needsCode ? (
        <Field
          label="Your one-time code"
          error={errors.code?.message}
          hint="The 12 characters you were given with the link."
        >
          {(control) => (
            <input
              {...control}
              {...register('code')}
              autoComplete="one-time-code"
              spellCheck={false}
              autoCapitalize="characters"
            />
          )}
        </Field>
      ) : null}
      <fieldset>
        <legend>Choose your own password</legend>
        <p className="field__hint">
          It replaces the one-time code: you sign in with it when the server asks again. At least {MIN_PASSWORD_LENGTH}{' '}
          characters; this device does not keep it.
        </p>
        <NewPasswordFields
          password={register('password')}
          repeat={register('repeat')}
          errors={{ password: errors.password?.message, repeat: errors.repeat?.message }}
        />
      </fieldset>
      <p role="status">{stage ? `${stage}…` : ''}</p>
      <ErrorMessage message={error} />
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {pairHere ? 'Share this pair and join' : 'Join'}
      </button>
    </form>
  );
}
