import { describe, expect, it } from "vitest";
import { homePath, safeRedirect } from "~/auth/redirect";
import { LoginSchema } from "~/auth/schemas";
import { isSecureCookie } from "~/auth/session.server";
import { initials } from "~/components/app-shell";
import { parseEnv } from "~/utils/env.server";
import { slugify } from "~/workspace/schemas";

describe("safeRedirect", () => {
  it("keeps same-site paths and falls back for anything else", () => {
    expect(safeRedirect("/teams?tab=people", "/flows")).toBe("/teams?tab=people");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "", null, undefined, "/ok\nSet-Cookie: x"]) {
      expect(safeRedirect(bad, "/flows")).toBe("/flows");
    }
  });

  it("checks the path after a browser would normalise it, not before", () => {
    const offSite = [
      "/./\\evil.host/x",
      "/x/../\\evil.host",
      "/.//evil.host",
      "/\\/evil.host",
      "/%2e/\\evil.host",
      "/\t/evil.host",
      "/\r\n//evil.host",
      "https://evil.host/",
      "http://baton.invalid.evil.host/",
    ];
    for (const bad of offSite) expect(safeRedirect(bad, "/flows"), JSON.stringify(bad)).toBe("/flows");
  });

  it("returns the normalised path, percent-encoded, for what stays on the site", () => {
    expect(safeRedirect("/x/../inbox", "/flows")).toBe("/inbox");
    expect(safeRedirect("/%5Cevil.host", "/flows")).toBe("/%5Cevil.host");
    expect(safeRedirect("/%2F%2Fevil.host", "/flows")).toBe("/%2F%2Fevil.host");
    expect(safeRedirect("/kb?q=café#top", "/flows")).toBe("/kb?q=caf%C3%A9#top");
    expect(safeRedirect("/équipes/日本", "/flows")).toBe("/%C3%A9quipes/%E6%97%A5%E6%9C%AC");
  });

  it("sends each role home", () => {
    expect(homePath("admin")).toBe("/flows");
    expect(homePath("agent")).toBe("/inbox");
  });
});

describe("LoginSchema", () => {
  it("trims and lower-cases the email, keeps the password as typed", () => {
    expect(LoginSchema.parse({ email: "  Ada@Baton.LOCAL ", password: " p w " })).toEqual({ email: "ada@baton.local", password: " p w " });
  });

  it("names the first problem of each field", () => {
    const messages = (input: unknown) => LoginSchema.safeParse(input).error?.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    expect(messages({})).toEqual(["email: Enter your email", "password: Enter your password"]);
    expect(messages({ email: "not-an-email", password: "x" })).toEqual(["email: Enter a valid email address"]);
    expect(messages({ email: `${"a".repeat(10_240)}@x.io`, password: "x" })?.[0]).toBe("email: That email is too long");
    expect(messages({ email: "a@b.io", password: "x".repeat(2000) })).toEqual(["password: That password is too long"]);
  });
});

describe("parseEnv", () => {
  it("applies defaults and treats empty variables as unset", () => {
    expect(parseEnv({ SESSION_SECRET: "", PORT: "" })).toEqual({ NODE_ENV: "development", PORT: 3000, SESSION_IDLE_MINUTES: 480, SESSION_MAX_DAYS: 14, BATON_SEMANTIC_SEARCH: "on", BATON_EMBEDDING_DEADLINE_MS: 2000 });
    expect(parseEnv({ PORT: "8080", SESSION_COOKIE_SECURE: "false", NODE_ENV: "production" })).toMatchObject({ PORT: 8080, SESSION_COOKIE_SECURE: false });
    expect(parseEnv({ BATON_EMBEDDING_DEADLINE_MS: "750" })).toMatchObject({ BATON_EMBEDDING_DEADLINE_MS: 750 });
    expect(() => parseEnv({ BATON_EMBEDDING_DEADLINE_MS: "soon" })).toThrowError(/BATON_EMBEDDING_DEADLINE_MS/);
  });

  it("names every bad variable at once", () => {
    expect(() => parseEnv({ PORT: "eighty", SESSION_SECRET: "short", SEED_PASSWORD: "abc" })).toThrowError(
      /Invalid environment variables:\n {2}PORT: .+\n {2}SESSION_SECRET: SESSION_SECRET must be at least 16 characters\n {2}SEED_PASSWORD: SEED_PASSWORD must be at least 8 characters/
    );
  });
});

describe("session cookie Secure flag", () => {
  it("is on in production unless SESSION_COOKIE_SECURE=false, off in development", () => {
    expect(isSecureCookie({ NODE_ENV: "production" })).toBe(true);
    expect(isSecureCookie({ NODE_ENV: "production", SESSION_COOKIE_SECURE: false })).toBe(false);
    expect(isSecureCookie({ NODE_ENV: "development" })).toBe(false);
    expect(isSecureCookie({ NODE_ENV: "development", SESSION_COOKIE_SECURE: true })).toBe(true);
  });
});

describe("small formatters", () => {
  it("makes team slugs from names", () => {
    expect(slugify("Sales & Renewals EU")).toBe("sales-renewals-eu");
    expect(slugify("  Équipe Façade ")).toBe("equipe-facade");
    expect(slugify("!!!")).toBe("");
  });

  it("makes avatar initials", () => {
    expect(initials("Ada Admin")).toBe("AA");
    expect(initials("cher")).toBe("C");
    expect(initials("Mary Ann van Dyke")).toBe("MD");
  });
});
