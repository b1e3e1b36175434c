import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { nextChangeStamp } from '../../data/changeStamp';
import { saveCheckIn } from '../../data/checkIns';
import { usePair, usePairCheckIn, useSaveState, useShowWhileSaving } from '../../data/pairRecords';
import { useCurrentViewer } from '../../data/viewer';
import { builtInCharacteristics } from '../../domain/characteristic';
import {
  defaultVisibilities,
  checkInSchema,
  type CheckInFormInput,
  type CheckInFormValues,
} from '../../domain/checkIn';
import { localToday } from '../../domain/dates';
import { guidanceForCheckIn } from '../../domain/guidanceSelection';
import { newRecordFields } from '../../domain/record';
import { sideLabels, type Side } from '../../domain/side';
import { sideInPair, visibleCheckIns } from '../../domain/visibility';
import { visibilityLabels } from '../../domain/checkIn';
import { formatDay } from '../../ui/formatDate';
import { GuidanceCardView } from '../../ui/GuidanceCardView';
import { Loading } from '../../ui/Loading';
import { NotAPartner } from '../../ui/NotAPartner';
import { saveErrorMessage } from '../../data/storageFailureMessage';
import { SaveStatus } from '../../ui/SaveStatus';
import { useReturnedDraft, useReturnedDraftStore } from '../../state/returnedDraftStore';
import { NotFound } from '../../ui/NotFound';
import { useMarkFirstScreenShown } from '../../ui/firstScreen';
import { ScoreList } from '../../ui/ScoreList';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CheckInForm } from './CheckInForm';
import { DeleteCheckInButton } from './DeleteCheckInButton';
import { useOpenedRecord } from '../../data/openedWords';

function emptyForm(side: Side) {
  const ids = builtInCharacteristics.map((c) => c.id);
  return {
    date: localToday(),
    scores: Object.fromEntries(ids.map((id) => [id, ''])),
    comments: Object.fromEntries(ids.map((id) => [id, ''])),
    reflection: '',
    ...defaultVisibilities(side),
  };
}

/** A pair's check-ins, on one route: the form at `check-ins/new`, else the check-in with that id. */
export function CheckInScreen() {
  const { checkInId } = useParams();
  return checkInId === 'new' ? <NewCheckInPage /> : <CheckInResultPage />;
}

