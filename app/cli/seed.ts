/**
 * Seeds the demo workspace (people, starter flows, knowledge base, generated history) into DATABASE_URL (default
 * ./data/baton.db), which must already be migrated. Idempotent. `npm start` seeds by itself;
 * this is for tests and for a database prepared by hand: `npx tsx app/cli/seed.ts`.
 */
import { db } from "~/utils/db.server";
import { seedDemoWorkspace } from "~/workspace/seed.server";

seedDemoWorkspace(db)
  .then(async (report) => {
    await db.$disconnect();
    console.log(
      JSON.stringify({
        createdPeople: report.people.createdPeople,
        createdTeams: report.people.createdTeams,
        publishedFlows: report.flows.published,
        createdArticles: report.knowledgeBase.created.length,
        demoHistoryConversations: report.history.created,
      }),
    );
  })
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
