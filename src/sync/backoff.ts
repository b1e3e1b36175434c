/** The first wait after a failed sync; each further failure doubles it, up to the longest. */
export const FIRST_RETRY_MS = 1000;
export const LONGEST_RETRY_MS = 60_000;

/**
 * How long to wait before retry number `attempt` (1 for the first): 1 s doubling to 60 s, each wait
 * drawn between half and all of that, so that devices cut off together do not all return together.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
