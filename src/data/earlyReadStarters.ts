/**
 * Early reads (see `startEarlyRead`) that a screen's data module offers once it has loaded. The
 * dashboard's data code comes with its screen, which is fetched ahead of time; once it is there,
 * app/earlyReads.ts starts its read at once, where a dynamic import of the same module would
 * resolve only after the next frame (about 35 ms later, measured in Chromium at size M).
 */
const starters = new Map<string, () => void>();

export function offerEarlyRead(name: string, start: () => void): void {
  starters.set(name, start);
}

export function earlyReadStarter(name: string): (() => void) | undefined {
  return starters.get(name);
}
