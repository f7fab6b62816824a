import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadPasswordLinkPage, submitPasswordLinkPage } from "~/auth/password-link-page.server";
import { SetPasswordPage } from "~/auth/components/set-password-page";
import { RouteErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = () => [{ title: "Choose your password · Baton" }, { name: "robots", content: "noindex" }];

export const loader = ({ params }: LoaderFunctionArgs) => loadPasswordLinkPage(params.token, "invite");

export const action = ({ request, params }: ActionFunctionArgs) => submitPasswordLinkPage(request, params.token, "invite");

export default SetPasswordPage;

export { RouteErrorBoundary as ErrorBoundary };
