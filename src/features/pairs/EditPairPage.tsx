import { useNavigate, useParams } from 'react-router';
import { usePair, usePairCheckIns, usePairSessions } from '../../data/pairRecords';
import { savePair } from '../../data/savePair';
import { usePeople } from '../../data/people';
import { Loading } from '../../ui/Loading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { NotFound } from '../../ui/NotFound';
import { PairForm } from './PairForm';

export function EditPairPage() {
  useDocumentTitle('Edit pair');
  const { pairId } = useParams();
  const navigate = useNavigate();
  const row = usePair(pairId);
  const sessions = usePairSessions(pairId);
  const checkIns = usePairCheckIns(pairId);
  const earliestRecordDate = [...(sessions ?? []), ...(checkIns ?? [])].map((record) => record.date).sort()[0] ?? null;
  const people = usePeople();
  if (row === undefined || people === undefined) return <Loading what="Loading the pair" />;
  if (row === null) return <NotFound />;
  const { pair } = row;
  return (
    <section className="narrow">
      <h1>Edit pair</h1>
      <PairForm
        people={people}
        submitLabel="Save changes"
        earliestRecordDate={earliestRecordDate}
        defaultValues={{
          mentor: { personId: pair.mentorId, newName: '' },
          mentee: { personId: pair.menteeId, newName: '' },
          startDate: pair.startDate,
          cadenceDays: pair.cadenceDays,
          goals: pair.goals,
        }}
        onSave={async (values) => {
          await savePair(values, pair);
          navigate(`/pairs/${pair.id}`);
        }}
        onCancel={() => navigate(`/pairs/${pair.id}`)}
      />
    </section>
  );
}
