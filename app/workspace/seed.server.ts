/**
 * The demo workspace, seeded by `npm start` and by the tests. Every step is idempotent (it only
 * creates what is missing), so this runs on every start. Order matters: flows route to teams,
 * and the generated demo history walks the published flows and shows the articles.
 */
import type { Db } from "~/utils/db.server";
import { seedDemoHistory } from "./seed-history.server";
import { seedKnowledgeBase } from "./seed-knowledge-base.server";
import { seedBranding } from "./seed-branding.server";
import { seedPeople } from "./seed-people.server";
import { seedSavedReplies } from "./seed-saved-replies.server";
import { seedStarterFlows } from "./seed-flows.server";
import { seedDemoApiHost } from "./seed-demo-api.server";
import { getEnv } from "~/utils/env.server";

export async function seedDemoWorkspace(db: Db) {
  const people = await seedPeople(db);
  const savedReplies = await seedSavedReplies(db, people.createdTeams);
  // The port Baton serves on: the starter flows' demo API calls go to Baton itself.
  const { PORT } = getEnv();
  const demoApi = await seedDemoApiHost(db, PORT);
  const flows = await seedStarterFlows(db, undefined, PORT);
  const knowledgeBase = await seedKnowledgeBase(db);
  const history = await seedDemoHistory(db);
  const branding = await seedBranding(db);
  return { people, savedReplies, demoApi, flows, knowledgeBase, history, branding };
}
