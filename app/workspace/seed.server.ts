/**
 * The demo workspace, seeded by `npm start` and by the tests. Every step is idempotent (it only
 * creates what is missing), so this runs on every start. Order matters: flows route to teams,
 * and the generated demo history walks the published flows and shows the articles.
 */
import type { Db } from "~/utils/db.server";
import { seedDemoHistory } from "./seed-history.server";
import { seedKnowledgeBase } from "./seed-knowledge-base.server";
import { seedPeople } from "./seed-people.server";
import { seedStarterFlows } from "./seed-flows.server";

export async function seedDemoWorkspace(db: Db) {
  const people = await seedPeople(db);
  const flows = await seedStarterFlows(db);
  const knowledgeBase = await seedKnowledgeBase(db);
  const history = await seedDemoHistory(db);
  return { people, flows, knowledgeBase, history };
}
