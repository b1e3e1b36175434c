import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { usePeople, usePerson } from '../../data/people';
import { useSyncAccount } from '../../data/syncAccount';
import type { SyncAccount } from '../../domain/syncAccount';
import { roleLabels, viewingAsFormSchema, type Role, type ViewingAsFormValues } from '../../domain/person';
import { useViewerStore } from '../../state/viewerStore';
import { Loading } from '../../ui/Loading';
import { PersonAndRoleFields } from '../../ui/PersonAndRoleFields';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** Switch who is using the app. Every view then shows only what that person may see. */
export function ViewingAsPage() {
  useDocumentTitle('Viewing as');
  const navigate = useNavigate();
  const people = usePeople();
  const account = useSyncAccount();
  const { personId, role, setViewer } = useViewerStore();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<ViewingAsFormValues>({
    resolver: zodResolver(viewingAsFormSchema),
    defaultValues: { personId: personId ?? '', role: role ?? 'mentor' },
  });

  // The people arrive after the first render; the select can only show the current person then.
  useEffect(() => {
    if (people) reset({ personId: personId ?? '', role: role ?? 'mentor' });
  }, [people, personId, role, reset]);

  if (account) return <SignedInViewer account={account} role={role} />;
  if (!people) return <Loading what="Loading people" />;

  const onSubmit = handleSubmit((values) => {
    setViewer(values.personId, values.role);
    navigate('/pairs');
  });

  return (
    <section className="narrow">
      <h1>Viewing as</h1>
      <p>
        Choose who is using Mentorlog now. Each view then shows only what that person may see: check-ins a partner kept
        private never appear for anyone else.
      </p>
      <form onSubmit={onSubmit} noValidate className="card">
        <PersonAndRoleFields people={people} register={register} errors={errors} />
        <button type="submit" className="button button--primary">
          Switch
        </button>
      </form>
    </section>
  );
}

/**
 * A device signed in to the program's server shows what its signed-in person may see, and the
 * server gives it only that person's pairs: viewing as someone else would show nothing true.
 */
function SignedInViewer({ account, role }: { account: SyncAccount; role: Role | null }) {
  const person = usePerson(account.personId);
  const name = person?.name ?? 'the person signed in';
  return (
    <section className="narrow">
      <h1>Viewing as</h1>
      <p>
        This device is signed in to your program’s server as <strong>{name}</strong>
        {role ? ` (${roleLabels[role].toLowerCase()})` : ''}, so it shows what {name} may see. Viewing as someone else
        is not offered here: the server sends this device only what {name} may read.
      </p>
      <p>
        To use Mentorlog here as someone else, stop syncing on this device in <Link to="/settings">Settings</Link>. Its
        records stay on the device.
      </p>
    </section>
  );
}
