import { create } from 'zustand';

/** How long a deletion can be undone. Paused while the user is on the toast (focus or pointer). */
export const UNDO_WINDOW_MS = 10_000;
/** How long "Restored" stays on screen after an undo. */
const CONFIRMATION_MS = 4_000;

export interface PendingUndo {
  /** Tells one offer from the next, so that an old timer never closes a newer toast. */
  key: number;
  /** What was done, in the user's words: "Session on Mar 1, 2026 deleted." */
  message: string;
  /** Puts back exactly what was deleted. */
  undo: () => Promise<void>;
  /** Said once the undo worked: "Session on Mar 1, 2026 restored." */
  restoredMessage: string;
}

interface UndoState {
  pending: PendingUndo | null;
  /** Said after an undo worked, with no button. */
  confirmation: string | null;
  offerUndo: (message: string, undo: () => Promise<void>, restoredMessage?: string) => void;
  /** The user took the offer and it worked. */
  confirmUndone: (message: string) => void;
  dismiss: () => void;
  pause: () => void;
  resume: () => void;
}

// The running timer lives outside the state: it is bookkeeping, not something to render.
let timer: ReturnType<typeof setTimeout> | undefined;
let deadline = 0;
let remaining = 0;
/** Focus and pointer each pause the countdown; it runs again when both have left. */
let pauses = 0;
let nextKey = 1;

function startTimer(ms: number, key: number) {
  clearTimeout(timer);
  deadline = Date.now() + ms;
  timer = setTimeout(() => {
    const { pending } = useUndoStore.getState();
    if (pending?.key === key) useUndoStore.setState({ pending: null });
  }, ms);
}

/**
 * The one deletion that can still be undone. A new deletion replaces the offer (the earlier one
 * stays deleted); after UNDO_WINDOW_MS the offer goes and the deletion is final.
 */
export const useUndoStore = create<UndoState>()((set, get) => ({
  pending: null,
  confirmation: null,
  offerUndo: (message, undo, restoredMessage = 'Restored.') => {
    const key = nextKey++;
    pauses = 0;
    set({ pending: { key, message, undo, restoredMessage }, confirmation: null });
    startTimer(UNDO_WINDOW_MS, key);
  },
  confirmUndone: (message) => {
    clearTimeout(timer);
    pauses = 0;
    set({ pending: null, confirmation: message });
    timer = setTimeout(() => set({ confirmation: null }), CONFIRMATION_MS);
  },
  dismiss: () => {
    clearTimeout(timer);
    pauses = 0;
    set({ pending: null, confirmation: null });
  },
  pause: () => {
    if (!get().pending) return;
    pauses += 1;
    if (pauses > 1) return;
    clearTimeout(timer);
    remaining = Math.max(0, deadline - Date.now());
  },
  resume: () => {
    const { pending } = get();
    if (!pending || pauses === 0) return;
    pauses -= 1;
    // At least two seconds after leaving the toast, so that moving away is not a race against it.
    if (pauses === 0) startTimer(Math.max(remaining, 2_000), pending.key);
  },
}));
