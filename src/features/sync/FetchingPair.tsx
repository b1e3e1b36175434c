import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { usePairQuery } from '../../data/pairs';
import type { Invitation } from '../../domain/invitation';
import { useSyncStatusStore } from '../../state/syncStatusStore';
import { useViewerStore } from '../../state/viewerStore';
import { Loading } from '../../ui/Loading';

/**
 * After joining: waits for the pair and the person to arrive by sync, then makes the person the
 * one viewing (as mentor or mentee, as the pair says) and opens the pair's page.
 */
export function FetchingPair({ invitation }: { invitation: Invitation }) {
  const row = usePairQuery(invitation.pairId);
  const setViewer = useViewerStore((state) => state.setViewer);
  const navigate = useNavigate();
  const syncMessage = useSyncStatusStore((state) => state.status?.message ?? null);
  const side = !row
    ? undefined
    : row.pair.mentorId === invitation.personId
      ? 'mentor'
      : row.pair.menteeId === invitation.personId
        ? 'mentee'
        : null;
  const person = side === 'mentor' ? row?.mentor : side === 'mentee' ? row?.mentee : undefined;

  useEffect(() => {
    if (!side || !person) return;
    setViewer(invitation.personId, side);
    void navigate(`/pairs/${invitation.pairId}`, { replace: true });
  }, [side, person, invitation, setViewer, navigate]);

  return (
    <section className="narrow sync-page">
      <h1>Welcome{invitation.name ? `, ${invitation.name}` : ''}</h1>
      {side === null ? (
        <p className="form-error" role="alert">
          The pair that arrived from the server does not have you as a partner. Ask your coordinator for a new
          invitation.
        </p>
      ) : (
        <>
          <p>Your password is set and this device is connected to your program’s server.</p>
          <Loading what="Fetching your pair" />
          <p className="muted">This moves on by itself as soon as your pair has arrived.</p>
          {syncMessage ? <p className="notice">{syncMessage}</p> : null}
        </>
      )}
    </section>
  );
}
