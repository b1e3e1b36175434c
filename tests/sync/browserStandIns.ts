/*
 * What a browser gives the app's data layer and Node does not: IndexedDB (fake-indexeddb, as the
 * unit tests use) and localStorage (where the device's sync account and change clock live). Import
 * this first, before anything that opens the database.
 */
import 'fake-indexeddb/auto';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: new MemoryStorage() });
