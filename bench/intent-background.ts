/**
 * Embeds the intent classifier's background phrases (app/engines/local/intent-background.json)
 * with the product's sentence encoder and stores their vectors in the same file, quantised to
 * 8 bits per dimension, so no process spends ~4 s of CPU embedding them at start. Re-run after
 * editing the phrases or changing the encoder package.
 * Run: npx tsx bench/intent-background.ts
 */
import fs from "node:fs";
import path from "node:path";
import { encodeBackgroundVectors } from "~/engines/local/intent-background";
import { WorkerSentenceEncoder } from "~/engines/local/sentence-encoder.server";

const file = path.resolve(__dirname, "../app/engines/local/intent-background.json");

export async function main(): Promise<void> {
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as { phrases: string[] };
  const encoder = new WorkerSentenceEncoder({ cacheSize: 0 });
  try {
    const vectors = await encoder.embed(data.phrases);
    fs.writeFileSync(file, `${JSON.stringify({ ...data, ...encodeBackgroundVectors(vectors) }, null, 1)}\n`);
    console.log(`${vectors.length} background vectors written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await encoder.close();
  }
}

if (require.main === module) void main();
