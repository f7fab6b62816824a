import type { Prisma } from "~/generated/prisma/client";

/** People who can sign in now: not deactivated, and with a password chosen (an invited person has none yet). */
export const CAN_SIGN_IN = { deactivatedAt: null, NOT: { passwordHash: "" } } satisfies Prisma.UserWhereInput;
