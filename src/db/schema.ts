/**
 * Every version of the database schema, oldest first. A schema change adds a version here with
 * its upgrade function, and a case to `migrations.test.ts` that opens a database written by
 * version 1 and checks that every record survived.
 */
export const schemaVersions = [
  {
    version: 1,
    stores: {
      people: 'id, name, updatedAt',
      pairs: 'id, mentorId, menteeId, status, updatedAt',
      sessions: 'id, [pairId+date], date, updatedAt',
      checkIns: 'id, [pairId+date], raterId, date, updatedAt',
    },
  },
] as const;

export const DATABASE_NAME = 'mentorlog';
