/**
 * Row ids for rows the turn engine inserts itself (raw SQL bypasses Prisma's cuid() default).
 * Time-ordered like cuid — "c", milliseconds in base 36, a per-process counter, random tail —
 * so new rows land at the right edge of the primary-key B-tree instead of at random pages.
 */
import { randomBytes } from "node:crypto";

let counter = 0;
// One randomBytes call per 512 ids: a small synchronous call per row showed up in profiles.
let pool = Buffer.alloc(0);
let offset = 0;

function randomTail(): string {
  if (offset + 8 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  offset += 8;
  return pool.subarray(offset - 8, offset).toString("base64url").slice(0, 10);
}

export function createRowId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  return `c${Date.now().toString(36).padStart(9, "0")}${counter.toString(36).padStart(4, "0")}${randomTail()}`;
}
