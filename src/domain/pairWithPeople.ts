import type { Pair } from './pair';
import type { Person } from './person';

/** A pair with its two partners, as screens show it; a partner may be missing from a partial file. */
export interface PairWithPeople {
  pair: Pair;
  mentor: Person | undefined;
  mentee: Person | undefined;
}

/** A row of the pairs list: the pair, its partners and the date of its last session. */
export interface PairListRow extends PairWithPeople {
  lastSessionDate: string | null;
}
