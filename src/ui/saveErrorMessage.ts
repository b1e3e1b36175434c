/**
 * What to tell the user when a write to the device's database fails. The names are the ones
 * IndexedDB and Dexie use for the failures a user can do something about.
 */
export function saveErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'This device is out of storage space, so nothing was saved. Free some space and try again; what you typed is still here.';
  }
  if (name === 'DatabaseClosedError' || inner === 'DatabaseClosedError') {
    return 'The browser closed the database, so nothing was saved. Reload the page and try again; copy anything you typed first.';
  }
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Saving failed, so nothing was saved${detail}. What you typed is still here; try again.`;
}
