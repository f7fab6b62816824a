import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/guards.server";
import { homePath } from "~/auth/redirect";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  throw redirect(user ? homePath(user.role) : "/login");
}
