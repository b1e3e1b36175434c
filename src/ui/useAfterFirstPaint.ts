import { startTransition, useEffect, useState } from 'react';

/**
 * False until the first frame drawn with `ready` true has been painted, then true: a screen draws
 * what is on screen first and the rest in a render after that frame (in a transition, so input is
 * never held up by it). Laying out hundreds of rows below the fold would otherwise delay the frame
 * that shows what the user came for.
 */
export function useAfterFirstPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    // A timeout queued from the frame's callback runs once that frame is drawn.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
