import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Role } from '../domain/person';

/**
 * Who is using the app on this device ("Viewing as"). UI state only: the people themselves live in
 * the database. Kept in localStorage so that a reload keeps the same view.
 */
interface ViewerState {
  personId: string | null;
  role: Role | null;
  setViewer: (personId: string, role: Role) => void;
  clearViewer: () => void;
}

export const useViewerStore = create<ViewerState>()(
  persist(
    (set) => ({
      personId: null,
      role: null,
      setViewer: (personId, role) => set({ personId, role }),
      clearViewer: () => set({ personId: null, role: null }),
    }),
    { name: 'mentorlog.viewer', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);
