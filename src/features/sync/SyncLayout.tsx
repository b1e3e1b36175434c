import { useMemo, useState } from 'react';
import { useOutlet } from 'react-router';
import { ServerAdminContext, type ServerAdminCredentials } from './serverAdminContext';
import './sync.css';

/** The coordinator's sync screens: the server admin's credentials live here while they are open. */
export function SyncLayout() {
  const [admin, setAdmin] = useState<ServerAdminCredentials | null>(null);
  const hold = useMemo(() => ({ admin, setAdmin }), [admin]);
  const outlet = useOutlet();
  return <ServerAdminContext value={hold}>{outlet}</ServerAdminContext>;
}
