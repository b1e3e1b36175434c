import { useEffect, useState } from 'react';
import { create } from 'zustand';
import type { CheckInFormInput } from '../domain/checkIn';
import type { SessionFormInput } from '../domain/session';

/**
 * A form's input given back after its save failed. A session or check-in form moves on to the next
 * screen as soon as its write starts (see useShowWhileSaving); if the write then fails, the form
 * opens again from here with what was typed and why nothing was saved. UI state only: nothing here
 * is stored, and a draft is taken once.
 */
export interface ReturnedDraft<Values> {
  /** Tells one return from the next, so a form opened on one can start again on another. */
  id: number;
  pairId: string;
  values: Values;
  /** Why the save failed, in the user's words. */
  error: string;
}

interface ReturnedDraftState {
  session: ReturnedDraft<SessionFormInput> | null;
  checkIn: ReturnedDraft<CheckInFormInput> | null;
  returnSession: (draft: Omit<ReturnedDraft<SessionFormInput>, 'id'>) => void;
  returnCheckIn: (draft: Omit<ReturnedDraft<CheckInFormInput>, 'id'>) => void;
  forget: (form: 'session' | 'checkIn') => void;
}

let returns = 0;

export const useReturnedDraftStore = create<ReturnedDraftState>()((set) => ({
  session: null,
  checkIn: null,
  returnSession: (draft) => set({ session: { ...draft, id: ++returns } }),
  returnCheckIn: (draft) => set({ checkIn: { ...draft, id: ++returns } }),
  forget: (form) => set({ [form]: null }),
}));

/**
 * The draft last given back to this form for this pair, if any. It is taken from the store when it
 * arrives, whether the form opens with it or is still open when its save fails (a fast failure can
 * come before the next screen has replaced the form); key the form by its id to start it again.
 */
export function useReturnedDraft<Form extends 'session' | 'checkIn'>(
  form: Form,
  pairId: string | undefined,
): ReturnedDraftState[Form] {
  const waiting = useReturnedDraftStore((state) => state[form]);
  const mine = waiting !== null && waiting.pairId === pairId ? waiting : null;
  const [taken, setTaken] = useState(mine);
  // Adjusting state while rendering, as React documents for state that follows a changing input.
  if (mine !== null && mine !== taken) setTaken(mine);
  useEffect(() => {
    if (mine !== null) useReturnedDraftStore.getState().forget(form);
  }, [mine, form]);
  return mine ?? taken;
}
