import { z } from 'zod';

/** A calendar day as the user means it, `YYYY-MM-DD`, without a time zone. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-21.')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'That is not a real date.');

/** An instant, as written by `new Date().toISOString()`. */
export const isoTimestampSchema = z.iso.datetime({ offset: true });

export const idSchema = z.uuid();

/**
 * Fields every stored record carries, so that records written on two devices can be merged:
 * a globally unique id, when it was made and last changed, and a soft-delete marker.
 */
export const recordFieldsSchema = z.object({
  id: idSchema,
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
  deletedAt: isoTimestampSchema.nullable(),
});

export type RecordFields = z.infer<typeof recordFieldsSchema>;

/**
 * A new record's fields, created and changed at `stamp`: the change clock's next stamp
 * (`nextChangeStamp` in src/data/changeStamp.ts), so that a new record orders after everything the
 * device has seen, whatever its own clock says.
 */
export function newRecordFields(stamp: string): RecordFields {
  return { id: crypto.randomUUID(), createdAt: stamp, updatedAt: stamp, deletedAt: null };
}
