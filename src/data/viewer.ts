import type { Person, Role } from '../domain/person';
import type { Viewer } from '../domain/visibility';
import { useViewerStore } from '../state/viewerStore';
import { usePerson } from './people';

export interface CurrentViewer {
  viewer: Viewer | null;
  /** The person record, undefined while it loads, null if it is gone. */
  person: Person | null | undefined;
  role: Role | null;
}

export function useCurrentViewer(): CurrentViewer {
  const personId = useViewerStore((state) => state.personId);
  const role = useViewerStore((state) => state.role);
  const person = usePerson(personId);
  return { viewer: personId && role ? { personId, role } : null, person, role };
}
