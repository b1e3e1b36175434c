/** A pair's status and cadence defaults, without zod, for screens that only show them. */
export const pairStatuses = ['active', 'paused', 'closed'] as const;
export type PairStatus = (typeof pairStatuses)[number];

export const pairStatusLabels: Record<PairStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  closed: 'Closed',
};

export const DEFAULT_CADENCE_DAYS = 14;
