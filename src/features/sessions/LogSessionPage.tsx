import { useNavigate, useParams } from 'react-router';
import { usePair, useShowWhileSaving } from '../../data/pairRecords';
import { logSession, sessionFromForm } from '../../data/sessions';
import { useCurrentViewer } from '../../data/viewer';
import { localToday } from '../../domain/dates';
import { sideInPair } from '../../domain/visibility';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { useMarkFirstScreenShown } from '../../ui/firstScreen';
import { NotAPartner } from '../../ui/NotAPartner';
import { saveErrorMessage } from '../../data/storageFailureMessage';
import { useReturnedDraftStore, useReturnedDraft } from '../../state/returnedDraftStore';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { SessionForm } from './SessionForm';

const DEFAULT_DURATION_MINUTES = 45;

export function LogSessionPage() {
  useDocumentTitle('Log a session');
  const { pairId } = useParams();
  const navigate = useNavigate();
  const row = usePair(pairId);
  const showWhileSaving = useShowWhileSaving(pairId);
  const returned = useReturnedDraft('session', pairId);
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
        key={returned?.id ?? 'new'}
        pairStartDate={pair.startDate}
        defaultValues={
          returned?.values ?? {
            date: localToday(),
            durationMinutes: DEFAULT_DURATION_MINUTES,
            mode: 'in-person',
            topics: '',
            notes: '',
            actionItems: [],
            // Between the partners, as every session was before sessions had a visibility.
            notesVisibility: 'pair',
          }
        }
        initialError={returned?.error}
        onSave={(values, typed) => {
          const session = sessionFromForm(values, pair, side, viewer.personId);
          // The pair's page shows the session while it is written; should the write fail, this form
          // opens again with everything typed and the reason.
          showWhileSaving('sessions', session, logSession(session)).catch((error: unknown) => {
            useReturnedDraftStore
              .getState()
              .returnSession({ pairId: pair.id, values: typed, error: saveErrorMessage(error) });
            void navigate(`/pairs/${pair.id}/sessions/new`, { replace: true });
          });
          // Drawn in this same task (flushSync): the pair's page needs nothing it does not hold, and
          // it is on screen before the write's callbacks take the main thread.
          void navigate(`/pairs/${pair.id}`, { state: { savedSession: session.id }, flushSync: true });
        }}
        onCancel={() => navigate(`/pairs/${pair.id}`)}
      />
    </section>
  );
}
