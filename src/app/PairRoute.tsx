import { Outlet, useParams } from 'react-router';
import { PairRecordsProvider } from '../data/pairRecords';

/**
 * The screens of one pair share one live read of its records (see pairRecords.tsx). Keyed by the
 * pair, so that moving to another pair starts afresh, with nothing held of the last one.
 */
export function PairRoute() {
  const { pairId = '' } = useParams();
  return (
    <PairRecordsProvider key={pairId} pairId={pairId}>
      <Outlet />
    </PairRecordsProvider>
  );
}
