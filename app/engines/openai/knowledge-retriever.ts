/**
 * Grounded answers by an OpenAI model. Retrieval stays local (the same hybrid ranking and the
 * same calibrated confidence, so a kb node's minScore means the same with either engine); the
 * model only writes the answer from the retrieved articles and must cite them by id. The model
 * is never asked how sure it is (a model's stated confidence is not a probability): the answer's
 * confidence is the local calibrated confidence of the article it cites first, and below the
 * node's minScore the answer is notFound even if the model wrote one. Citations are checked
 * against what was retrieved: an answer that cites no retrieved article is notFound (null),
 * whatever the model claims. Any error → the local extractive answer, with `fallback`.
 * Asked to `suggest`, a question whose best article is below minScore gets the same suggestions
 * as from the local engine, with their extractive answers: the model is only asked to write an
 * answer from an article that reached minScore.
 */
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { CUSTOMER_TEXT_IS_DATA, describeError, FALLBACK_ENGINE, type OpenAIEngineConfig } from "./config";
import type { KnowledgeIndex } from "../local/knowledge-index";
import type { LocalKnowledgeRetriever } from "../local/knowledge-retriever";
import { buildSuggestions, MAX_SUGGESTIONS } from "../local/knowledge-suggestions";
import type { ArticleRef, KbAnswer, KbAnswerInput, KbSuggestions, KnowledgeRetriever, RetrievedArticle } from "../types";

const CONTEXT_ARTICLES = 3;
const ARTICLE_CHARS = 4_000;

export const GroundedAnswerSchema = z.object({
  answer: z.string(),
  citations: z.array(z.string()),
});

const SYSTEM_PROMPT = [
  "You answer a customer's question for a support team using ONLY the help articles provided.",
  "Cite the id of every article your answer uses in `citations`.",
  "If the articles do not answer the question, reply with an empty answer and no citations; never guess.",
  "Be brief (at most four sentences) and never promise anything the articles do not say.",
  CUSTOMER_TEXT_IS_DATA,
].join("\n");

export class OpenAIKnowledgeRetriever implements KnowledgeRetriever {
  constructor(
    private readonly config: OpenAIEngineConfig,
    private readonly local: LocalKnowledgeRetriever,
    private readonly loadIndex: () => Promise<KnowledgeIndex>,
  ) {}

  search(input: { query: string; tags?: string[]; limit?: number }): Promise<RetrievedArticle[]> {
    return this.local.search(input);
  }

  answer(input: KbAnswerInput & { suggest: boolean }): Promise<KbAnswer | KbSuggestions | null>;
  answer(input: KbAnswerInput): Promise<KbAnswer | null>;
  async answer(input: KbAnswerInput & { suggest?: boolean }): Promise<KbAnswer | KbSuggestions | null> {
    const retrieved = await this.local.search({ query: input.query, tags: input.tags, limit: Math.max(CONTEXT_ARTICLES, MAX_SUGGESTIONS) });
    // The runners-up go along as context (an answer may need two articles), but only when the best one is confident.
    if (!retrieved[0] || retrieved[0].score < input.minScore) {
      return input.suggest ? buildSuggestions(await this.loadIndex(), retrieved, input.query, input.minScore) : null;
    }
    try {
      const answer = await this.answerRemotely(input.query, retrieved.slice(0, CONTEXT_ARTICLES));
      return answer && answer.score >= input.minScore ? answer : null;
    } catch (error) {
      const answer = await this.local.answer(input);
      return answer && { ...answer, fallback: { engine: FALLBACK_ENGINE, error: describeError(error) } };
    }
  }

  private async answerRemotely(query: string, retrieved: RetrievedArticle[]): Promise<KbAnswer | null> {
    const index = await this.loadIndex();
    const articles = retrieved.map((article) => ({
      id: article.id,
      title: article.title,
      text: (index.get(article.id)?.text ?? "").slice(0, ARTICLE_CHARS),
    }));
    const completion = await this.config.client.chat.completions.parse({
      model: this.config.model,
      temperature: 0,
      messages: [
        { role: "system", content: `${SYSTEM_PROMPT}\nArticles (JSON):\n${JSON.stringify(articles)}` },
        { role: "user", content: JSON.stringify(query) },
      ],
      response_format: zodResponseFormat(GroundedAnswerSchema, "grounded_answer"),
    });
    const output = GroundedAnswerSchema.parse(completion.choices[0]?.message.parsed);
    const byId = new Map(retrieved.map((article) => [article.id, article]));
    const cited = [...new Set(output.citations)].map((id) => byId.get(id)).filter((a): a is RetrievedArticle => a !== undefined);
    if (cited.length === 0 || output.answer.trim() === "") return null;
    const refs: ArticleRef[] = cited.map(({ id, slug, title }) => ({ id, slug, title }));
    return { article: refs[0], text: output.answer.trim(), score: cited[0].score, citations: refs };
  }
}
