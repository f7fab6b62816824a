/**
 * The demo store's chat branding (Threads & Co.), created once: a lead's later changes are kept.
 */
import type { Db } from "~/utils/db.server";

export const DEMO_BRANDING = {
  botName: "Threads assistant",
  avatarText: "T",
  accentColor: "#4f46e5",
  chatTitle: "Threads & Co. help",
  welcomeLine: "Ask about orders, returns and sizing. A person can take over at any time.",
};

export async function seedBranding(db: Db): Promise<{ created: boolean }> {
  const existing = await db.workspaceBranding.findUnique({ where: { id: "workspace" }, select: { id: true } });
  if (existing) return { created: false };
  await db.workspaceBranding.create({ data: { id: "workspace", ...DEMO_BRANDING }, select: { id: true } });
  return { created: true };
}
