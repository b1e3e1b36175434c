import { create } from 'zustand';
import type { Role } from '../domain/person';

/**
 * Who is using the app on this device ("Viewing as"). UI state only: the people themselves live in
 * the database. Kept in localStorage so that a reload keeps the same view, in the shape zustand's
 * `persist` middleware wrote it before (`{ state, version: 1 }`): two small functions here rather
 * than the middleware, which cost the first screen ~700 bytes it needs for other things.
 */
interface Viewer {
  personId: string | null;
  role: Role | null;
}

interface ViewerState extends Viewer {
  setViewer: (personId: string, role: Role) => void;
  clearViewer: () => void;
}

const KEPT_AS = 'mentorlog.viewer';
const ROLES: readonly unknown[] = ['mentor', 'mentee', 'coordinator'] satisfies Role[];

/** The viewer kept on this device; nobody when there is none, or what is kept is not a viewer. */
function keptViewer(): Viewer {
  try {
    const { personId, role } =
      (JSON.parse(localStorage.getItem(KEPT_AS) ?? '{}') as { state?: Partial<Viewer> }).state ?? {};
    if (typeof personId === 'string' && ROLES.includes(role)) return { personId, role: role ?? null };
  } catch {
    // Unreadable (storage blocked, or not JSON): nobody, as on a first visit.
  }
  return { personId: null, role: null };
}

export const useViewerStore = create<ViewerState>()((set) => {
  const keep = (viewer: Viewer) => {
    set(viewer);
    try {
      localStorage.setItem(KEPT_AS, JSON.stringify({ state: viewer, version: 1 }));
    } catch {
      // Storage blocked or full: the choice holds until the page is closed.
    }
  };
  return {
    ...keptViewer(),
    setViewer: (personId, role) => keep({ personId, role }),
    clearViewer: () => keep({ personId: null, role: null }),
  };
});
