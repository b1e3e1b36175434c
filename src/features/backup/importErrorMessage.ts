/**
 * What to tell the user when an import that passed its checks still failed while writing. The
 * transaction was rolled back, so the device is as it was.
 */
export function importErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'This device ran out of storage space while importing, so nothing was imported. Free some space and try again.';
  }
  if (name === 'DatabaseClosedError' || inner === 'DatabaseClosedError') {
    return 'The browser closed the database while importing, so nothing was imported. Reload the page and try again.';
  }
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Importing failed${detail}, so nothing was imported. Your records on this device are as they were; try again.`;
}
