/**
 * The production server's direct dispatch of the chat API's resource routes (app/cli/api-routes.ts),
 * on a small fake server build: the same route table Remix would build, params, thrown
 * Responses, unexpected errors and fall-through for anything that is not an API resource route.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { collectApiRoutes, createApiHandler, matchApiRoute } from "~/cli/api-routes";

type Args = { request: Request; params: Record<string, string>; context: Record<string, unknown> };

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const fakeBuild = {
  routes: {
    root: { id: "root", path: "", module: { default: () => null } },
    "routes/api.conversations.$id": {
      id: "routes/api.conversations.$id",
      parentId: "root",
      path: "api/conversations/:id",
      module: { loader: ({ params }: Args) => json({ route: "conversation", id: params.id }) },
    },
    "routes/api.conversations.$id.messages": {
      id: "routes/api.conversations.$id.messages",
      parentId: "routes/api.conversations.$id",
      path: "messages",
      module: {
        action: async ({ request, params, context }: Args) => {
          if (request.headers.get("authorization") !== "Bearer ok") throw json({ error: { code: "not_found" } }, 404);
          if (params.id === "boom") throw new Error("a bug");
          return json({ id: params.id, body: await request.json(), client: context.clientAddress, method: request.method });
        },
      },
    },
    "routes/api.page": { id: "routes/api.page", parentId: "root", path: "api/page", module: { default: () => null, loader: () => json({}) } },
    "routes/teams": { id: "routes/teams", parentId: "root", path: "teams", module: { loader: () => json({}) } },
  },
} as unknown as ServerBuild;

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use("/api/", createApiHandler(fakeBuild, () => ({ clientAddress: "192.0.2.9" })));
  app.use((_req, res) => res.status(418).send("fell through to Remix"));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the API route table", () => {
  it("has every resource route under api/ with its full (nested) path, and no page routes", () => {
    const routes = collectApiRoutes(fakeBuild);
    expect(routes.map((route) => route.segments.join("/")).sort()).toEqual(["api/conversations/:id", "api/conversations/:id/messages"]);
    expect(matchApiRoute(routes, "/api/conversations/c%201/messages")?.params).toEqual({ id: "c 1" });
    expect(matchApiRoute(routes, "/api/conversations/c1/")?.route.segments.at(-1)).toBe(":id");
    expect(matchApiRoute(routes, "/api/conversations//messages")).toBeNull();
    expect(matchApiRoute(routes, "/api/teams")).toBeNull();
  });
});

describe("dispatch", () => {
  it("calls the action with a Fetch Request, the params and the server's load context", async () => {
    const response = await fetch(`${base}/api/conversations/c1/messages`, { method: "POST", headers: { authorization: "Bearer ok", "content-type": "application/json" }, body: JSON.stringify({ text: "hi" }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("content-length")).not.toBeNull();
    expect(await response.json()).toEqual({ id: "c1", body: { text: "hi" }, client: "192.0.2.9", method: "POST" });
  });

  it("calls the loader for GET", async () => {
    expect(await (await fetch(`${base}/api/conversations/c2`)).json()).toEqual({ route: "conversation", id: "c2" });
  });

  it("answers with a Response the route throws (a guard's 404)", async () => {
    const response = await fetch(`${base}/api/conversations/c1/messages`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found" } });
  });

  it("turns an unexpected error into a JSON 500 and logs it", async () => {
    // This error is expected: catch it here instead of the failing console.error spy of tests/setup.
    const spy = vi.mocked(console.error);
    const failOnError = spy.getMockImplementation();
    const logged: unknown[][] = [];
    spy.mockImplementation((...args: unknown[]) => void logged.push(args));
    try {
      const response = await fetch(`${base}/api/conversations/boom/messages`, { method: "POST", headers: { authorization: "Bearer ok" }, body: "{}" });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: { code: "internal_error", message: "Something went wrong on our side. Please try again." } });
    } finally {
      if (failOnError) spy.mockImplementation(failOnError);
    }
    expect(logged.map((args) => String(args[0]))).toEqual(["Error: a bug"]);
  });

  it("leaves unknown paths and methods without a handler to Remix", async () => {
    expect((await fetch(`${base}/api/nothing-here`)).status).toBe(418);
    expect((await fetch(`${base}/api/conversations/c2`, { method: "POST" })).status).toBe(418);
  });
});
