import { Navigate, Outlet } from 'react-router';
import { useViewerStore } from '../state/viewerStore';

/** Screens that need to know who is using the device send a first-time visitor to the welcome screen. */
export function RequireViewer() {
  const personId = useViewerStore((state) => state.personId);
  return personId ? <Outlet /> : <Navigate to="/welcome" replace />;
}
