import { attentionFlagKinds, attentionFlagLabels, attentionFlagRules } from '../../domain/attentionFlags';
import { TrendRules } from '../../ui/TrendRules';

export function FlagRules() {
  return (
    <details className="rules-details">
      <summary>How flags work</summary>
      <p>
        Each flag links to the guidance that speaks to it. Pairs with the most pressing flags come first: falling trust,
        a perception gap and an overdue session before a missing check-in, and that before late action items; then pairs
        with more flags. Only check-ins shared with the program count; private and pair-only ones are never used here.
      </p>
      <dl className="rules">
        {attentionFlagKinds.map((kind) => (
          <div key={kind}>
            <dt>{attentionFlagLabels[kind]}</dt>
            <dd>{attentionFlagRules[kind]}</dd>
          </div>
        ))}
      </dl>
      <TrendRules />
    </details>
  );
}
