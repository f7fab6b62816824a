/**
 * The intent step's built-in social messages (app/nodes/intent/social.ts) on NLU++
 * (../shared/data/nlupp: banking and hotel customer utterances, multi-label, with slots). The
 * rules were written looking at train.json; val.json is reported as held out.
 * - social: rows labelled only greet / thank / end_call → should be recognised;
 * - contact: rows with no intent whose only slot is a person's name ("My name is coppedge");
 * - requests: rows with any intent besides the general ones (greet, thank, end_call, acknowledge,
 *   affirm, deny, dont_know, repeat) → must NOT be recognised as social: they are what the intent
 *   step is for. A request taken for small talk would be answered "Hi! What can I help you with?".
 * Writes bench/results/social.json. Run: npx tsx bench/social.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { readJsonFile } from "~/engines/eval/json-file";
import { readSocial } from "~/nodes/intent/social";

const root = path.resolve(__dirname, "..");
const dataDir = process.env.NLUPP_DIR ?? path.resolve(root, "../shared/data/nlupp");
const RowsSchema = z.array(z.object({ text: z.string(), intents: z.array(z.string()), slots: z.record(z.string(), z.unknown()) }));
const SOCIAL = new Set(["greet", "thank", "end_call"]);
const GENERAL = new Set([...SOCIAL, "acknowledge", "affirm", "deny", "dont_know", "repeat"]);

type Row = z.infer<typeof RowsSchema>[number];
const isSocial = (row: Row) => row.intents.length > 0 && row.intents.every((intent) => SOCIAL.has(intent));
const isContact = (row: Row) => row.intents.length === 0 && Object.keys(row.slots).length > 0 && Object.keys(row.slots).every((slot) => slot === "person_name");
const isRequest = (row: Row) => row.intents.some((intent) => !GENERAL.has(intent));

function measure(file: string) {
  const rows = readJsonFile(path.join(dataDir, file), RowsSchema);
  const rate = (picked: Row[]) => ({ rows: picked.length, recognised: Math.round((picked.filter((row) => readSocial(row.text).kind !== null).length / Math.max(1, picked.length)) * 10_000) / 10_000 });
  const requests = rows.filter(isRequest);
  return {
    social: rate(rows.filter(isSocial)),
    contact: rate(rows.filter(isContact)),
    requests: rate(requests),
    requestsTakenForSocial: requests.filter((row) => readSocial(row.text).kind !== null).map((row) => row.text),
  };
}

export function main(): void {
  const report = {
    dataset: "NLU++ (PolyAI, CC BY 4.0): rules written on train.json; val.json held out",
    generatedAt: new Date().toISOString(),
    machine: `${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" / ")}`,
    train: measure("train.json"),
    val: measure("val.json"),
  };
  fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
  fs.writeFileSync(path.join(root, "bench/results/social.json"), `${JSON.stringify(report, null, 2)}\n`);
  for (const split of ["train", "val"] as const) {
    const { social, contact, requests } = report[split];
    console.log(`${split.padEnd(6)} social recognised ${(social.recognised * 100).toFixed(1)}% of ${social.rows}, contact-only ${(contact.recognised * 100).toFixed(1)}% of ${contact.rows}, requests taken for social ${(requests.recognised * 100).toFixed(1)}% of ${requests.rows}`);
  }
}

if (require.main === module) main();
