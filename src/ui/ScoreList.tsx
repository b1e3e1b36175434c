import { builtInCharacteristics, characteristicById } from '../domain/characteristic';

/** A check-in's scores as a definition list: "Trust — 2 of 5 (Cautious)". */
export function ScoreList({
  scores,
  comments = {},
}: {
  scores: Record<string, number>;
  comments?: Record<string, string>;
}) {
  const known = builtInCharacteristics.map((c) => c.id);
  // Built-in characteristics first in their usual order, then any a program added.
  const ids = [...known.filter((id) => id in scores), ...Object.keys(scores).filter((id) => !known.includes(id))];
  if (ids.length === 0) return null;
  return (
    <dl className="score-list">
      {ids.map((id) => {
        const characteristic = characteristicById(id);
        const score = scores[id] ?? 0;
        const label = characteristic?.scaleLabels[score - 1];
        const comment = comments[id];
        return (
          <div key={id} className={`score-list__row score-list__row--${score}`}>
            <dt>{characteristic?.name ?? id}</dt>
            <dd>
              <span className="score-list__score">
                {score} of 5{label ? ` (${label})` : ''}
              </span>
              {comment ? <span className="score-list__comment">{comment}</span> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
