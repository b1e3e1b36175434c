import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useSyncAccount } from '../data/syncAccount';
import { useSyncStatusStore, type SyncStatusView } from '../state/syncStatusStore';
import './syncStatus.css';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'always', style: 'short' });

/** How long ago, in the reader's language: "just now", "2 min. ago", "3 hr. ago", "2 days ago". */
export function timeAgo(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  return hours < 24 ? relative.format(-hours, 'hour') : relative.format(-Math.round(hours / 24), 'day');
}

function changesWaiting(waiting: number): string {
  return waiting === 1 ? '1 change waiting' : `${waiting} changes waiting`;
}

/** What the status says, and how long ago it last synced when that matters. */
function summary(status: SyncStatusView | null): { text: string; syncedAt: number | null } {
  const waiting = status?.waiting ?? 0;
  switch (status?.phase ?? 'starting') {
    case 'starting':
      return { text: 'Sync starting…', syncedAt: null };
    case 'syncing':
      return { text: waiting > 0 && !status?.progress ? changesWaiting(waiting) : 'Syncing…', syncedAt: null };
    case 'up-to-date':
      if (waiting > 0) return { text: changesWaiting(waiting), syncedAt: null };
      return { text: 'Synced', syncedAt: status?.lastSyncedAt ?? null };
    case 'offline':
      return { text: waiting > 0 ? `Offline — ${changesWaiting(waiting)}` : 'Offline', syncedAt: null };
    case 'retrying':
      return {
        text: `${status?.message ?? 'The program’s server cannot be reached.'} It tries again by itself${waiting > 0 ? `; ${changesWaiting(waiting)}` : ''}.`,
        syncedAt: null,
      };
    case 'signed-out':
      return { text: 'Signed out of the program’s server: sync is paused, nothing is lost.', syncedAt: null };
    case 'refused':
      return {
        text: status?.message ?? 'The program’s server refused this device. Ask your coordinator.',
        syncedAt: null,
      };
  }
}

/**
 * The time now, renewed every half minute while `ticking`, for "synced 2 min. ago". It may be
 * older than a sync reported since: such a sync reads as "just now", which it is.
 */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

/**
 * The device's sync, on every screen, only when it syncs with a server. The phase is a polite live
 * region; "2 min. ago" sits outside it, so that the minutes passing are not announced.
 */
export function SyncStatusIndicator() {
  const account = useSyncAccount();
  const status = useSyncStatusStore((state) => state.status);
  const { pathname } = useLocation();
  const { text, syncedAt } = summary(status);
  const now = useNow(Boolean(account) && syncedAt !== null);
  if (!account) return null;

  const problems = status?.problems.length ?? 0;
  let action: ReactNode = null;
  if (status?.phase === 'signed-out') {
    action = (
      <Link to="/sync/sign-in" state={{ from: pathname }} className="sync-status__action">
        Sign in again
      </Link>
    );
  }
  return (
    <div className="sync-status">
      <Link to="/sync" className="sync-status__summary">
        <span role="status">{text}</span>
        {syncedAt !== null ? ` ${timeAgo(Math.max(0, now - syncedAt))}` : ''}
      </Link>
      {status?.phase === 'syncing' && status.progress ? (
        <progress value={status.progress.done} max={Math.max(1, status.progress.total)} aria-label="First sync" />
      ) : null}
      {action}
      {problems > 0 ? (
        <Link to="/sync#set-aside" className="sync-status__action">
          {problems === 1 ? '1 document set aside' : `${problems} documents set aside`}
        </Link>
      ) : null}
    </div>
  );
}
