/**
 * What the person using this device says they are here as. Kept apart from the zod schemas so that
 * screens which only show a role (the header on every screen) do not load zod.
 */
export const roles = ['mentor', 'mentee', 'coordinator'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  mentor: 'Mentor',
  mentee: 'Mentee',
  coordinator: 'Program coordinator',
};
