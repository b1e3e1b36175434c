import { useId } from 'react';
import { characteristicName } from '../domain/characteristic';
import { guidanceTriggerLabels, type GuidanceAudience, type GuidanceCard } from '../domain/guidance';
import type { GuidanceReason } from '../domain/guidanceSelection';
import { formatDay } from './formatDate';

const audienceLabels: Record<GuidanceAudience, string> = {
  mentor: 'Mentors',
  mentee: 'Mentees',
  both: 'Mentors and mentees',
};

interface GuidanceCardViewProps {
  card: GuidanceCard;
  /** Why the card was picked for this reader, when it was picked rather than browsed. */
  reasons?: readonly GuidanceReason[];
  /** Level of the card's title, to fit under the page's own headings. */
  headingLevel?: 2 | 3;
}

/** One guidance card: its advice, whom and when it is for, and who it comes from. */
export function GuidanceCardView({ card, reasons, headingLevel = 3 }: GuidanceCardViewProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { source } = card;
  return (
    <article className="guidance-card" aria-labelledby={headingId}>
      <Heading id={headingId} className="guidance-card__title">
        {card.title}
      </Heading>
      <p className="guidance-card__body">{card.body}</p>
      {reasons && reasons.length > 0 ? (
        <div className="guidance-card__reasons">
          <p>Why this card:</p>
          <ul>
            {reasons.map((reason) => (
              <li key={`${reason.trigger}:${reason.characteristicId}:${reason.text}`}>{reason.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="guidance-card__meta">
        <div>
          <dt>About</dt>
          <dd>{card.characteristicIds.map(characteristicName).join(', ')}</dd>
        </div>
        <div>
          <dt>For</dt>
          <dd>{audienceLabels[card.audience]}</dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>{card.appliesWhen.map((trigger) => guidanceTriggerLabels[trigger]).join('; ')}</dd>
        </div>
      </dl>
      <p className="guidance-card__source">
        — {source.contributor}
        {/* The commenter wrote as its organisation; naming it twice reads as a mistake. */}
        {source.organisation === source.contributor ? '' : `, ${source.organisation}`}, in{' '}
        <cite>“{source.postTitle}”</cite> (<time dateTime={source.postDate}>{formatDay(source.postDate)}</time>)
        {source.citedWork ? <>, citing {source.citedWork}</> : null}
      </p>
    </article>
  );
}
