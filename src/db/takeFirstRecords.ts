import type { FirstRecords } from './firstRead';

// Apart from firstRead.ts, which the first read's script bundles on its own: the app takes the
// records without loading the script's code a second time (or making it a chunk both share).

/**
 * The records of the first read begun before the app loaded, once; undefined when there is none to
 * take, or none to trust: the caller reads for itself.
 */
export async function takeFirstRecords(): Promise<FirstRecords | undefined> {
  const firstRead = globalThis.mentorlogFirstRead;
  globalThis.mentorlogFirstRead = undefined;
  return firstRead?.take();
}
