/**
 * How far a long upgrade of the database has got (version 5 packs every session and check-in,
 * which takes tens of seconds for a large program), so that the layout can say what is happening
 * instead of seeming stuck. The upgrade may start before any screen is drawn, so the latest report
 * is kept for whoever starts watching later.
 */
export interface UpgradeProgress {
  /** Pairs whose records are done, of `total`. */
  done: number;
  total: number;
}

let latest: UpgradeProgress | null = null;
const listeners = new Set<(progress: UpgradeProgress | null) => void>();

/** Called by an upgrade as it goes; null once it is over. */
export function reportUpgradeProgress(progress: UpgradeProgress | null): void {
  latest = progress;
  for (const listener of listeners) listener(progress);
}

/** Hears the latest report at once, then every later one. Returns a function that stops listening. */
export function watchUpgradeProgress(listener: (progress: UpgradeProgress | null) => void): () => void {
  listeners.add(listener);
  listener(latest);
  return () => {
    listeners.delete(listener);
  };
}
