/** The "Your account" forms (client-safe): a person's own name, and a new password behind the current one. */
import { z } from "zod";
import { PersonNameSchema } from "~/workspace/schemas";
import { NewPasswordSchema, PASSWORD_MAX_LENGTH } from "./schemas";

export const ACCOUNT_INTENTS = { profile: "profile", password: "password" } as const;

export const ProfileSchema = z.object({ name: PersonNameSchema });

export const PasswordChangeSchema = z
  .object({
    current: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(PASSWORD_MAX_LENGTH, "That password is too long"),
    password: NewPasswordSchema,
    confirm: z.string({ error: "Type the new password again" }),
  })
  .refine((input) => input.password === input.confirm, { path: ["confirm"], message: "The two passwords don't match" })
  .refine((input) => input.password !== input.current, { path: ["password"], message: "Choose a password different from the current one" });
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;
