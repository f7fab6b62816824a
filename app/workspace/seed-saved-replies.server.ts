/**
 * A few saved replies for each demo team, so an agent trying the demo finds the composer's
 * "Saved replies" menu in use rather than empty. Created only with the team itself (on the start
 * that created it): a team whose lead deleted them, or a real team, never gets them back.
 */
import type { Db } from "~/utils/db.server";

export const DEMO_SAVED_REPLIES: Record<string, Array<{ title: string; text: string }>> = {
  support: [
    { title: "Greeting", text: "Hi, thanks for your patience! I'm looking into this for you now." },
    { title: "Password reset link", text: "I've sent a fresh password reset link to the email on your account. It's valid for one hour — check your spam folder if it hasn't arrived in a few minutes." },
    { title: "Replacement on its way", text: "I'm sorry your parcel didn't arrive. I've sent a replacement by express delivery at no cost; you'll get the tracking number by email today." },
  ],
  billing: [
    { title: "Refund issued", text: "I've issued your refund. It goes back to your original payment method and usually shows within 5–7 business days." },
    { title: "Duplicate charge", text: "I can see the duplicate charge, and I've refunded it. It can take a few days to disappear from your statement." },
  ],
};

export async function seedSavedReplies(db: Db, createdTeams: string[]): Promise<{ created: number }> {
  let created = 0;
  for (const slug of createdTeams) {
    const replies = DEMO_SAVED_REPLIES[slug] ?? [];
    if (replies.length === 0) continue;
    const team = await db.team.findUnique({ where: { slug }, select: { id: true } });
    if (!team) continue;
    await db.savedReply.createMany({ data: replies.map((reply) => ({ teamId: team.id, ...reply })) });
    created += replies.length;
  }
  return { created };
}
