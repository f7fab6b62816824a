/**
 * Makes the demo order API (/api/demo/orders, served by Baton itself) reachable from flows:
 * starter flows call it at http://localhost:3000, which the seed points at the port Baton
 * really serves on, and the seed allows that host (a loopback address, so it is explicitly
 * marked as allowed to be internal). Idempotent, like every seed step.
 */
import type { Db } from "~/utils/db.server";

export const STARTER_DEMO_API = "http://localhost:3000/api/demo/";

export function demoApiHost(port: number): string {
  return `localhost:${port}`;
}

type JsonNode = { kind?: unknown; data?: { url?: unknown } };

/** The starter document with its demo-API calls aimed at `port` (other URLs untouched). */
export function pointAtDemoApi(document: unknown, port: number): unknown {
  if (!document || typeof document !== "object" || !Array.isArray((document as { nodes?: unknown }).nodes)) return document;
  const nodes = ((document as { nodes: JsonNode[] }).nodes).map((node) => {
    const url = node.kind === "http" ? node.data?.url : undefined;
    if (typeof url !== "string" || !url.startsWith(STARTER_DEMO_API)) return node;
    return { ...node, data: { ...node.data, url: `http://${demoApiHost(port)}/api/demo/${url.slice(STARTER_DEMO_API.length)}` } };
  });
  return { ...document, nodes };
}

export async function seedDemoApiHost(db: Db, port: number): Promise<boolean> {
  const host = demoApiHost(port);
  const existing = await db.httpAllowedHost.findUnique({ where: { host }, select: { id: true } });
  if (existing) return false;
  await db.httpAllowedHost.create({ data: { host, allowPrivate: true, note: "Baton's demo order API (demo data)" } });
  return true;
}
