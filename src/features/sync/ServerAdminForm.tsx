import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { serverAdminFormSchema, type ServerAdminFormValues } from '../../domain/syncForms';
import { useServerAdmin } from './serverAdminContext';
import { AdminFields } from './CredentialFields';

/** Asks for the server admin's name and password, held in the sync screens' memory only; `why` says what for. */
export function ServerAdminForm({
  why = 'Setting up a pair on the server needs its administrator’s name and password.',
}: {
  why?: string;
}) {
  const { setAdmin } = useServerAdmin();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ServerAdminFormValues>({
    resolver: zodResolver(serverAdminFormSchema),
    defaultValues: { adminName: '', adminPassword: '' },
  });
  const onSubmit = handleSubmit((values) => setAdmin({ name: values.adminName, password: values.adminPassword }));
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h2>The server administrator</h2>
      <p>{why} They are kept only while these sync screens are open, never stored on this device.</p>
      <AdminFields
        name={register('adminName')}
        password={register('adminPassword')}
        errors={{ name: errors.adminName?.message, password: errors.adminPassword?.message }}
      />
      <button type="submit" className="button button--primary">
        Continue
      </button>
    </form>
  );
}
