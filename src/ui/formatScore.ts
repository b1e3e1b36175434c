const scoreFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A score or a mean of scores, to one decimal place at most, as the user's locale writes it. */
export function formatScore(score: number): string {
  return scoreFormat.format(score);
}
