import type { FirstRecords } from '../db/firstRead';

/**
 * The records of the first read begun before the app loaded (src/db/firstRead.ts), once; undefined
 * when there is none to take, or none to trust: the caller reads for itself.
 */
export async function takeFirstRecords(): Promise<FirstRecords | undefined> {
  const firstRead = globalThis.mentorlogFirstRead;
  globalThis.mentorlogFirstRead = undefined;
  return firstRead?.take();
}
