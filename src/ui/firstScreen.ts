import { useEffect } from 'react';

/**
 * Whether the first screen has shown its data. Work the app defers until then (loading the code of
 * the screens likely to come next) would otherwise compete with that screen's own reads and
 * rendering, on the main thread and in the database.
 */
let markShown: () => void = () => {};

export const firstScreenShown: Promise<void> = new Promise((resolve) => {
  markShown = resolve;
});

/** Called by a screen once its data is on screen; only the first call counts. */
export function markFirstScreenShown(): void {
  markShown();
}

/** For a screen: marks the first screen shown once `loaded` (its data is on screen) turns true. */
export function useMarkFirstScreenShown(loaded: boolean): void {
  useEffect(() => {
    if (loaded) markFirstScreenShown();
  }, [loaded]);
}
