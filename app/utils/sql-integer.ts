/**
 * An integer read back from raw SQL. SQLite (better-sqlite3, Prisma's $queryRaw) answers COUNT,
 * SUM and integer columns as number or bigint depending on size and driver, and PostgreSQL's
 * COUNT is a bigint: accept both and hand the rest of the code a plain number.
 */
import { z } from "zod";

export const SqlIntegerSchema = z.union([z.bigint(), z.number()]).transform(Number);
