import { beginFirstRead } from '../db/firstRead';

/*
 * A script of its own, loaded beside the app's (see `firstReadScript` in vite.config.ts) and run as
 * soon as it is fetched, so that the pairs list's first read is under way while the app's code
 * loads (src/db/firstRead.ts). Only where the list is the first screen (the home page sends a
 * returning user there): elsewhere it would take the main thread from a screen that does not want it.
 */
const PAIR_LIST_PATHS = new Set(['/', '/pairs']);

if (PAIR_LIST_PATHS.has(location.pathname) && typeof indexedDB !== 'undefined') {
  globalThis.mentorlogFirstRead = beginFirstRead();
}
