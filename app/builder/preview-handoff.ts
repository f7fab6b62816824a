/**
 * The preview's handoff card, in words: who took the conversation, at what priority and why.
 * The runtime's reason often repeats its trigger ("Customer asked for a person" under the
 * trigger "humanRequest"), so it is shown only when it adds something, such as the reason a
 * lead wrote on a "Hand off to a team" step.
 */
const PRIORITY_NAMES = ["Low", "Normal", "High", "Urgent"];
const TRIGGER_SENTENCES: Record<string, string> = {
  node: "a “Hand off to a team” step sent it",
  humanRequest: "the customer asked for a person",
  repeatedFailure: "the bot failed repeatedly",
  sensitive: "the customer's message touched a sensitive topic",
  error: "a step failed",
};

export type PreviewHandoff = { team: string | null; priority: number; reason: string | null; trigger: string | null };

const comparable = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[.!]+$/, "");

export function describePreviewHandoff(handoff: PreviewHandoff): { title: string; priority: string; why: string } {
  const because = TRIGGER_SENTENCES[handoff.trigger ?? ""] ?? "the flow handed it off";
  const reason = handoff.reason?.trim().replace(/[.!]+$/, "") ?? "";
  const adds = reason !== "" && comparable(reason) !== comparable(because);
  return {
    title: `Handed off to ${handoff.team ?? "a team"}`,
    priority: `${PRIORITY_NAMES[handoff.priority] ?? "Normal"} priority`,
    why: `Why: ${because}${adds ? ` (${reason})` : ""}.`,
  };
}
