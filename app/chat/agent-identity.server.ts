/**
 * How a person appears to the customer in the chat: their first name (never the full name or
 * email), avatar initials, and the team they answer for — the conversation's team when they
 * are in it, else their own first team (an admin in no team shows without one).
 */
import type { ChatAgent } from "./types";

export type AgentRecord = { name: string; memberships: Array<{ team: { id: string; name: string } }> };

export function firstName(name: string | null | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}

/** "Ana Agent" → "AA", "Ben" → "B". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return picked.map((word) => Array.from(word)[0]?.toUpperCase() ?? "").join("");
}

export function describeAgent(person: AgentRecord | null | undefined, conversationTeamId: string | null): ChatAgent | null {
  const name = firstName(person?.name);
  if (!person || !name) return null;
  const teams = person.memberships.map((membership) => membership.team).sort((a, b) => a.name.localeCompare(b.name));
  const team = teams.find((candidate) => candidate.id === conversationTeamId) ?? teams[0] ?? null;
  return { name, initials: initialsOf(person.name), team: team?.name ?? null };
}

/** The Prisma select that gives an AgentRecord. */
export const AGENT_RECORD_SELECT = { name: true, memberships: { select: { team: { select: { id: true, name: true } } } } } as const;
