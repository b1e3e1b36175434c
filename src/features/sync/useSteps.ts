import { useCallback, useState } from 'react';
import { setUpFailureMessage } from './setUpFailureMessage';

export type StepState = 'waiting' | 'running' | 'done' | 'failed';

export interface StepView {
  label: string;
  state: StepState;
}

export interface StepPlan {
  label: string;
  run: () => Promise<void>;
}

export type StepsOutcome = { ok: true; error: null } | { ok: false; error: unknown };

/**
 * Runs set-up steps one after another and shows each as it goes. The first failure stops the
 * rest and becomes `error`; every step can be run again, so "try again" runs them all.
 */
export function useSteps() {
  const [steps, setSteps] = useState<StepView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);

  const run = useCallback(async (plan: readonly StepPlan[]): Promise<StepsOutcome> => {
    setError(null);
    setRunning(true);
    setSteps(plan.map(({ label }) => ({ label, state: 'waiting' })));
    const mark = (index: number, state: StepState) =>
      setSteps((current) => current.map((step, at) => (at === index ? { ...step, state } : step)));
    try {
      for (const [index, step] of plan.entries()) {
        mark(index, 'running');
        try {
          await step.run();
        } catch (failure) {
          mark(index, 'failed');
          setError(failure);
          return { ok: false, error: failure };
        }
        mark(index, 'done');
      }
      return { ok: true, error: null };
    } finally {
      setRunning(false);
    }
  }, []);

  return { steps, running, error, message: error === null ? null : setUpFailureMessage(error), run };
}
