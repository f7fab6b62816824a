import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { readArticleForm, toFormErrors } from "~/kb/article-form";
import { TITLE_MAX } from "~/kb/article-schema";
import { createArticle } from "~/kb/articles.server";
import { ArticleEditor } from "~/kb/components/article-editor";
import { KbSubpageHeader } from "~/kb/components/subpage-header";
import { listFlowTags } from "~/kb/kb-nodes.server";
import kbStyles from "~/styles/kb.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: kbStyles }];
export const meta: MetaFunction = () => [{ title: "New article · Knowledge base · Baton" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  // From "Write an article" beside a question the bot could not answer: the question is the first title.
  const question = new URL(request.url).searchParams.get("question")?.trim().slice(0, TITLE_MAX) ?? "";
  return { flowTags: await listFlowTags(), question };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const input = readArticleForm(await request.formData());
  const result = await createArticle(input);
  if (!result.ok) return data({ errors: toFormErrors(result.errors, input.tags, input.questions), input }, { status: 400 });
  return redirect(`/kb/${result.article.id}?saved=created`);
}

export default function NewArticlePage() {
  const { flowTags, question } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const navigation = useNavigation();
  const defaults = failed?.input
    ? { ...failed.input, status: failed.input.status === "draft" ? ("draft" as const) : ("published" as const) }
    : { title: question, body: "", tags: [], questions: question ? [question] : [], status: "published" as const };
  return (
    <div className="page kb-page">
      <KbSubpageHeader title="New article" description="Write it the way you'd answer a customer: the bot quotes the passage that best matches their question." />
      <ArticleEditor
        formId="kb-article"
        defaults={defaults}
        errors={failed?.errors}
        busy={navigation.state === "submitting"}
        submitLabel="Create article"
        flowTags={flowTags}
        secondaryActions={
          <Link to="/kb" className="btn btn-ghost">
            Cancel
          </Link>
        }
      />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
