/**
 * The hosts `http` steps may call: the workspace's list (managed on the API connections page)
 * plus BATON_HTTP_ALLOWED_HOSTS. Entries from the environment come from the operator and may
 * reach private addresses; workspace entries only when their "internal address" box is ticked.
 */
import { db } from "~/utils/db.server";
import { hasPrismaCode } from "~/utils/prisma-errors";
import { parseHostList, type HostRule } from "./host-rules";

export const ALLOWED_HOSTS_VARIABLE = "BATON_HTTP_ALLOWED_HOSTS";

export function environmentHostRules(): HostRule[] {
  return parseHostList(process.env[ALLOWED_HOSTS_VARIABLE], ALLOWED_HOSTS_VARIABLE).map((host) => ({ host, allowPrivate: true, source: "environment" }));
}

export type WorkspaceHost = { id: string; host: string; allowPrivate: boolean; note: string };

export async function listWorkspaceHosts(): Promise<WorkspaceHost[]> {
  return db.httpAllowedHost.findMany({ orderBy: { host: "asc" }, select: { id: true, host: true, allowPrivate: true, note: true } });
}

export async function loadHostRules(): Promise<HostRule[]> {
  const rows = await listWorkspaceHosts();
  return [...rows.map((row): HostRule => ({ host: row.host, allowPrivate: row.allowPrivate, source: "workspace" })), ...environmentHostRules()];
}

/** Adds the host, or updates its settings when it is already listed. */
export async function allowHost(input: { host: string; allowPrivate: boolean; note?: string }): Promise<void> {
  const data = { allowPrivate: input.allowPrivate, note: input.note ?? "" };
  await db.httpAllowedHost.upsert({ where: { host: input.host }, create: { host: input.host, ...data }, update: data });
}

/**
 * The removed host's name (for the notice), or null when it was already gone. One statement: a
 * read before the delete would only open a window for another admin's removal to slip between.
 */
export async function removeHost(id: string): Promise<string | null> {
  try {
    const removed = await db.httpAllowedHost.delete({ where: { id }, select: { host: true } });
    return removed.host;
  } catch (error) {
    if (hasPrismaCode(error, "P2025")) return null;
    throw error;
  }
}
