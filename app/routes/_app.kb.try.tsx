import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { BusySubmitButton } from "~/components/busy-submit-button";
import { requireAdmin } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Icon } from "~/components/icons";
import { formatConfidence } from "~/utils/confidence";
import { KbSubpageHeader } from "~/kb/components/subpage-header";
import { EngineAnswerCard, OpenAINotConfigured } from "~/kb/components/engine-answer";
import { RetrievedArticles } from "~/kb/components/retrieved-articles";
import { listTryItScopes, tryQuestion, WHOLE_KB_SCOPE, type TryItScope } from "~/kb/try-it.server";
import type { WordsOnlyReason } from "~/kb/words-only";
import kbStyles from "~/styles/kb.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: kbStyles }];
export const meta: MetaFunction = () => [{ title: "Try it · Knowledge base · Baton" }];

const QUESTION_MAX = 4_000;
const TryQuerySchema = z.object({
  q: z.string().trim().max(QUESTION_MAX).catch(""),
  scope: z.string().max(200).catch(WHOLE_KB_SCOPE),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { q, scope: scopeId } = TryQuerySchema.parse({ scope: WHOLE_KB_SCOPE, ...Object.fromEntries(new URL(request.url).searchParams) });
  const scopes = await listTryItScopes();
  const scope = scopes.find((candidate) => candidate.id === scopeId) ?? scopes[0];
  return { q, scope, scopes, result: q ? await tryQuestion(q, scope) : null };
}

function describeScope(scope: TryItScope): string {
  const where = scope.flowName ? `${scope.flowName} → KB node “${scope.nodeId}”` : "Any KB node: whole knowledge base";
  const tags = scope.tags.length > 0 ? ` · tags ${scope.tags.join(", ")}` : "";
  return `${where}${tags} · answers at ${formatConfidence(scope.minScore)}+`;
}

export default function TryItPage() {
  const { q, scope, scopes, result } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.location?.pathname === "/kb/try";

  return (
    <div className="page kb-page">
      <KbSubpageHeader title="Try it" description="Ask a question the way a customer would and see which articles the bot finds and what it would answer. Nothing is sent to customers or counted." />
      <Form method="get" className="card" aria-label="Try a question">
        <div className="card-body kb-try-form">
          <div className="field kb-try-question">
            <label className="label" htmlFor="try-question">
              Customer question
            </label>
            <input id="try-question" name="q" className="input" defaultValue={q} maxLength={QUESTION_MAX} placeholder="e.g. how long does a refund take?" autoComplete="off" required />
          </div>
          <div className="field">
            <label className="label" htmlFor="try-scope">
              Answer like
            </label>
            <select id="try-scope" name="scope" className="select" defaultValue={scope.id} key={scope.id}>
              {scopes.map((option) => (
                <option key={option.id} value={option.id}>
                  {describeScope(option)}
                </option>
              ))}
            </select>
          </div>
          <BusySubmitButton className="btn btn-primary kb-try-submit" busy={busy}>
            <Icon name="spark" size={16} />
            {busy ? "Trying…" : "Try it"}
          </BusySubmitButton>
        </div>
      </Form>

      {result ? (
        <>
          {result.wordsOnly ? <WordsOnlyNotice reason={result.wordsOnly} /> : null}
          <div className="kb-engines">
            <EngineAnswerCard title="Local engine" subtitle="Embedded, no network: quotes the best passage" outcome={result.local} minScore={scope.minScore} offersSuggestions={scope.offerSuggestions} />
            {result.openai ? (
              <EngineAnswerCard
                title="OpenAI"
                subtitle={`${result.openai.model}: writes an answer grounded in the top articles`}
                outcome={result.openai}
                minScore={scope.minScore}
                offersSuggestions={scope.offerSuggestions}
              />
            ) : (
              <OpenAINotConfigured />
            )}
          </div>
          <RetrievedArticles articles={result.retrieved} minScore={scope.minScore} wordsOnly={result.wordsOnly !== null} />
        </>
      ) : (
        <p className="muted kb-try-empty">
          Type a question above. To check a new article, <Link to="/kb/new">write it</Link>, save it, then ask about it here.
        </p>
      )}
    </div>
  );
}

function WordsOnlyNotice({ reason }: { reason: Exclude<WordsOnlyReason, null> }) {
  if (reason === "slow") {
    return (
      <p className="kb-try-notice" role="status">
        <strong>Ranked on words alone this time.</strong> Matching by meaning did not answer in time (the server is starting it or is busy), so a customer
        asking now would get these words-only figures. Ask again in a moment before changing an article or a minimum confidence.
      </p>
    );
  }
  return reason === "warming" ? (
    <p className="kb-try-notice" role="status">
      <strong>Ranked on words alone for now.</strong> Baton is still reading the articles for their meaning (for a minute or two after a start or an import), so
      these confidences are rough. Ask again in a moment before changing an article or a minimum confidence.
    </p>
  ) : (
    <p className="kb-try-notice" role="status">
      <strong>Ranked on words alone.</strong> Matching by meaning is off on this server (BATON_SEMANTIC_SEARCH=off) or the articles are not in English.
    </p>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
