import { useEffect, useRef, useState, type FormEvent } from 'react';
import { unlockWithPasscode, unlockWithRecoveryCode } from '../../data/appLock';
import { Field } from '../../ui/Field';

type Way = 'passcode' | 'recovery code';

const wrong: Record<Way, string> = {
  passcode: 'That is not the passcode. Nothing was opened. Check for typing mistakes and try again.',
  'recovery code':
    'That is not this device’s recovery code. Nothing was opened. Check each group of five against what you wrote down.',
};

/**
 * The only thing the app shows while locked: no record, no name, nothing of the app behind it.
 * Opens with the passcode, or with the recovery code written down when the lock was set.
 */
export function LockScreen() {
  const [way, setWay] = useState<Way>('passcode');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Locked · Mentorlog';
    input.current?.focus();
  }, [way]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (typed === '') {
      setError(`Enter your ${way}.`);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      if (way === 'passcode') {
        if (!(await unlockWithPasscode(typed))) setError(wrong.passcode);
      } else {
        const result = await unlockWithRecoveryCode(typed);
        if (result === 'not-a-code')
          setError('A recovery code is 25 letters and digits, in five groups of five. Check what you typed.');
        else if (result === 'wrong') setError(wrong['recovery code']);
      }
    } catch {
      setError('The app could not be unlocked just now. Reload the page and try again.');
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const switchTo = (next: Way) => {
    setWay(next);
    setTyped('');
    setError(undefined);
  };

  return (
    <main id="main" className="page narrow lock-screen">
      <h1>Mentorlog is locked</h1>
      <p>
        {way === 'passcode'
          ? 'Enter your passcode to open your records on this device.'
          : 'Enter the recovery code you wrote down when you set the lock.'}
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label={way === 'passcode' ? 'Passcode' : 'Recovery code'} error={error}>
          {(field) => (
            <input
              {...field}
              ref={input}
              type={way === 'passcode' ? 'password' : 'text'}
              autoComplete={way === 'passcode' ? 'current-password' : 'off'}
              autoCapitalize={way === 'passcode' ? undefined : 'characters'}
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          )}
        </Field>
        <p>
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </p>
        <p role="status" className="muted">
          {busy ? 'Checking… this takes about a second.' : ''}
        </p>
      </form>
      <p>
        {way === 'passcode' ? (
          <button type="button" className="link-button" onClick={() => switchTo('recovery code')}>
            Use the recovery code
          </button>
        ) : (
          <button type="button" className="link-button" onClick={() => switchTo('passcode')}>
            Use the passcode
          </button>
        )}
      </p>
      <p className="muted">
        Forgot both? Without one of them, what was kept only on this device cannot be opened, by anyone. What you shared
        with your partner or the program, and what is in a backup file, is not lost: clear this site’s data in the
        browser’s settings to start afresh, then restore the backup or sync again.
      </p>
    </main>
  );
}
