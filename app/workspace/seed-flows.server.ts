/**
 * Publishes the starter flows in flows/*.json. Runs on every start and in tests, so it is
 * idempotent: a document whose exact hash is already published is skipped. Teams must be
 * seeded first (flows route to teams by slug). An invalid starter flow is reported and skipped
 * rather than stopping the app.
 */
import fs from "node:fs";
import path from "node:path";
import type { Db } from "~/utils/db.server";
import { publishFlow } from "~/runtime/flow-versions.server";
import { getEnv } from "~/utils/env.server";
import { pointAtDemoApi } from "./seed-demo-api.server";

export type SeedFlowsReport = { published: string[]; unchanged: string[]; invalid: string[] };

export async function seedStarterFlows(db: Db, directory = process.env.BATON_FLOWS_DIR ?? path.resolve("flows"), port = getEnv().PORT): Promise<SeedFlowsReport> {
  const report: SeedFlowsReport = { published: [], unchanged: [], invalid: [] };
  if (!fs.existsSync(directory)) return report;
  const files = fs.readdirSync(directory).filter((name) => name.endsWith(".json")).sort();
  for (const name of files) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(directory, name), "utf8"));
    } catch {
      report.invalid.push(name);
      continue;
    }
    const result = await publishFlow(pointAtDemoApi(json, port), { client: db, skipIfPublished: true });
    if (!result.ok) {
      report.invalid.push(name);
      console.warn(`starter flow ${name} was not published: ${result.errors.map((error) => error.message).join("; ")}`);
    } else (result.created ? report.published : report.unchanged).push(name);
  }
  return report;
}
