import { z } from 'zod';
import { normalizeCode } from './invitation';
import { isServerUrl } from './syncAccount';

/*
 * The forms of sync: connecting the program to its server, the server admin's credentials for
 * setting it up, accepting an invitation, and signing in again. Nothing typed in them is stored.
 */

/** At least 8 characters: CouchDB accepts shorter, but a password guessed over the network must not be short. */
export const MIN_PASSWORD_LENGTH = 8;

const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);

const samePasswordTwice = <T extends { password: string; repeat: string }>(values: T) =>
  values.password === values.repeat;
const passwordsDiffer = {
  message: 'The two passwords differ: type the same password in both fields.',
  path: ['repeat'],
};

export const serverAdminFormSchema = z.object({
  adminName: z.string().trim().min(1, "Enter the name of the server's administrator."),
  adminPassword: z.string().min(1, "Enter the server administrator's password."),
});
export type ServerAdminFormValues = z.infer<typeof serverAdminFormSchema>;

export const connectFormSchema = serverAdminFormSchema
  .extend({
    serverUrl: z
      .string()
      .trim()
      .refine(
        isServerUrl,
        "Enter the server's address: /couch when the server is reached through this app's own address, or a full https:// address.",
      ),
    password: newPassword,
    repeat: z.string(),
  })
  .refine(samePasswordTwice, passwordsDiffer);
export type ConnectFormValues = z.infer<typeof connectFormSchema>;

/** Accepting an invitation; the code is asked for only when the link did not carry it. */
export function joinFormSchema(needsCode: boolean) {
  return z
    .object({
      code: needsCode
        ? z.string().refine((typed) => normalizeCode(typed) !== null, {
            message: 'Enter the 12-character code you were given with the invitation, like 7KQ2-M9XD-4TPB.',
          })
        : z.string(),
      password: newPassword,
      repeat: z.string(),
    })
    .refine(samePasswordTwice, passwordsDiffer);
}
export type JoinFormValues = z.infer<ReturnType<typeof joinFormSchema>>;

export const signInAgainFormSchema = z.object({
  password: z.string().min(1, 'Enter your password.'),
});
export type SignInAgainFormValues = z.infer<typeof signInAgainFormSchema>;
