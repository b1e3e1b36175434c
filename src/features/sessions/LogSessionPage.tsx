import { useNavigate, useParams } from 'react-router';
import { usePair } from '../../data/pairRecords';
import { logSession, sessionFromForm } from '../../data/sessions';
import { useCurrentViewer } from '../../data/viewer';
import { localToday } from '../../domain/dates';
import { sideInPair } from '../../domain/visibility';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { useMarkFirstScreenShown } from '../../ui/firstScreen';
import { NotAPartner } from '../../ui/NotAPartner';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { usePrefetch } from '../../ui/usePrefetch';
import { SessionForm } from './SessionForm';

const DEFAULT_DURATION_MINUTES = 45;

export function LogSessionPage() {
  useDocumentTitle('Log a session');
  const { pairId } = useParams();
  const navigate = useNavigate();
  usePrefetch(() => import('../pairs/PairPage'));
  const row = usePair(pairId);
  const { viewer } = useCurrentViewer();
  useMarkFirstScreenShown(row !== undefined && viewer !== null);
  if (row === undefined || !viewer) return <Loading what="Loading the pair" />;
  if (row === null) return <NotFound />;
  const { pair, mentor, mentee } = row;
  const side = sideInPair(pair, viewer.personId);
  if (!side) return <NotAPartner pairId={pair.id} action="log a session" />;
  const partner = side === 'mentor' ? mentee : mentor;

  return (
    <section className="narrow">
      <h1>Log a session</h1>
      <p>
        With {partner?.name ?? 'your partner'}, logged as the {side}.
      </p>
      <SessionForm
        defaultValues={{ date: localToday(), durationMinutes: DEFAULT_DURATION_MINUTES, mode: 'in-person', topics: '', notes: '', actionItems: [] }}
        onSave={async (values) => {
          await logSession(sessionFromForm(values, pair, side, viewer.personId));
          navigate(`/pairs/${pair.id}`);
        }}
        onCancel={() => navigate(`/pairs/${pair.id}`)}
      />
    </section>
  );
}
