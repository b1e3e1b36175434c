import { useNavigate, useParams } from 'react-router';
import { usePair, usePairCheckIns, usePairSessions } from '../../data/pairRecords';
import { savePair } from '../../data/savePair';
import { usePeople } from '../../data/people';
import { readSyncAccount } from '../../data/syncAccount';
import type { Pair } from '../../domain/pair';
import { Loading } from '../../ui/Loading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { NotFound } from '../../ui/NotFound';
import { PairForm } from './PairForm';

/**
 * Where a coordinator syncing with a program server finishes a change of the pair's partners on
 * the server (the sync screens' /sync/rematch), or null when the partners stayed or this device
 * syncs with no server as a coordinator.
 */
function rematchPath(before: Pair, after: Pair): string | null {
  if (readSyncAccount()?.role !== 'coordinator') return null;
  const old = [before.mentorId, before.menteeId];
  const now = [after.mentorId, after.menteeId];
  const left = old.filter((id) => !now.includes(id));
  if (left.length === 0) return null;
  const query = new URLSearchParams([
    ...left.map((id) => ['left', id]),
    ...now.filter((id) => !old.includes(id)).map((id) => ['joined', id]),
  ]);
  return `/sync/rematch/${after.id}?${query}`;
}

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
          const saved = await savePair(values, pair);
          navigate(rematchPath(pair, saved) ?? `/pairs/${pair.id}`);
        }}
        onCancel={() => navigate(`/pairs/${pair.id}`)}
      />
    </section>
  );
}
