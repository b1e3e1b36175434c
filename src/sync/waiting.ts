import type { CouchConnection } from './couchHttp';

/*
 * Waiting in the sync loops: signals that link and let go, sleeps that a stop or a nudge ends,
 * and limits on how much runs at once.
 */

/**
 * A signal that aborts when any of `signals` does, or after `ms`; `release` lets go of them. Made
 * by hand rather than with AbortSignal.any and .timeout: the loops make one per request, and each
 * would stay registered on the long-lived signals until they abort.
 */
export function linked(signals: readonly AbortSignal[], ms?: number): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const abort = () => controller.abort(new DOMException('Stopped waiting.', 'AbortError'));
  const timer = ms === undefined ? undefined : setTimeout(abort, ms);
  for (const signal of signals) {
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  }
  return {
    signal: controller.signal,
    release: () => {
      clearTimeout(timer);
      for (const signal of signals) signal.removeEventListener('abort', abort);
    },
  };
}

/** Waits `ms`, or until any of `signals` aborts. */
export async function sleep(ms: number, signals: readonly AbortSignal[]): Promise<void> {
  const { signal, release } = linked(signals, ms);
  // Aborted already (one of `signals` was): an 'abort' listener added now would never fire.
  if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  release();
}

/** The connection with every request bound to `signal` (a request's own signal still counts). */
export function withSignal(connection: CouchConnection, signal: AbortSignal): CouchConnection {
  const send = connection.fetch ?? ((input, init) => fetch(input, init));
  return {
    ...connection,
    fetch: (input, init) => {
      if (!init?.signal) return send(input, { ...init, signal });
      const both = linked([signal, init.signal]);
      return send(input, { ...init, signal: both.signal }).finally(both.release);
    },
  };
}

/** A fetch that lets at most `limit` requests be under way at once; the rest wait their turn. */
export function limitConcurrency(send: typeof fetch, limit: number): typeof fetch {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (input, init) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await send(input, init);
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** Runs `work` over the items, at most `concurrency` at a time. */
export async function inTurn<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
