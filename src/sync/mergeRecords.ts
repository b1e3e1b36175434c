import type { RecordFields } from '../domain/record';
import { canonicalJson } from './canonicalJson';

/*
 * Which of two versions of one record wins. The order is total over versions (stamp, then the
 * canonical JSON), so each device can merge versions as they arrive, in any order and any number of
 * times, and every device ends with the same version. A deletion is a version like any other.
 */

export type MergeDecision = 'keep-local' | 'take-pulled';

/** Orders two versions: positive when `a` wins over `b`, 0 when they are the same version. */
export function compareVersions(a: RecordFields, b: RecordFields): number {
  const byStamp = Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
  if (byStamp !== 0 && !Number.isNaN(byStamp)) return byStamp;
  const left = canonicalJson(a);
  const right = canonicalJson(b);
  return left === right ? 0 : left > right ? 1 : -1;
}

/** Keep what this device holds unless the pulled version wins over it; an equal one changes nothing. */
export function mergeRecords(local: RecordFields | null, pulled: RecordFields): MergeDecision {
  if (local === null) return 'take-pulled';
  return compareVersions(pulled, local) > 0 ? 'take-pulled' : 'keep-local';
}
