import { db as appDatabase, type MentorlogDatabase } from '../db/database';
import type { Pair } from '../domain/pair';
import type { Person } from '../domain/person';
import { holdsKeysFor, pairKeysForInvitation } from './pairKeys';
import { provisionPair, ProvisionError, type ServerAdmin } from './provisionProgram';
import { dropPairRole, leavingPartners, rotateForRematch } from './rematch';
import { seedPairDatabase } from './seedPair';

/** One step of finishing a re-matching on the server, with what it says while it runs. */
export interface RematchStep {
  label: string;
  run: () => Promise<void>;
}

export interface RematchInput {
  admin: ServerAdmin;
  /** The pair as saved on this device, with its new partners. */
  pair: Pair;
  mentor: Person;
  mentee: Person;
  coordinatorId: string;
  /** Who this device says left (the edit just saved); the server's members and registry say the rest. */
  named?: readonly string[];
  /** Told who left once the first step has found out. */
  onLeaving?: (leaving: readonly string[]) => void;
}

/**
 * The steps of finishing a re-matching (rematch.ts), in an order that lets them all be done
 * again after any one failed: who left is read from the server's members, which change last.
 */
export function rematchSteps(input: RematchInput, database: MentorlogDatabase = appDatabase): RematchStep[] {
  const { admin, pair, mentor, mentee, coordinatorId } = input;
  let leaving: string[] = [];
  return [
    {
      label: 'Finding who left the pair',
      run: async () => {
        leaving = await leavingPartners(admin, pair, input.named);
        input.onLeaving?.(leaving);
      },
    },
    {
      label: 'Making the pair’s next keys and giving them to every device but the leaving partner’s',
      run: async () => {
        if (leaving.length > 0) await rotateForRematch(admin, pair.id, leaving, coordinatorId, database);
      },
    },
    {
      label: 'Putting the pair with its new partners in the pair’s database, sealed with the new keys',
      run: async () => {
        if (!(await holdsKeysFor(pair.id, database)))
          throw new ProvisionError(
            'This device holds no keys for this pair, so it cannot seal the pair’s new partners. Finish the change from the device that invited the pair.',
            null,
          );
        await seedPairDatabase(
          admin,
          { pair, mentor, mentee },
          (await pairKeysForInvitation(pair.id, database)).pairKeys,
        );
      },
    },
    {
      label: 'Taking the pair off the leaving partner’s account',
      run: async () => {
        for (const person of leaving) await dropPairRole(admin, person, pair.id);
      },
    },
    {
      label: 'Letting only the new partners read and write the pair’s databases',
      run: () => provisionPair(admin, pair, { sealed: true }).then(() => undefined),
    },
  ];
}
