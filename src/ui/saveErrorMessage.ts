/**
 * Which failure of the device's database this is, by the names IndexedDB and Dexie use for the
 * failures a user can do something about: storage full, or the database closed under the page.
 */
export function storageFailure(error: unknown): 'quota' | 'closed' | 'other' {
  const names = errorNames(error);
  if (names.has('QuotaExceededError')) return 'quota';
  if (names.has('DatabaseClosedError')) return 'closed';
  return 'other';
}

/**
 * The error's name and the names of the errors it wraps: Dexie reports a transaction that the
 * browser aborted (at commit, where Chromium reports a full disk) as an AbortError with the real
 * error as `inner`, and a failed bulk write as a BulkError with one error per record in `failures`.
 */
function errorNames(error: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (typeof value !== 'object' || value === null || depth > 3) return;
    const { name, inner, failures } = value as { name?: unknown; inner?: unknown; failures?: unknown };
    if (typeof name === 'string') names.add(name);
    visit(inner, depth + 1);
    if (Array.isArray(failures)) for (const failure of failures) visit(failure, depth + 1);
  };
  visit(error, 0);
  return names;
}

/** What to tell the user when a write to the device's database fails. */
export function saveErrorMessage(error: unknown): string {
  switch (storageFailure(error)) {
    case 'quota':
      return 'This device is out of storage space, so nothing was saved. Free some space and try again; what you typed is still here.';
    case 'closed':
      return 'The browser closed the database, so nothing was saved. Reload the page and try again; copy anything you typed first.';
    case 'other': {
      const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
      return `Saving failed, so nothing was saved${detail}. What you typed is still here; try again.`;
    }
  }
}

/** What to tell the user when deleting (or undoing a deletion) fails: nothing changed. */
export function deleteErrorMessage(error: unknown): string {
  switch (storageFailure(error)) {
    case 'quota':
      return 'This device is out of storage space, so nothing was changed. Free some space and try again.';
    case 'closed':
      return 'The browser closed the database, so nothing was changed. Reload the page and try again.';
    case 'other': {
      const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
      return `That did not work, so nothing was changed${detail}. Try again.`;
    }
  }
}
