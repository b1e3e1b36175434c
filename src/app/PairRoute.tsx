import { Outlet, useParams } from 'react-router';
import { PairRecordsProvider } from '../data/pairRecords';

/** The screens of one pair share one live read of its records (see pairRecords.tsx). */
export function PairRoute() {
  const { pairId = '' } = useParams();
  return (
    <PairRecordsProvider pairId={pairId}>
      <Outlet />
    </PairRecordsProvider>
  );
}
