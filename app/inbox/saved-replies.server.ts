/**
 * Saved replies ("canned responses"), per team: the agents of a team and the admins manage
 * them; the composer offers the conversation's team's replies. Titles are unique per team so
 * the picker never shows two entries that look the same.
 */
import { db } from "~/utils/db.server";
import type { InboxViewer } from "./access.server";
import { refuse, type ActionOutcome } from "./agent-turn.server";
import type { SavedReplyItem } from "./view";

export async function listSavedReplies(teamIds: string[]): Promise<SavedReplyItem[]> {
  if (teamIds.length === 0) return [];
  return db.savedReply.findMany({
    where: { teamId: { in: teamIds } },
    orderBy: [{ title: "asc" }],
    select: { id: true, teamId: true, title: true, text: true },
  });
}

function canManage(viewer: InboxViewer, teamId: string): boolean {
  return viewer.teams.some((team) => team.id === teamId);
}

export async function saveSavedReply(viewer: InboxViewer, input: { id?: string; teamId: string; title: string; text: string }): Promise<ActionOutcome> {
  if (!canManage(viewer, input.teamId)) return refuse(403, "forbidden", "You can only manage the saved replies of your teams.", "teamId");
  const existing = input.id ? await db.savedReply.findUnique({ where: { id: input.id }, select: { teamId: true } }) : null;
  if (input.id && (!existing || !canManage(viewer, existing.teamId))) return refuse(404, "not_found", "That saved reply no longer exists.");
  const clash = await db.savedReply.findFirst({
    where: { teamId: input.teamId, title: input.title, ...(input.id ? { id: { not: input.id } } : {}) },
    select: { id: true },
  });
  if (clash) return refuse(400, "duplicate_title", "This team already has a saved reply with that title.", "title");
  if (input.id) {
    await db.savedReply.update({ where: { id: input.id }, data: { teamId: input.teamId, title: input.title, text: input.text }, select: { id: true } });
    return { ok: true, notice: "Saved reply updated." };
  }
  await db.savedReply.create({ data: { teamId: input.teamId, title: input.title, text: input.text }, select: { id: true } });
  return { ok: true, notice: "Saved reply added." };
}

export async function deleteSavedReply(viewer: InboxViewer, id: string): Promise<ActionOutcome> {
  const existing = await db.savedReply.findUnique({ where: { id }, select: { teamId: true } });
  if (!existing || !canManage(viewer, existing.teamId)) return refuse(404, "not_found", "That saved reply no longer exists.");
  await db.savedReply.delete({ where: { id }, select: { id: true } });
  return { ok: true, notice: "Saved reply deleted." };
}
