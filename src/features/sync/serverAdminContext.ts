import { createContext, useContext } from 'react';

/** The server admin's name and password, as typed by the coordinator: React state, never stored. */
export interface ServerAdminCredentials {
  name: string;
  password: string;
}

interface ServerAdminHold {
  admin: ServerAdminCredentials | null;
  setAdmin: (admin: ServerAdminCredentials | null) => void;
}

/**
 * Held by the sync screens' layout, so that a coordinator who connected or invited one pair can
 * invite the next without typing them again; leaving the sync screens forgets them.
 */
export const ServerAdminContext = createContext<ServerAdminHold>({ admin: null, setAdmin: () => undefined });

export function useServerAdmin(): ServerAdminHold {
  return useContext(ServerAdminContext);
}
