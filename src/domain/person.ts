import { z } from 'zod';
import { recordFieldsSchema } from './record';

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

/** What the person using this device says they are here as. */
export const roleSchema = z.enum(['mentor', 'mentee', 'coordinator']);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  mentor: 'Mentor',
  mentee: 'Mentee',
  coordinator: 'Program coordinator',
};

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
