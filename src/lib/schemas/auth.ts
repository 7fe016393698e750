// Accounts: signing up, signing in, passwords. Zod only (browser-safe): the sign-up and invitation forms
// check their values with these before sending, and the procedures parse the same schemas.
import { z } from "./zod";

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 hashes every character: a cap keeps a megabyte "password" from tying up the server. */
export const PASSWORD_MAX_LENGTH = 128;

/** An email address someone must give (sign-up, invitations). */
export const emailAddressSchema = z.string().trim().max(320).email("Enter a valid email address");

/** Length only: the guessability check (zxcvbn) runs on the server, in the service. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const signUpInputSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(120),
  email: emailAddressSchema,
  password: passwordSchema,
  organizationName: z.string().trim().min(2, "Enter your organisation's name").max(120),
});
export type SignUpInput = z.output<typeof signUpInputSchema>;

/** Allow-list: the same answer for a new email and a registered one, so sign-up can't tell who has an account. */
export const signUpResultSchema = z.object({ received: z.literal(true) });

export const signInOptionsSchema = z.object({ oidc: z.object({ name: z.string() }).nullable(), publicSignUp: z.boolean() });

export const demoAccountsSchema = z
  .object({
    password: z.string(),
    accounts: z.array(z.object({ email: z.string(), name: z.string(), role: z.string() })),
  })
  .nullable();
