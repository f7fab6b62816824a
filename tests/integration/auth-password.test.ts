import { describe, expect, it } from "vitest";
import { hashPassword, verifyDummyPassword, verifyPassword } from "~/auth/password.server";

describe("password hashing", () => {
  it("stores an Argon2id PHC string, never the password, salted per hash", async () => {
    const first = await hashPassword("baton-demo");
    const second = await hashPassword("baton-demo");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(first).not.toContain("baton-demo");
    expect(first).not.toBe(second);
  });

  it("verifies the right password and refuses a wrong one or a broken hash", async () => {
    const hash = await hashPassword("correct horse battery staple");
    await expect(verifyPassword(hash, "correct horse battery staple")).resolves.toBe(true);
    await expect(verifyPassword(hash, "correct horse battery stapl")).resolves.toBe(false);
    await expect(verifyPassword(hash, "")).resolves.toBe(false);
    await expect(verifyPassword("not-a-hash", "anything")).resolves.toBe(false);
    await expect(verifyDummyPassword("anything")).resolves.toBe(false);
  });
});
