import { useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `text` to the clipboard and says whether it did. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const copy = async () => {
    try {
      // No clipboard outside a secure context (http other than localhost): say so rather than fail silently.
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="copy-button">
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>{' '}
      <span role="status">
        {state === 'copied'
          ? 'Copied.'
          : state === 'failed'
            ? 'This browser did not copy it: select it and copy it yourself.'
            : ''}
      </span>
    </span>
  );
}
