import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { usePairList } from '../../data/pairs';
import { usePeople } from '../../data/people';
import { viewingAsFormSchema, type Role, type ViewingAsFormValues } from '../../domain/person';
import { sideInPair } from '../../domain/visibility';
import { useViewerStore } from '../../state/viewerStore';
import { Loading } from '../../ui/Loading';
import { PersonAndRoleFields } from '../../ui/PersonAndRoleFields';

/**
 * After records arrive on a new device, the person using it says which of those people they are,
 * so that every screen shows what that person may see.
 */
export function ChooseYourselfForm() {
  const navigate = useNavigate();
  const people = usePeople();
  const pairs = usePairList();
  const setViewer = useViewerStore((state) => state.setViewer);
  const {
    register,
    handleSubmit,
    control,
    setValue,
    formState: { errors },
  } = useForm<ViewingAsFormValues>({
    resolver: zodResolver(viewingAsFormSchema),
    defaultValues: { personId: '', role: 'mentor' },
  });

  // Suggest the role the chosen person has in their pairs: a mentee who only ever mentees is here as a mentee.
  const personId = useWatch({ control, name: 'personId' });
  useEffect(() => {
    if (!personId || !pairs) return;
    const sides = new Set(pairs.map((row) => sideInPair(row.pair, personId)));
    const role: Role = sides.has('mentor') ? 'mentor' : sides.has('mentee') ? 'mentee' : 'coordinator';
    setValue('role', role);
  }, [personId, pairs, setValue]);

  if (!people) return <Loading what="Loading people" />;

  const onSubmit = handleSubmit((values) => {
    setViewer(values.personId, values.role);
    navigate('/pairs');
  });

  return (
    <section aria-labelledby="choose-heading" className="card">
      <h2 id="choose-heading">Who are you?</h2>
      <p>Choose yourself among the people you just imported. Mentorlog then shows you only what you may see.</p>
      <form onSubmit={onSubmit} noValidate>
        <PersonAndRoleFields people={people} register={register} errors={errors} />
        <button type="submit" className="button button--primary">
          Continue
        </button>
      </form>
    </section>
  );
}
