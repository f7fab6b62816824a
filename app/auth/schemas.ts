/** Sign-in form schemas; client-safe (no server imports), so routes may use them at module scope. */
import { z } from "zod";

export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MAX_LENGTH = 1024;
export const WRONG_CREDENTIALS = "Email or password is incorrect";
export const DEACTIVATED = "Your account is deactivated. Ask an admin of your workspace to reactivate it.";

/** An email address, trimmed and lower-cased (accounts are looked up case-insensitively). */
export function emailSchema(emptyMessage: string) {
  return z
    .string({ error: emptyMessage })
    .trim()
    .min(1, emptyMessage)
    .max(EMAIL_MAX_LENGTH, "That email is too long")
    .pipe(z.email("Enter a valid email address"))
    .transform((email) => email.toLowerCase());
}

export const LoginSchema = z.object({
  email: emailSchema("Enter your email"),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(PASSWORD_MAX_LENGTH, "That password is too long"),
  redirectTo: z.string().optional(),
});
export type LoginInput = z.infer<typeof LoginSchema>;

/** A password someone chooses for themselves (invitation or reset link). */
export const NewPasswordSchema = z
  .string({ error: "Enter a password" })
  .min(1, "Enter a password")
  .min(8, "Use at least 8 characters")
  .max(200, "Keep the password under 200 characters");

export const SetPasswordSchema = z
  .object({ password: NewPasswordSchema, confirm: z.string({ error: "Type the password again" }) })
  .refine((input) => input.password === input.confirm, { path: ["confirm"], message: "The two passwords don't match" });
