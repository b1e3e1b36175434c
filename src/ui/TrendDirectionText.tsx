import { trendDirectionLabels, type TrendDirection } from '../domain/trend';

const arrows: Record<TrendDirection, string> = { rising: '↗', steady: '→', falling: '↘' };

/** A direction in words, with an arrow for the eye only; "Too early to tell" before there is one. */
export function TrendDirectionText({ direction }: { direction: TrendDirection | null }) {
  if (direction === null) return <span className="direction direction--none">Too early to tell</span>;
  return (
    <span className={`direction direction--${direction}`}>
      <span aria-hidden="true">{arrows[direction]} </span>
      {trendDirectionLabels[direction]}
    </span>
  );
}
