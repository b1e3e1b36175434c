import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { usePeople } from '../../data/people';
import { viewingAsFormSchema, type ViewingAsFormValues } from '../../domain/person';
import { useViewerStore } from '../../state/viewerStore';
import { Loading } from '../../ui/Loading';
import { PersonAndRoleFields } from '../../ui/PersonAndRoleFields';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** Switch who is using the app. Every view then shows only what that person may see. */
export function ViewingAsPage() {
  useDocumentTitle('Viewing as');
  const navigate = useNavigate();
  const people = usePeople();
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
