import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { builtInCharacteristics, characteristicName } from '../../domain/characteristic';
import { guidanceTriggerLabels, guidanceTriggerSchema, type GuidanceCard } from '../../domain/guidance';
import { guidanceCards } from '../../domain/guidanceCards';
import { cardsFor } from '../../domain/guidanceSelection';
import { sideSchema, type Side } from '../../domain/side';
import { EmptyState } from '../../ui/EmptyState';
import { formatDay } from '../../ui/formatDate';
import { GuidanceCardView } from '../../ui/GuidanceCardView';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

const CHARACTERISTIC_PARAM = 'characteristic';
const SIDE_PARAM = 'side';
const WHEN_PARAM = 'when';

const sideOptions: ReadonlyArray<{ value: Side | ''; label: string }> = [
  { value: '', label: 'Everyone' },
  { value: 'mentor', label: 'Mentors' },
  { value: 'mentee', label: 'Mentees' },
];

/**
 * Every guidance card, filtered by characteristic, by side and by when it applies (the dashboard's
 * flags link here with `?characteristic=trust&when=falling-trend`). The filters live in the address so
 * that reload, back and a shared link all show the same selection.
 */
export function GuidanceLibrary({ cards = guidanceCards }: { cards?: readonly GuidanceCard[] }) {
  useDocumentTitle('Guidance');
  const [searchParams, setSearchParams] = useSearchParams();
  const characteristicSelectId = useId();
  const sideSelectId = useId();
  const whenSelectId = useId();

  const characteristicId = searchParams.get(CHARACTERISTIC_PARAM) ?? '';
  const parsedSide = sideSchema.safeParse(searchParams.get(SIDE_PARAM));
  const side = parsedSide.success ? parsedSide.data : undefined;
  const parsedWhen = guidanceTriggerSchema.safeParse(searchParams.get(WHEN_PARAM));
  const when = parsedWhen.success ? parsedWhen.data : undefined;

  const shown = cardsFor({ characteristicId: characteristicId || undefined, side }, cards).filter(
    (card) => when === undefined || card.appliesWhen.includes(when),
  );
  // A link may name a characteristic a program added; offer it so the select shows what is applied.
  const characteristicOptions = builtInCharacteristics.some((characteristic) => characteristic.id === characteristicId)
    ? builtInCharacteristics
    : [...builtInCharacteristics, ...(characteristicId ? [{ id: characteristicId }] : [])];

  function setFilter(name: string, value: string) {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      // Changing a filter replaces the entry, so that back leaves the page instead of undoing filters.
      { replace: true },
    );
  }

  const postTitle = cards[0]?.source.postTitle;
  const postDate = cards[0]?.source.postDate;

  return (
    <section className="guidance-library">
      <h1>Guidance</h1>
      {postTitle && postDate ? (
        <p className="guidance-library__intro">
          Advice in our own words, drawn from the mentoring experts who contributed to <cite>“{postTitle}”</cite> (
          <time dateTime={postDate}>{formatDay(postDate)}</time>). Each card names the person it comes from.
        </p>
      ) : null}

      <div className="filters" role="group" aria-label="Filter guidance">
        <div className="field">
          <label htmlFor={characteristicSelectId}>Characteristic</label>
          <select
            id={characteristicSelectId}
            value={characteristicId}
            onChange={(event) => setFilter(CHARACTERISTIC_PARAM, event.target.value)}
          >
            <option value="">All characteristics</option>
            {characteristicOptions.map(({ id }) => (
              <option key={id} value={id}>
                {characteristicName(id)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={sideSelectId}>Written for</label>
          <select id={sideSelectId} value={side ?? ''} onChange={(event) => setFilter(SIDE_PARAM, event.target.value)}>
            {sideOptions.map(({ value, label }) => (
              <option key={label} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={whenSelectId}>When it applies</label>
          <select id={whenSelectId} value={when ?? ''} onChange={(event) => setFilter(WHEN_PARAM, event.target.value)}>
            <option value="">All situations</option>
            {guidanceTriggerSchema.options.map((trigger) => (
              <option key={trigger} value={trigger}>
                {guidanceTriggerLabels[trigger]}
              </option>
            ))}
          </select>
        </div>
      </div>

      <p className="guidance-library__count" role="status">
        Showing {shown.length} of {cards.length} {cards.length === 1 ? 'card' : 'cards'}
      </p>

      {shown.length > 0 ? (
        <ul className="guidance-list">
          {shown.map((card) => (
            <li key={card.id}>
              <GuidanceCardView card={card} headingLevel={2} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No guidance matches these filters">
          <p>
            No card speaks to this characteristic, for this side, in this situation yet. Choose other filters, or see
            every card.
          </p>
          <button type="button" className="button" onClick={() => setSearchParams({}, { replace: true })}>
            Show all guidance
          </button>
        </EmptyState>
      )}
    </section>
  );
}
