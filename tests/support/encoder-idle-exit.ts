/**
 * Run as a child process by tests/unit/engines/sentence-encoder.test.ts: embeds once in the
 * background and returns from the main module. The process must then exit on its own (an idle
 * encoder never holds it open), after the embedding it started has finished.
 */
import { getSentenceEncoder } from "~/engines/local/sentence-encoder.server";

getSentenceEncoder()
  .embed(["track my package"])
  .then(([vector]) => console.log(`embedded ${vector.length}`));
