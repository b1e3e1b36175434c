import type { StepState, StepView } from './useSteps';

const stateText: Record<StepState, string> = {
  waiting: 'to do',
  running: 'in progress',
  done: 'done',
  failed: 'failed',
};

/** The steps of a set-up as they run; each change is announced politely. */
export function StepList({ steps }: { steps: readonly StepView[] }) {
  if (steps.length === 0) return null;
  return (
    <ol className="sync-steps" aria-live="polite">
      {steps.map((step) => (
        <li key={step.label} className={`sync-step sync-step--${step.state}`}>
          {step.label}: <strong>{stateText[step.state]}</strong>
        </li>
      ))}
    </ol>
  );
}
