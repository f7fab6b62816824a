/**
 * hasPrismaCode tells Prisma's known errors apart by their code, from either generated client
 * (SQLite's and PostgreSQL's have their own error classes), and never mistakes a driver's error
 * or anything else for one.
 */
import { describe, expect, it } from "vitest";
import { Prisma as SqlitePrisma } from "~/generated/prisma/client";
import { Prisma as PostgresPrisma } from "~/generated/prisma-postgres/client";
import { hasPrismaCode } from "~/utils/prisma-errors";

describe("hasPrismaCode", () => {
  it("matches a known request error of either client by its code, and only that code", () => {
    for (const KnownError of [SqlitePrisma.PrismaClientKnownRequestError, PostgresPrisma.PrismaClientKnownRequestError]) {
      const unique = new KnownError("Unique constraint failed on the fields: (`slug`)", { code: "P2002", clientVersion: "test" });
      expect(hasPrismaCode(unique, "P2002")).toBe(true);
      expect(hasPrismaCode(unique, "P2025")).toBe(false);
      expect(hasPrismaCode(new KnownError("Record to delete does not exist.", { code: "P2025", clientVersion: "test" }), "P2025")).toBe(true);
    }
  });

  it("is false for a driver's error, a plain error, and values that are not errors", () => {
    expect(hasPrismaCode(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }), "P2002")).toBe(false);
    expect(hasPrismaCode(new Error("P2002"), "P2002")).toBe(false);
    for (const value of [null, undefined, "P2002", 2002, { code: 2002 }]) expect(hasPrismaCode(value, "P2002")).toBe(false);
  });
});
