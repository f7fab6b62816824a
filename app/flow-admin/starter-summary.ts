/**
 * What a starter flow does, in one sentence built from its steps, for the New flow dialog: the
 * lead picks a starter by what it handles ("Sorts messages into order status, …; hands off to
 * Support or Billing"), which "A ready-made flow with 18 steps" did not say.
 */
import type { FlowDocument } from "~/flow";
import { describeFieldToPeople } from "~/nodes/shared/field-name";

const MAX_FIELDS = 3;

export function summariseStarter(document: FlowDocument): string {
  const intents: string[] = [];
  const fields: string[] = [];
  const teams: string[] = [];
  let answersFromKb = false;
  let callsApi = false;
  for (const node of document.nodes) {
    if (node.kind === "intent") intents.push(...node.data.intents.map((intent) => describeFieldToPeople(intent.name)));
    else if (node.kind === "collect") fields.push(describeFieldToPeople(node.data.field));
    else if (node.kind === "escalate") teams.push(teamName(node.data.team));
    else if (node.kind === "kb") answersFromKb = true;
    else if (node.kind === "http") callsApi = true;
  }
  const asked = [...new Set(fields)];
  const parts = [
    intents.length > 0 ? `sorts messages into ${listOf([...new Set(intents)], "and")}` : null,
    asked.length > 0 ? `asks for ${listOf(asked.length > MAX_FIELDS ? [...asked.slice(0, MAX_FIELDS), `${asked.length - MAX_FIELDS} more`] : asked, "and", "the ")}` : null,
    answersFromKb ? "answers from the help centre" : null,
    callsApi ? "looks things up through an API" : null,
    teams.length > 0 ? `hands off to ${listOf([...new Set(teams)], "or")}` : null,
  ].filter((part): part is string => part !== null);
  const steps = `${document.nodes.length} steps to adapt.`;
  if (parts.length === 0) return `A ready-made flow with ${steps}`;
  const sentence = parts.join("; ");
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}. ${steps}`;
}

/** The seeded teams' slugs ("support") read as their names ("Support"). */
function teamName(slug: string): string {
  const words = slug.replace(/[-_]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : slug;
}

/** "a, b and c"; `article` goes before the first item only ("the order number, email and …"). */
function listOf(items: string[], conjunction: "and" | "or", article = ""): string {
  const [first, ...rest] = items;
  const head = `${article}${first}`;
  if (rest.length === 0) return head;
  return `${[head, ...rest.slice(0, -1)].join(", ")} ${conjunction} ${rest[rest.length - 1]}`;
}
