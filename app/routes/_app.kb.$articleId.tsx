import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { BusySubmitButton } from "~/components/busy-submit-button";
import { RouteErrorBoundary } from "~/components/error-page";
import { Icon } from "~/components/icons";
import { readArticleForm, toFormErrors } from "~/kb/article-form";
import { deleteArticle, EDIT_CONFLICT_MESSAGE, getArticle, updateArticle } from "~/kb/articles.server";
import { ArticleEditor } from "~/kb/components/article-editor";
import { KbSubpageHeader } from "~/kb/components/subpage-header";
import { DeleteArticleButton } from "~/kb/components/delete-article-dialog";
import { StatusBadge } from "~/kb/components/status-badge";
import { UsageSummary } from "~/kb/components/usage-summary";
import { formatAbsolute, formatRelative } from "~/kb/format";
import { listFlowTags } from "~/kb/kb-nodes.server";
import { NO_USAGE } from "~/kb/usage";
import { getArticleUsage } from "~/kb/usage.server";
import kbStyles from "~/styles/kb.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: kbStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.article.title ?? "Article"} · Knowledge base · Baton` }];

async function requireArticle(idOrSlug: string | undefined) {
  const article = idOrSlug ? await getArticle(idOrSlug) : null;
  if (!article) throw new Response("Article not found", { status: 404 });
  return article;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const article = await requireArticle(params.articleId);
  const [usage, flowTags] = await Promise.all([getArticleUsage({ articleId: article.id }), listFlowTags()]);
  const saved = new URL(request.url).searchParams.get("saved") === "created";
  return { article, usage: usage.get(article.id) ?? NO_USAGE, flowTags, created: saved, now: Date.now() };
}

/**
 * Which of the two Save buttons sent the form (the submitter's name and value), so "Saved" shows
 * beside it: saved from the bottom of a long article, the notice under the header was out of view.
 * Enter in a field submits through the header's button, the form's first.
 */
const SAVED_FROM = "savedFrom";
const SavedFromSchema = z.enum(["header", "footer"]).catch("header");

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), updatedAt: z.coerce.date(), [SAVED_FROM]: SavedFromSchema }),
  z.object({ intent: z.literal("delete") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAdmin(request);
  const article = await requireArticle(params.articleId);
  const form = await request.formData();
  const parsed = ActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ ok: false as const, errors: { form: "This form is out of date. Reload the page and try again." }, at: 0 }, { status: 400 });
  if (parsed.data.intent === "delete") {
    await deleteArticle(article.id);
    return redirect(`/kb?${new URLSearchParams({ deleted: article.title })}`);
  }
  const input = readArticleForm(form);
  const result = await updateArticle(article.id, input, undefined, { ifUpdatedAt: parsed.data.updatedAt });
  if (!result) throw new Response("Article not found", { status: 404 });
  if (!result.ok) {
    const conflict = result.errors.some((error) => error.message === EDIT_CONFLICT_MESSAGE);
    return data({ ok: false as const, errors: toFormErrors(result.errors, input.tags, input.questions), at: 0 }, { status: conflict ? 409 : 400 });
  }
  const notice = result.article.status === "published" ? "Saved. The bot answers from this version now." : "Saved as a draft. The bot does not use drafts.";
  return { ok: true as const, notice, savedFrom: parsed.data.savedFrom, at: Date.now() };
}

const ARTICLE_FORM = "kb-article";

export default function ArticlePage() {
  const { article, usage, flowTags, created, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busyIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const createdNotice = article.status === "published" ? "Article created and published. The bot can answer from it now." : "Draft created. Publish it when it's ready for customers.";
  const saved = result?.ok ? result : null;
  const headerNotice = saved ? (saved.savedFrom === "header" ? saved.notice : null) : created && !result ? createdNotice : null;
  // "Created" is said once: a reload or a shared link must not announce it again.
  useEffect(() => {
    if (!created) return;
    const url = new URL(window.location.href);
    url.searchParams.delete("saved");
    window.history.replaceState(window.history.state, "", url);
  }, [created]);

  return (
    <div className="page kb-page">
      <KbSubpageHeader
        title={article.title}
        description={
          <span className="kb-article-meta">
            <StatusBadge status={article.status} />
            <span title={formatAbsolute(article.updatedAt)}>Updated {formatRelative(article.updatedAt, now)}</span>
            <span>
              Slug <code>{article.slug}</code>
            </span>
          </span>
        }
        actions={
          <>
            <Link to={`/kb/try?${new URLSearchParams({ q: article.title })}`} className="btn btn-secondary">
              Try it
            </Link>
            <DeleteArticleButton title={article.title} shown={usage.shown} busy={busyIntent === "delete"} />
            <BusySubmitButton form={ARTICLE_FORM} name={SAVED_FROM} value="header" className="btn btn-primary" busy={busyIntent === "save"}>
              Save
            </BusySubmitButton>
          </>
        }
      />
      {headerNotice ? (
        <p className="notice" role="status" key={saved ? saved.at : "created"}>
          {headerNotice}
        </p>
      ) : null}
      <UsageSummary usage={usage} now={now} />
      <ArticleEditor
        formId={ARTICLE_FORM}
        key={article.id}
        defaults={article}
        errors={result && !result.ok ? result.errors : undefined}
        busy={busyIntent === "save"}
        submitLabel="Save changes"
        submitter={{ name: SAVED_FROM, value: "footer" }}
        footerStatus={
          saved?.savedFrom === "footer" ? (
            <span key={saved.at} className="kb-save-status-text">
              <Icon name="check" size={16} />
              {saved.notice}
            </span>
          ) : null
        }
        flowTags={flowTags}
        hidden={{ intent: "save", updatedAt: new Date(article.updatedAt).toISOString() }}
      />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
