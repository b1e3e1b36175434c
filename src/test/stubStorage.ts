import { vi } from 'vitest';

/**
 * Stands in for the browser's StorageManager (navigator.storage), which happy-dom lacks: whether
 * storage is persistent, what persist() answers, and the usage estimate. Undo with
 * `unstubStorage()` (an afterEach).
 */
export function stubStorage({
  persisted = false,
  grants = false,
  usage = 1_234_567,
  quota = 2_000_000_000,
}: { persisted?: boolean; grants?: boolean; usage?: number; quota?: number } = {}) {
  let isPersisted = persisted;
  const storage = {
    persisted: vi.fn(async () => isPersisted),
    persist: vi.fn(async () => {
      isPersisted = grants;
      return grants;
    }),
    estimate: vi.fn(async () => ({ usage, quota })),
  };
  setStorage(storage);
  return storage;
}

/** A browser without the StorageManager API. */
export function stubNoStorage(): void {
  setStorage(undefined);
}

export function unstubStorage(): void {
  // Removes the own property and shows whatever the environment had (nothing, in happy-dom).
  Reflect.deleteProperty(navigator, 'storage');
}

function setStorage(value: unknown) {
  Object.defineProperty(navigator, 'storage', { configurable: true, value });
}
