/**
 * The starter flows that ship in flows/ (the seed publishes them too): a new flow can begin as
 * a copy of one. Read on demand, so a file added to flows/ shows up without a restart.
 */
import fs from "node:fs";
import path from "node:path";
import { parseFlowDocument, type FlowDocument } from "~/flow";
import { getEnv } from "~/utils/env.server";
import { pointAtDemoApi } from "~/workspace/seed-demo-api.server";
import { summariseStarter } from "./starter-summary";

export type StarterFlow = { id: string; name: string; steps: number; summary: string; document: FlowDocument };

function flowsDirectory(): string {
  return process.env.BATON_FLOWS_DIR ?? path.resolve("flows");
}

/** Every valid starter, by file name without `.json` (invalid files are skipped: the seed reports them). */
export function listStarterFlows(): StarterFlow[] {
  const directory = flowsDirectory();
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((file) => {
      try {
        // Like the seed: a copy of a starter calls the demo order API on the port Baton serves on.
        const parsed = parseFlowDocument(pointAtDemoApi(JSON.parse(fs.readFileSync(path.join(directory, file), "utf8")), getEnv().PORT));
        if (!parsed.ok) return [];
        return [{ id: file.slice(0, -".json".length), name: parsed.document.name, steps: parsed.document.nodes.length, summary: summariseStarter(parsed.document), document: parsed.document }];
      } catch {
        return [];
      }
    });
}

export function getStarterFlow(id: string): StarterFlow | null {
  return listStarterFlows().find((starter) => starter.id === id) ?? null;
}
