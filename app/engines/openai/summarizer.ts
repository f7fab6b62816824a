/**
 * Handoff summaries by an OpenAI model: the transcript and the captured data go in as JSON
 * data; the model writes two or three plain sentences for the agent. Any error → the local
 * extractive summary, with `fallback`.
 */
import { CUSTOMER_TEXT_IS_DATA, describeError, FALLBACK_ENGINE, type OpenAIEngineConfig } from "./config";
import type { Summarizer, SummaryInput } from "../types";

const MAX_TRANSCRIPT_LINES = 60;
const SYSTEM_PROMPT = [
  "You write the handoff note a human support agent reads before answering a customer.",
  "In at most three short sentences: the customer's problem, the details already captured, and what the bot already tried.",
  "Use only facts present in the data. Plain text, no lists, no greetings.",
  CUSTOMER_TEXT_IS_DATA,
].join("\n");

export class OpenAISummarizer implements Summarizer {
  constructor(
    private readonly config: OpenAIEngineConfig,
    private readonly local: Summarizer,
  ) {}

  async summarize(input: SummaryInput): Promise<{ text: string; fallback?: { engine: string; error: string } }> {
    try {
      const completion = await this.config.client.chat.completions.create({
        model: this.config.model,
        temperature: 0,
        messages: [
          { role: "system", content: SYSTEM_PROMPT },
          { role: "user", content: JSON.stringify({ ...input, transcript: input.transcript.slice(-MAX_TRANSCRIPT_LINES) }) },
        ],
      });
      const text = completion.choices[0]?.message.content?.trim();
      if (!text) throw new Error("empty summary");
      return { text };
    } catch (error) {
      const summary = await this.local.summarize(input);
      return { text: summary.text, fallback: { engine: FALLBACK_ENGINE, error: describeError(error) } };
    }
  }
}
