import { useNavigate } from 'react-router';
import { usePeople } from '../../data/people';
import { savePair } from '../../data/savePair';
import { useCurrentViewer } from '../../data/viewer';
import { localToday } from '../../domain/dates';
import { DEFAULT_CADENCE_DAYS, NEW_PERSON } from '../../domain/pair';
import { Loading } from '../../ui/Loading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { PairForm } from './PairForm';

export function NewPairPage() {
  useDocumentTitle('New pair');
  const navigate = useNavigate();
  const people = usePeople();
  const { viewer } = useCurrentViewer();
  if (!people) return <Loading what="Loading people" />;

  // The person using the app is most likely one of the partners, on the side of their role.
  const choiceFor = (side: 'mentor' | 'mentee') =>
    viewer?.role === side ? { personId: viewer.personId, newName: '' } : { personId: NEW_PERSON, newName: '' };

  return (
    <section className="narrow">
      <h1>New pair</h1>
      <p>A pair is one mentor and one mentee. Choose someone already here or add a new person by name.</p>
      <PairForm
        people={people}
        submitLabel="Create pair"
        defaultValues={{
          mentor: choiceFor('mentor'),
          mentee: choiceFor('mentee'),
          startDate: localToday(),
          cadenceDays: DEFAULT_CADENCE_DAYS,
          goals: '',
        }}
        onSave={async (values) => {
          const pair = await savePair(values);
          navigate(`/pairs/${pair.id}`);
        }}
        onCancel={() => navigate('/pairs')}
      />
    </section>
  );
}
