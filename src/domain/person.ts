import { z } from 'zod';
import { recordFieldsSchema } from './record';
import { roles } from './role';

export const personNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(120, 'Keep the name under 120 characters.');

export const personFieldsSchema = z.object({
  name: personNameSchema,
  contact: z.string().trim().max(200, 'Keep the contact under 200 characters.').default(''),
});

export const personSchema = recordFieldsSchema.extend(personFieldsSchema.shape);

export type Person = z.infer<typeof personSchema>;

export const roleSchema = z.enum(roles);
export { roleLabels, type Role } from './role';

/** "Who is using this device?": a new person and the role they are here as. */
export const newViewerFormSchema = z.object({
  name: personNameSchema,
  role: roleSchema,
});
export type NewViewerFormValues = z.infer<typeof newViewerFormSchema>;

/** "Viewing as": an existing person and a role. */
export const viewingAsFormSchema = z.object({
  personId: z.string().min(1, 'Choose a person.'),
  role: roleSchema,
});
export type ViewingAsFormValues = z.infer<typeof viewingAsFormSchema>;
