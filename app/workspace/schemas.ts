/** Schemas of the teams & people forms; client-safe (no server imports). */
import { z } from "zod";
import { emailSchema } from "~/auth/schemas";

export const TeamNameSchema = z.string({ error: "Enter a team name" }).trim().min(1, "Enter a team name").max(60, "Keep the name under 60 characters");
export const TeamSlugSchema = z
  .string()
  .trim()
  .max(40, "Keep the slug under 40 characters")
  .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, "Use lowercase letters, digits and single dashes");

/** "Sales & Renewals EU" → "sales-renewals-eu" */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

export const PersonNameSchema = z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(80, "Keep the name under 80 characters");
export const RoleSchema = z.enum(["agent", "admin"], { error: "Choose a role" });

export const NewPersonSchema = z.object({
  name: PersonNameSchema,
  email: emailSchema("Enter an email"),
  role: RoleSchema,
  teamIds: z.array(z.string()).default([]),
});
export type NewPerson = z.infer<typeof NewPersonSchema>;

export const SlaMinutesSchema = z.coerce
  .number({ error: "Enter the minutes" })
  .int("Use whole minutes")
  .min(1, "At least 1 minute")
  .max(10_080, "At most a week (10,080 minutes)");
export const AssignmentSchema = z.enum(["manual", "round_robin"], { error: "Choose manual or round robin" });
export const CapacitySchema = z.coerce.number({ error: "Enter a number" }).int("Use a whole number").min(0, "0 or more").max(100, "At most 100");

/** One row of the people table, saved with one button. */
export const PersonRowSchema = z.object({
  userId: z.string().min(1),
  role: RoleSchema,
  teamIds: z.array(z.string()).default([]),
  capacity: CapacitySchema,
});
export type PersonRow = z.infer<typeof PersonRowSchema>;
