/**
 * The e2e apps' databases are copies of templates migrated and seeded once per run
 * (tests/setup/e2e-global.ts). The seed aims the starter flows' demo-API calls, and the allowed
 * host that lets them through, at the port Baton serves on; a template is seeded on the starters'
 * own port, so each copy is pointed at its app's port the way the seed would have done it.
 */
import type { PrismaClient } from "~/generated/prisma/client";
import type { FlowDocument } from "~/flow/document";
import { hashFlowDocument } from "~/flow/hash.server";
import { stringifyFlowDocument } from "~/flow/parse";
import { demoApiHost, pointAtDemoApi, STARTER_DEMO_API } from "~/workspace/seed-demo-api.server";

export const TEMPLATE_PORT = Number(new URL(STARTER_DEMO_API).port);

export async function pointDemoApiAt(db: PrismaClient, port: number): Promise<void> {
  if (port === TEMPLATE_PORT) return;
  const repoint = (json: string) => pointAtDemoApi(JSON.parse(json), port) as FlowDocument;
  const flows = await db.flow.findMany({ select: { id: true, draft: true } });
  const versions = await db.flowVersion.findMany({ select: { id: true, document: true } });
  await db.$transaction([
    ...flows.map(({ id, draft }) => db.flow.update({ where: { id }, data: { draft: stringifyFlowDocument(repoint(draft)) } })),
    ...versions.map(({ id, document }) => {
      const repointed = repoint(document);
      return db.flowVersion.update({ where: { id }, data: { document: stringifyFlowDocument(repointed), documentHash: hashFlowDocument(repointed) } });
    }),
    db.httpAllowedHost.update({ where: { host: demoApiHost(TEMPLATE_PORT) }, data: { host: demoApiHost(port) } }),
  ]);
}
