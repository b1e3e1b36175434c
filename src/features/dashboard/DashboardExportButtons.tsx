import { useState } from 'react';
import { readProgramCheckIns } from '../../data/dashboard';
import { downloadFile } from '../../ui/downloadFile';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { checkInsCsv, dashboardCsv, toCsv } from './csvExport';
import type { DashboardRow } from './dashboardTable';

export function ExportButtons({ rows, today }: { rows: readonly DashboardRow[]; today: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await what();
    } catch (failure) {
      const detail = failure instanceof Error && failure.message ? ` (${failure.message})` : '';
      setError(`The export failed${detail}, so nothing was downloaded. Try again.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="no-print">
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            void run(async () =>
              downloadFile(
                `mentorlog-dashboard-${today}.csv`,
                await toCsv(dashboardCsv(rows)),
                'text/csv;charset=utf-8',
              ),
            )
          }
        >
          Export this table (CSV)
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            void run(async () =>
              downloadFile(
                `mentorlog-check-ins-${today}.csv`,
                await toCsv(checkInsCsv(await readProgramCheckIns())),
                'text/csv;charset=utf-8',
              ),
            )
          }
        >
          Export shared check-ins (CSV)
        </button>
      </div>
      <ErrorMessage message={error} />
    </div>
  );
}
