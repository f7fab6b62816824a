/**
 * The rate limit identifies clients by the address the production server saw (app/cli/serve.ts),
 * not by a header anyone can write: X-Forwarded-For counts only when TRUST_PROXY says a proxy
 * in front of Baton wrote it, and then only the entry that proxy appended.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind, db } from "~/utils/db.server";
import { startServer, type RunningServer } from "../support/built-server";
import { sharedServerBuild } from "../support/shared-build";
import { publishFixtureFlow, seedTeams } from "../support/chat-api";

const LIMIT = 3;
let direct: RunningServer;
let behindProxy: RunningServer;

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
  if (databaseKind === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const buildFile = await sharedServerBuild();
  const databaseUrl = process.env.DATABASE_URL as string;
  const env = { CHAT_RATE_LIMIT_PER_MINUTE: String(LIMIT) };
  [direct, behindProxy] = await Promise.all([
    startServer({ buildFile, databaseUrl, env }),
    startServer({ buildFile, databaseUrl, env: { ...env, TRUST_PROXY: "1" } }),
  ]);
});

afterAll(async () => {
  await Promise.all([direct?.stop(), behindProxy?.stop()]);
});

async function startConversation(server: RunningServer, forwardedFor?: string): Promise<number> {
  const response = await fetch(`${server.url}/api/chat/runtime-test/conversations`, {
    method: "POST",
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  });
  await response.arrayBuffer();
  return response.status;
}

describe("who the rate limit counts", () => {
  it("without TRUST_PROXY, ignores X-Forwarded-For: a client cannot escape its bucket by inventing addresses", async () => {
    const statuses = [];
    for (let index = 1; index <= LIMIT + 1; index += 1) statuses.push(await startConversation(direct, `203.0.113.${index}`));
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it("with TRUST_PROXY=1, counts each client the proxy names, by the entry the proxy appended", async () => {
    for (let index = 0; index < LIMIT; index += 1) expect(await startConversation(behindProxy, "198.51.100.7")).toBe(201);
    expect(await startConversation(behindProxy, "198.51.100.7")).toBe(429);
    // A forged left-most entry does not help: the proxy's own (right-most) entry is the client.
    expect(await startConversation(behindProxy, "10.9.9.9, 198.51.100.7")).toBe(429);
    // Another customer behind the same proxy has a bucket of their own.
    expect(await startConversation(behindProxy, "198.51.100.8")).toBe(201);
  });

  it("answers a limited client with 429, Retry-After and the API's error shape", async () => {
    const response = await fetch(`${direct.url}/api/chat/runtime-test/conversations`, { method: "POST" });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: "Too many requests. Try again shortly." } });
  });
});
