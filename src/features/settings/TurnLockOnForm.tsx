import { useId, useMemo, useState, type FormEvent } from 'react';
import { DEFAULT_IDLE_MINUTES, readLockSetting, turnLockOn, type IdleMinutes } from '../../data/appLock';
import { appLockErrorMessage } from '../../data/storageFailureMessage';
import type { LockProgress } from '../../data/lockedWords';
import { estimatePasscode, MIN_PASSCODE_LENGTH } from '../../domain/passcodeStrength';
import { formatRecoveryCode, newRecoveryCode } from '../../domain/recoveryCode';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { IdleChoice } from './IdleChoice';

type Step = { kind: 'passcode' } | { kind: 'recovery code' } | { kind: 'sealing'; progress: LockProgress | null };

/**
 * Setting the app lock: a passcode typed twice (its strength shown as it is typed), when the app
 * locks, then the recovery code to write down, and the lock turned on (existing private entries
 * sealed, with progress).
 */
export function TurnLockOnForm({
  onCancel,
  onDone,
}: {
  onCancel: () => void;
  /** The lock is on: every entry sealed (null), or what stopped the sealing part-way. */
  onDone: (failure: string | null) => void;
}) {
  const [step, setStep] = useState<Step>({ kind: 'passcode' });
  const [passcode, setPasscode] = useState('');
  const [repeat, setRepeat] = useState('');
  const [idleMinutes, setIdleMinutes] = useState<IdleMinutes>(DEFAULT_IDLE_MINUTES);
  const [errors, setErrors] = useState<{ passcode?: string; repeat?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [writtenDown, setWrittenDown] = useState(false);
  const recoveryCode = useMemo(() => newRecoveryCode(), []);
  const estimate = estimatePasscode(passcode);
  const strengthId = useId();

  const next = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      passcode: estimate.acceptable ? undefined : estimate.reasons[0],
      repeat: repeat === passcode ? undefined : 'The two passcodes differ. Type the same passcode twice.',
    };
    setErrors(found);
    if (!found.passcode && !found.repeat) setStep({ kind: 'recovery code' });
  };

  const turnOn = async (event: FormEvent) => {
    event.preventDefault();
    if (!writtenDown) {
      setFailure('Tick the box once you have written the recovery code down.');
      return;
    }
    setFailure(null);
    setStep({ kind: 'sealing', progress: null });
    try {
      await turnLockOn({ passcode, recoveryCode, idleMinutes }, (progress) => setStep({ kind: 'sealing', progress }));
      onDone(null);
    } catch (error) {
      const lockSet = readLockSetting() !== null;
      // Set, but not every entry sealed: the lock's settings say it is on, with what failed beside it.
      if (lockSet) onDone(appLockErrorMessage(error, 'on', true));
      else {
        setFailure(appLockErrorMessage(error, 'on', false));
        setStep({ kind: 'recovery code' });
      }
    }
  };

  if (step.kind === 'sealing')
    return (
      <p role="status">
        Sealing your private entries on this device
        {step.progress ? `: ${step.progress.done} of ${step.progress.total} pairs` : '…'} Keep this page open; if it
        closes, the next unlock finishes the job.
      </p>
    );

  if (step.kind === 'recovery code')
    return (
      <form onSubmit={(event) => void turnOn(event)} noValidate>
        <h3>Write down your recovery code</h3>
        <p>
          <strong>If you forget the passcode, only this code opens the app.</strong> Without either, what exists only on
          this device — your private reflections, comments and session notes here — is lost for good: nobody can open
          it, not the program, not us. What was synced with your partner or the program, or saved in a backup file, is
          not lost.
        </p>
        <p className="recovery-code">
          Recovery code: <code>{formatRecoveryCode(recoveryCode)}</code>
        </p>
        <p className="muted">Keep it on paper, away from this device. It is shown only now.</p>
        <label className="choice">
          <input type="checkbox" checked={writtenDown} onChange={(event) => setWrittenDown(event.target.checked)} />
          <span>I have written the recovery code down</span>
        </label>
        <ErrorMessage message={failure} />
        <p>
          <button type="submit" className="button button--primary">
            Turn the lock on
          </button>{' '}
          <button type="button" className="button button--quiet" onClick={() => setStep({ kind: 'passcode' })}>
            Back
          </button>
        </p>
      </form>
    );

  return (
    <form onSubmit={next} noValidate>
      <Field
        label="Passcode"
        hint={`A phrase of a few words, or at least ${MIN_PASSCODE_LENGTH} characters. Not a PIN.`}
        error={errors.passcode}
      >
        {(field) => (
          <input
            {...field}
            aria-describedby={[field['aria-describedby'], strengthId].filter(Boolean).join(' ')}
            type="password"
            autoComplete="new-password"
            value={passcode}
            onChange={(event) => setPasscode(event.target.value)}
          />
        )}
      </Field>
      <p id={strengthId} className="passcode-strength" aria-live="polite">
        {passcode === '' ? null : (
          <>
            Strength: <strong>{estimate.strength}</strong>. {estimate.reasons.join(' ')}
          </>
        )}
      </p>
      <Field label="Passcode again" error={errors.repeat}>
        {(field) => (
          <input
            {...field}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
          />
        )}
      </Field>
      <IdleChoice value={idleMinutes} onChange={setIdleMinutes} />
      <p>
        <button type="submit" className="button button--primary">
          Continue
        </button>{' '}
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