function NewCheckInPage() {
  useDocumentTitle('Check in');
  const { pairId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const row = usePair(pairId);
  const showWhileSaving = useShowWhileSaving(pairId);
  const returned = useReturnedDraft('checkIn', pairId);
  const { viewer } = useCurrentViewer();
  useMarkFirstScreenShown(row !== undefined && viewer !== null);
  if (row === undefined || !viewer) return <Loading what="Loading the pair" />;
  if (row === null) return <NotFound />;
  const { pair, mentor, mentee } = row;
  const side = sideInPair(pair, viewer.personId);
  if (!side) return <NotAPartner pairId={pair.id} action="check in" />;
  const partner = side === 'mentor' ? mentee : mentor;

  const save = (values: CheckInFormValues, typed: CheckInFormInput) => {
    const checkIn = checkInSchema.parse({
      ...newRecordFields(nextChangeStamp()),
      pairId: pair.id,
      sessionId: params.get('session'),
      date: values.date,
      side,
      raterId: viewer.personId,
      scores: values.scores,
      // Empty comments are not worth keeping.
      comments: Object.fromEntries(Object.entries(values.comments).filter(([, text]) => text.trim() !== '')),
      reflection: values.reflection,
      visibility: values.visibility,
      notesVisibility: values.notesVisibility,
    });
    // The check-in's page shows it while it is written, and says "saved" once it is; should the
    // write fail, this form opens again with everything chosen and typed, and the reason.
    showWhileSaving('checkIns', checkIn, saveCheckIn(checkIn)).catch((error: unknown) => {
      useReturnedDraftStore
        .getState()
        .returnCheckIn({ pairId: pair.id, values: typed, error: saveErrorMessage(error) });
      const query = params.toString();
      void navigate(`/pairs/${pair.id}/check-ins/new${query ? `?${query}` : ''}`, { replace: true });
    });
    // Drawn at once, as after logging a session (LogSessionPage).
    void navigate(`/pairs/${pair.id}/check-ins/${checkIn.id}`, { state: { justSaved: true }, flushSync: true });
  };

  return (
    <section className="narrow">
      <h1>Check in</h1>
      <p>
        Rate your relationship with {partner?.name ?? 'your partner'} as it is now, from your side as the {side}. Be
        honest: the point is to notice early what needs attention.
      </p>
      <CheckInForm
        key={returned?.id ?? 'new'}
        side={side}
        pairStartDate={pair.startDate}
        characteristics={builtInCharacteristics}
        defaultValues={returned?.values ?? emptyForm(side)}
        initialError={returned?.error}
        onSave={save}
        onCancel={() => navigate(`/pairs/${pair.id}`)}
      />
    </section>
  );
}

/** One check-in, as the viewer may see it; right after saving, with the guidance that answers it. */
function CheckInResultPage() {
  const { pairId, checkInId } = useParams();
  const location = useLocation();
  const row = usePair(pairId);
  const stored = useOpenedRecord(pairId, 'checkIns', usePairCheckIn(pairId, checkInId));
  const saveState = useSaveState(pairId, checkInId ?? '');
  const { viewer } = useCurrentViewer();
  useDocumentTitle('Check-in');
  if (row === undefined || stored === undefined || !viewer) return <Loading what="Loading the check-in" />;
  if (row === null || stored === null) return <NotFound />;
  const { pair, mentor, mentee } = row;
  const [checkIn] = visibleCheckIns([stored], pair, viewer);
  // A check-in the viewer may not see is answered exactly as one that does not exist.
  if (!checkIn) return <NotFound />;
  const mine = checkIn.raterId === viewer.personId;
  const justSaved = mine && (location.state as { justSaved?: boolean } | null)?.justSaved === true;
  const guidance = mine ? guidanceForCheckIn(checkIn) : [];

  return (
    <article className="narrow">
      <p>
        <Link to={`/pairs/${pair.id}`}>
          ← {mentor?.name ?? 'Mentor'} & {mentee?.name ?? 'Mentee'}
        </Link>
      </p>
      {justSaved ? <SaveStatus state={saveState} what="check-in" /> : null}
      <h1>
        {mine ? 'Your check-in' : `${sideLabels[checkIn.side]}'s check-in`} on {formatDay(checkIn.date)}
      </h1>
      {mine ? (
        <p className="muted">
          Scores visible to: {visibilityLabels[checkIn.visibility].toLowerCase()}. Reflection and comments visible to:{' '}
          {visibilityLabels[checkIn.notesVisibility].toLowerCase()}.
        </p>
      ) : null}
      <ScoreList scores={checkIn.scores} comments={checkIn.comments} />
      {checkIn.reflection ? (
        <section aria-labelledby="reflection-heading">
          <h2 id="reflection-heading">Reflection</h2>
          <p className="pre-wrap">{checkIn.reflection}</p>
        </section>
      ) : null}
      {mine ? (
        <section aria-labelledby="guidance-heading">
          <h2 id="guidance-heading">Guidance for what you rated</h2>
          {guidance.length === 0 ? (
            <p className="muted">
              Nothing here needs special attention. <Link to="/guidance">Browse all guidance</Link>.
            </p>
          ) : (
            <div className="guidance-list">
              {guidance.map((match) => (
                <GuidanceCardView key={match.card.id} card={match.card} reasons={match.reasons} />
              ))}
            </div>
          )}
        </section>
      ) : null}
      <p>
        <Link to={`/pairs/${pair.id}`} className="button">
          Back to the pair
        </Link>
      </p>
      {mine ? <DeleteCheckInButton checkIn={checkIn} /> : null}
    </article>
  );
}
