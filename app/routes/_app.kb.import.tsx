import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireAdmin } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { KbSubpageHeader } from "~/kb/components/subpage-header";
import { FileFormats, ImportForm, ImportProblems, ImportSuccess, type ImportOutcome } from "~/kb/components/import-panels";
import { formatProblem, importSourceFiles } from "~/kb/import.server";
import { readUploadedFiles } from "~/kb/upload.server";
import kbStyles from "~/styles/kb.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: kbStyles }];
export const meta: MetaFunction = () => [{ title: "Import articles · Knowledge base · Baton" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const upload = await readUploadedFiles(request);
  if (!upload.ok) return data<ImportOutcome>({ ok: false, message: upload.message, problems: [], skipped: [], at: Date.now() }, { status: 400 });
  const result = await importSourceFiles(upload.files);
  if (!result.ok) {
    const problems = result.problems.map(formatProblem);
    const message = `${problems.length === 1 ? "1 problem" : `${problems.length} problems`} found. Nothing was imported: fix the files and import them again.`;
    return data<ImportOutcome>({ ok: false, message, problems, skipped: upload.skipped, at: Date.now() }, { status: 400 });
  }
  return data<ImportOutcome>({ ok: true, created: result.created, updated: result.updated, skipped: upload.skipped, at: Date.now() });
}

export default function ImportArticlesPage() {
  const outcome = useActionData<typeof action>();
  return (
    <div className="page kb-page">
      <KbSubpageHeader title="Import articles" description="Bring in a folder of Markdown files or a CSV export. Every file is checked first: if one has a problem, nothing is imported." />

      {outcome?.ok ? <ImportSuccess outcome={outcome} /> : null}
      {outcome && !outcome.ok ? <ImportProblems outcome={outcome} /> : null}
      {/* A successful import starts a fresh form; after a failure the same files stay picked, ready to retry. */}
      <ImportForm key={outcome?.ok ? outcome.at : "form"} />
      <FileFormats />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
