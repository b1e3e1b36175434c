import { Navigate } from 'react-router';
import { useViewerStore } from '../state/viewerStore';

export function HomeRedirect() {
  const personId = useViewerStore((state) => state.personId);
  return <Navigate to={personId ? '/pairs' : '/welcome'} replace />;
}
