import type { ProxyOptions } from 'vite';

/** Where the app's servers find the program's server, unless MENTORLOG_COUCH_TARGET says otherwise. */
export const DEFAULT_COUCH_TARGET = 'http://127.0.0.1:5984';

/** The path under the app's origin at which the app reaches the program's server. */
export const COUCH_PATH = '/couch/';

/**
 * `vite` and `vite preview` pass /couch/… on to the program's server, without the prefix. The app
 * and the server then share an origin, so CouchDB's session cookie is a first-party cookie and
 * `connect-src 'self'` covers the requests; production does the same with nginx or Caddy (README).
 */
export function couchProxy(
  target: string = process.env.MENTORLOG_COUCH_TARGET ?? DEFAULT_COUCH_TARGET,
): Record<string, ProxyOptions> {
  return {
    [COUCH_PATH]: {
      target,
      changeOrigin: true,
      rewrite: (path) => path.slice(COUCH_PATH.length - 1),
    },
  };
}
