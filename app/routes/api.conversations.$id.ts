import { requireConversationToken } from "~/runtime/api/auth.server";
import { clientAddress, checkRateLimit } from "~/runtime/api/rate-limit.server";
import { apiJson, methodNotAllowed, notFound } from "~/runtime/api/responses.server";
import { getCustomerView } from "~/runtime/conversations.server";
import type { ApiArgs } from "~/runtime/api/request";

export async function loader({ request, params, context }: ApiArgs) {
  const token = await requireConversationToken(request, params.id);
  const limited = await checkRateLimit(`read:${clientAddress(context)}:${token}`);
  if (limited) return limited;
  const view = await getCustomerView(params.id as string);
  if (!view) return notFound();
  return apiJson({
    status: view.status,
    team: view.team,
    messages: view.messages.map(({ seq: _seq, ...message }) => message),
  });
}

export function action() {
  return methodNotAllowed("GET");
}
