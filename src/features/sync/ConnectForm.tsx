import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { saveSyncAccount } from '../../data/syncAccount';
import { connectFormSchema, MIN_PASSWORD_LENGTH, type ConnectFormValues } from '../../domain/syncForms';
import { signIn } from '../../sync/couchClient';
import { sealDirectory } from '../../sync/programKey';
import { provisionPerson, ProvisionError, type ServerAdmin } from '../../sync/provisionProgram';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { useServerAdmin } from './serverAdminContext';
import { StepList } from './StepList';
import { useSteps } from './useSteps';
import { AdminFields, NewPasswordFields } from './CredentialFields';

interface ConnectFormProps {
  /** The coordinator using this device: their id is their user name on the server. */
  personId: string;
  /** Every pair on this device: the coordinator's device syncs what each shared with the program. */
  pairIds: readonly string[];
}

/** Connects this coordinator's device, and the program, to the program's server. */
export function ConnectForm({ personId, pairIds }: ConnectFormProps) {
  const { setAdmin } = useServerAdmin();
  const { steps, running, message, run } = useSteps();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ConnectFormValues>({
    resolver: zodResolver(connectFormSchema),
    defaultValues: { serverUrl: '/couch', adminName: '', adminPassword: '', password: '', repeat: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    const admin: ServerAdmin = { url: values.serverUrl, name: values.adminName, password: values.adminPassword };
    const connection = { serverUrl: values.serverUrl };
    await run([
      {
        label: 'Setting up the program’s directory on the server, sealed',
        // The program key is made here: the directory's pairs and people are sealed from the start.
        run: () => sealDirectory(admin),
      },
      {
        label: 'Creating your own account on the server',
        run: () => provisionPerson(admin, { personId, coordinator: true }, values.password).then(() => undefined),
      },
      {
        label: 'Signing you in',
        run: async () => {
          const result = await signIn(connection, personId, values.password);
          if (!result.ok) throw new ProvisionError(result.message, null);
        },
      },
      {
        label: 'Saving the connection on this device',
        run: async () => {
          // Kept for inviting the pairs next, while these screens are open.
          setAdmin({ name: values.adminName, password: values.adminPassword });
          saveSyncAccount({
            serverUrl: values.serverUrl,
            personId,
            role: 'coordinator',
            pairIds: [...pairIds],
            since: new Date().toISOString(),
          });
        },
      },
    ]);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h2>Connect to your program’s server</h2>
      <p>
        Your program runs its own server (Apache CouchDB). Once connected, this device receives what each pair shares
        with the program, and you can invite each pair’s mentor and mentee to sync their own devices.
      </p>
      <p className="notice">
        What partners write, and the program’s people and pairs, are sealed on the devices before they reach the server:
        its administrators see which people (by a number, not their names) and pairs exist and when each record changed,
        never a name, a pair’s goals, or what was written or rated. This device keeps the program’s key and each pair’s
        keys; the server never lets you read what partners share only with each other. Private records never leave the
        device they were written on.
      </p>
      <Field
        label="Server address"
        error={errors.serverUrl?.message}
        hint="/couch when the server is reached through this app’s own address, as the README describes."
      >
        {(control) => <input {...control} {...register('serverUrl')} autoComplete="url" spellCheck={false} />}
      </Field>
      <fieldset>
        <legend>The server administrator</legend>
        <p className="field__hint">
          Used to set up the server and then forgotten: never stored on this device, only kept while these sync screens
          are open, so that you can invite pairs without typing it again.
        </p>
        <AdminFields
          name={register('adminName')}
          password={register('adminPassword')}
          errors={{ name: errors.adminName?.message, password: errors.adminPassword?.message }}
        />
      </fieldset>
      <fieldset>
        <legend>Your own password on the server</legend>
        <p className="field__hint">
          You sign in with it when the server asks again. At least {MIN_PASSWORD_LENGTH} characters; this device does
          not keep it.
        </p>
        <NewPasswordFields
          password={register('password')}
          repeat={register('repeat')}
          errors={{ password: errors.password?.message, repeat: errors.repeat?.message }}
        />
      </fieldset>
      <StepList steps={steps} />
      <ErrorMessage message={message} />
      <button type="submit" className="button button--primary" disabled={running}>
        {message ? 'Try again' : 'Connect'}
      </button>
    </form>
  );
}
