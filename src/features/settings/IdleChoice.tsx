import { IDLE_MINUTES_CHOICES, type IdleMinutes } from '../../data/appLock';

/** When the app locks: always when closed, and after this many minutes without use. */
export function IdleChoice({ value, onChange }: { value: IdleMinutes; onChange: (minutes: IdleMinutes) => void }) {
  return (
    <fieldset className="choice-group">
      <legend>Lock after how long without use?</legend>
      <p className="field__hint">The app also locks every time it is closed or reloaded.</p>
      {IDLE_MINUTES_CHOICES.map((minutes) => (
        <label key={minutes} className="choice">
          <input
            type="radio"
            name="idle-minutes"
            value={minutes}
            checked={value === minutes}
            onChange={() => onChange(minutes)}
          />
          <span>{minutes === 1 ? '1 minute' : minutes === 60 ? '1 hour' : `${minutes} minutes`}</span>
        </label>
      ))}
    </fieldset>
  );
}
