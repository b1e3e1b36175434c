import { useEffect } from 'react';

/** Sets the tab title so that each screen is named in history and for screen readers. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Mentorlog`;
  }, [title]);
}
