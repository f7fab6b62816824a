import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { assertSameOrigin } from "~/auth/same-origin.server";
import { endSession } from "~/auth/session.server";

// Sign-out is a POST (a link or an image tag elsewhere cannot sign anyone out); GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  return redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}
