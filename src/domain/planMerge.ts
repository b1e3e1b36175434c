import { backupTables, type BackupRecords, type BackupTable } from './backupRecords';
import type { RecordFields } from './record';

export interface MergeCounts {
  /** New on this device. */
  added: number;
  /** Newer in the file than on this device, deletions included. */
  updated: number;
  /** The same change is already on this device. */
  unchanged: number;
  /** This device has a newer version, which is kept. */
  skippedOlder: number;
}

export interface MergePlan {
  /** What to write: records new to the device or newer than its copy. */
  writes: BackupRecords;
  counts: Record<BackupTable, MergeCounts>;
  total: MergeCounts;
}

type ExistingRecord = Pick<RecordFields, 'updatedAt' | 'deletedAt'>;

/**
 * When a record last changed. A deletion is a change: it normally moves `updatedAt` too, and
 * counting `deletedAt` as well means a deletion still wins if something deleted without doing so.
 */
function changedAt(record: ExistingRecord): number {
  const updated = Date.parse(record.updatedAt);
  return record.deletedAt === null ? updated : Math.max(updated, Date.parse(record.deletedAt));
}

const noCounts = (): MergeCounts => ({ added: 0, updated: 0, unchanged: 0, skippedOlder: 0 });

/**
 * Merge by id: a record new to the device is added; one the device has is replaced only when the
 * file's copy changed later. On a tie the device's copy stays: the two are the same change, and a
 * shared copy with private words blanked must never replace the full one.
 */
export function planMerge(
  incoming: BackupRecords,
  existingById: { [T in BackupTable]: ReadonlyMap<string, ExistingRecord> },
): MergePlan {
  const writes: BackupRecords = { people: [], pairs: [], sessions: [], checkIns: [] };
  const counts = { people: noCounts(), pairs: noCounts(), sessions: noCounts(), checkIns: noCounts() };
  const total = noCounts();
  for (const table of backupTables) {
    const out: RecordFields[] = writes[table];
    for (const record of incoming[table]) {
      const existing = existingById[table].get(record.id);
      let outcome: keyof MergeCounts;
      if (!existing) outcome = 'added';
      else {
        const difference = changedAt(record) - changedAt(existing);
        outcome = difference > 0 ? 'updated' : difference === 0 ? 'unchanged' : 'skippedOlder';
      }
      if (outcome === 'added' || outcome === 'updated') out.push(record);
      counts[table][outcome]++;
      total[outcome]++;
    }
  }
  return { writes, counts, total };
}
