import { useState, type FormEvent } from 'react';
import { DEFAULT_IDLE_MINUTES, lockNow, readLockSetting, setIdleMinutes, turnLockOff } from '../../data/appLock';
import type { LockProgress } from '../../data/lockedWords';
import { appLockErrorMessage } from '../../data/storageFailureMessage';
import { useAppLockStore } from '../../state/appLockStore';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { IdleChoice } from './IdleChoice';
import { TurnLockOnForm } from './TurnLockOnForm';

/** The app lock in Settings: what it does, setting it, and, once set, when it locks and turning it off. */
export function AppLockSettings() {
  const lockSet = useAppLockStore((state) => state.lockSet);
  const [setting, setSetting] = useState(false);
  // Turning the lock on stopped part-way: it is on, and this says what is left to seal.
  const [stopped, setStopped] = useState<string | null>(null);
  return (
    <section aria-labelledby="app-lock-heading" className="card">
      <h2 id="app-lock-heading">App lock</h2>
      {setting ? (
        // Kept while the lock is turned on (it is set before existing entries are sealed), for the progress.
        <TurnLockOnForm
          onCancel={() => setSetting(false)}
          onDone={(failure) => {
            setStopped(failure);
            setSetting(false);
          }}
        />
      ) : lockSet ? (
        <>
          <ErrorMessage message={stopped} />
          <LockIsOn />
        </>
      ) : (
        <>
          <p>
            Ask for a passcode when Mentorlog opens, and after a while without use. With the lock on, what you keep to
            “Only me” (reflections, comments, session notes) is stored encrypted on this device, so someone holding the
            device cannot read it. Scores stay readable on the device, as your trends use them.
          </p>
          <p>
            <button type="button" className="button" onClick={() => setSetting(true)}>
              Set a passcode
            </button>
          </p>
        </>
      )}
    </section>
  );
}

function LockIsOn() {
  const [idleMinutes, setIdle] = useState(() => readLockSetting()?.idleMinutes ?? DEFAULT_IDLE_MINUTES);
  const [turningOff, setTurningOff] = useState(false);
  return (
    <>
      <p className="success">
        The app lock is on. Your private entries are stored encrypted on this device, and the app asks for your passcode
        whenever it is opened.
      </p>
      <IdleChoice
        value={idleMinutes}
        onChange={(minutes) => {
          setIdleMinutes(minutes);
          setIdle(minutes);
        }}
      />
      <p>
        <button type="button" className="button" onClick={lockNow}>
          Lock now
        </button>{' '}
        {turningOff ? null : (
          <button type="button" className="button button--quiet" onClick={() => setTurningOff(true)}>
            Turn the lock off
          </button>
        )}
      </p>
      {turningOff ? <TurnLockOffForm onCancel={() => setTurningOff(false)} /> : null}
    </>
  );
}

function TurnLockOffForm({ onCancel }: { onCancel: () => void }) {
  const [passcode, setPasscode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<LockProgress | 'starting' | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (progress) return;
    setError(undefined);
    setFailure(null);
    setProgress('starting');
    try {
      if (!(await turnLockOff(passcode, setProgress))) {
        setProgress(null);
        setError('That is not the passcode. The lock stays on.');
      }
    } catch (error) {
      setProgress(null);
      setFailure(appLockErrorMessage(error, 'off', true));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p>
        Turning the lock off stores your private entries unencrypted on this device again, as before the lock. Enter
        your passcode to do it.
      </p>
      <Field label="Your passcode" error={error}>
        {(field) => (
          <input
            {...field}
            type="password"
            autoComplete="current-password"
            value={passcode}
            onChange={(event) => setPasscode(event.target.value)}
          />
        )}
      </Field>
      <ErrorMessage message={failure} />
      <p role="status">
        {progress === 'starting'
          ? 'Checking the passcode…'
          : progress
            ? `Opening your private entries: ${progress.done} of ${progress.total} pairs.`
            : ''}
      </p>
      <p>
        <button type="submit" className="button" disabled={progress !== null}>
          Turn the lock off
        </button>{' '}
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={progress !== null}>
          Cancel
        </button>
      </p>
    </form>
  );
}
