import { useDeferredValue, useMemo } from 'react';
import { compareText } from '../../domain/compareText';

/** A mentor as the dashboard's filter offers them: person id and name. */
export type MentorChoice = readonly [id: string, name: string];

/**
 * The mentor filter's choices, A to Z, from the table's rows. A saved check-in changes the rows
 * but hardly ever the mentors, so the list of a thousand of them is sorted and drawn again only
 * when a mentor or a name changed.
 *
 * Drawing a thousand names costs about a third of the dashboard's first layout (measured in
 * Chromium at size M), so the first draw offers only the chosen mentor, and the full list follows
 * in the next, deferred render: the table shows first, and the filter never shows a wrong choice.
 */
export function useMentorChoices(rows: readonly { mentorId: string; mentorName: string }[], chosen: string | null): readonly MentorChoice[] {
  const signature = JSON.stringify(rows.map((row) => [row.mentorId, row.mentorName]));
  const mentors = useMemo(() => {
    const byId = new Map(JSON.parse(signature) as Array<[string, string]>);
    return [...byId].sort(([, a], [, b]) => compareText(a, b));
  }, [signature]);
  const chosenOnly = useMemo(() => mentors.filter(([id]) => id === chosen), [mentors, chosen]);
  return useDeferredValue(mentors, chosenOnly);
}
