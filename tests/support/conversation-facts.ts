/** One conversation's analytics facts (app/analytics/metrics.ts) for unit tests: a bot conversation with nothing happened yet, plus what the test says. */
import type { ConversationFacts } from "~/analytics/metrics";

export function conversationFacts(id: string, createdAt: number, overrides: Partial<ConversationFacts> = {}): ConversationFacts {
  return {
    id,
    flowId: "flow-a",
    createdAt,
    status: "bot",
    escalatedAt: null,
    firstEscalatedAt: null,
    firstHumanResponseAt: null,
    csat: null,
    resolvedBy: null,
    handoffTrigger: null,
    handoffNodeId: null,
    contactId: null,
    nextContactAt: null,
    ...overrides,
  };
}
