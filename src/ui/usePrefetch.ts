import { useEffect } from 'react';

/**
 * Fetches the code of the screen this one leads to (where Save lands) while the person is still
 * here, so that after saving only the new screen's drawing is waited for, not its download. A
 * failed fetch is not an error: the route loads the code again when it is opened.
 */
export function usePrefetch(load: () => Promise<unknown>): void {
  useEffect(() => {
    load().catch(() => undefined);
    // Once per visit: `load` is a new arrow on every render but always fetches the same module.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
