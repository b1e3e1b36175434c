import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { guidanceCards } from '../../domain/guidanceCards';
import { cardsFor } from '../../domain/guidanceSelection';
import { GuidanceCardView } from '../../ui/GuidanceCardView';
import { GuidanceLibrary } from './GuidanceLibrary';

function renderLibrary(path = '/guidance') {
  const router = createMemoryRouter([{ path: '/guidance', element: <GuidanceLibrary /> }], { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return { router, user: userEvent.setup() };
}

const shownTitles = () =>
  screen.queryAllByRole('article').map((article) => within(article).getByRole('heading').textContent);

describe('GuidanceLibrary', () => {
  it('lists every card under a Guidance heading', async () => {
    renderLibrary();
    expect(await screen.findByRole('heading', { level: 1, name: 'Guidance' })).toBeInTheDocument();
    expect(shownTitles()).toEqual(guidanceCards.map((card) => card.title));
    expect(screen.getByRole('status')).toHaveTextContent(
      `Showing ${guidanceCards.length} of ${guidanceCards.length} cards`,
    );
    expect(document.title).toBe('Guidance · Mentorlog');
  });

  it('credits the post the guidance comes from', async () => {
    renderLibrary();
    const intro = await screen.findByText(/Advice in our own words/);
    expect(intro).toHaveTextContent('Key Mentorship Characteristics — "TRUST" (Part 3)');
  });

  it('filters to the trust cards written for mentees, and keeps the filters in the address', async () => {
    const { router, user } = renderLibrary();
    await user.selectOptions(await screen.findByLabelText('Characteristic'), 'Trust');
    await user.selectOptions(screen.getByLabelText('Written for'), 'Mentees');

    const expected = cardsFor({ characteristicId: 'trust', side: 'mentee' });
    expect(expected.length).toBeLessThan(guidanceCards.length);
    expect(shownTitles()).toEqual(expected.map((card) => card.title));
    for (const article of screen.getAllByRole('article')) {
      expect(article).toHaveTextContent(/Trust/);
      expect(article).toHaveTextContent(/For(Mentees|Mentors and mentees)/);
    }
    expect(screen.getByRole('status')).toHaveTextContent(`Showing ${expected.length} of ${guidanceCards.length} cards`);
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('characteristic')).toBe('trust');
    expect(params.get('side')).toBe('mentee');
  });

  it('restores the filters from the address, as after a reload', async () => {
    renderLibrary('/guidance?characteristic=fairness&side=mentor');
    expect(await screen.findByLabelText('Characteristic')).toHaveDisplayValue('Fairness');
    expect(screen.getByLabelText('Written for')).toHaveDisplayValue('Mentors');
    expect(shownTitles()).toEqual(cardsFor({ characteristicId: 'fairness', side: 'mentor' }).map((card) => card.title));
  });

  it('shows the cards for a falling trend in trust, as a dashboard flag links to them', async () => {
    const { router, user } = renderLibrary('/guidance?characteristic=trust&when=falling-trend');
    expect(await screen.findByLabelText('When it applies')).toHaveDisplayValue('When scores are falling');
    const expected = cardsFor({ characteristicId: 'trust' }).filter((card) =>
      card.appliesWhen.includes('falling-trend'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(shownTitles()).toEqual(expected.map((card) => card.title));
    for (const article of screen.getAllByRole('article')) expect(article).toHaveTextContent(/When scores are falling/);

    await user.selectOptions(screen.getByLabelText('When it applies'), 'All situations');
    expect(shownTitles()).toEqual(cardsFor({ characteristicId: 'trust' }).map((card) => card.title));
    expect(new URLSearchParams(router.state.location.search).get('when')).toBeNull();
  });

  it('ignores a situation in the address that no card uses', async () => {
    renderLibrary('/guidance?when=someday');
    expect(await screen.findByLabelText('When it applies')).toHaveDisplayValue('All situations');
    expect(shownTitles()).toHaveLength(guidanceCards.length);
  });

  it('goes back to every card when a filter is set to all', async () => {
    const { router, user } = renderLibrary('/guidance?characteristic=integrity');
    await user.selectOptions(await screen.findByLabelText('Characteristic'), 'All characteristics');
    expect(shownTitles()).toHaveLength(guidanceCards.length);
    expect(router.state.location.search).toBe('');
  });

  it('ignores a side in the address that is not mentor or mentee', async () => {
    renderLibrary('/guidance?side=coordinator');
    expect(await screen.findByLabelText('Written for')).toHaveDisplayValue('Everyone');
    expect(shownTitles()).toHaveLength(guidanceCards.length);
  });

  it('attributes each card to its contributor, organisation, post and date', async () => {
    renderLibrary();
    const card = (await screen.findByRole('heading', { level: 2, name: 'Keep a single agenda' })).closest('article');
    expect(card).not.toBeNull();
    const source = within(card as HTMLElement).getByText(/John Kuypers/);
    expect(source).toHaveTextContent(
      /— John Kuypers, Performance Shift Consulting, in “Key Mentorship Characteristics — "TRUST" \(Part 3\)” \(.*2013\)/,
    );
    expect(within(source).getByText(/2013/)).toHaveAttribute('datetime', '2013-03-23');
  });

  it('names the book the commenter cites', async () => {
    renderLibrary();
    const card = await screen.findByRole('article', { name: 'Earn credibility with sound advice' });
    expect(within(card).getByText(/ProVision Mentorship/)).toHaveTextContent(
      /citing William D\. Crano, “The Rules of Influence”/,
    );
  });

  it('says what to do when no card matches, and can show everything again', async () => {
    const { user } = renderLibrary('/guidance?characteristic=punctuality');
    expect(await screen.findByRole('heading', { name: 'No guidance matches these filters' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(`Showing 0 of ${guidanceCards.length} cards`);
    expect(screen.getByLabelText('Characteristic')).toHaveDisplayValue('punctuality');

    await user.click(screen.getByRole('button', { name: 'Show all guidance' }));
    expect(shownTitles()).toHaveLength(guidanceCards.length);
  });
});

// The card view has no page of its own yet; its reasons are checked here, where it is first used.
describe('GuidanceCardView', () => {
  it('lists why a card was picked, under a heading at the level asked for', () => {
    const [card] = guidanceCards;
    if (!card) throw new Error('The guidance library is empty.');
    render(
      <GuidanceCardView
        card={card}
        headingLevel={3}
        reasons={[{ trigger: 'low-score', characteristicId: 'trust', text: 'Trust was rated 2 of 5' }]}
      />,
    );
    const article = screen.getByRole('article', { name: card.title });
    expect(within(article).getByRole('heading', { level: 3, name: card.title })).toBeInTheDocument();
    expect(within(article).getByRole('listitem')).toHaveTextContent('Trust was rated 2 of 5');
  });
});
