/**
 * /inbox/contacts/:contactId — a contact and their conversations, beside the queues. 404 when the
 * contact does not exist or none of their conversations is the viewer's to see.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { ContactPageView } from "~/contacts/components/contact-page";
import { getContactPage } from "~/contacts/contact-page.server";
import { getInboxViewer } from "~/inbox/access.server";
import { InboxErrorBoundary } from "~/inbox/components/inbox-error";
import { attentionFrom, inboxTitle } from "~/inbox/title";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  { title: inboxTitle(attentionFrom(matches), loaded?.contact.name ?? loaded?.contact.email ?? "Contact") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getInboxViewer(await requireUser(request));
  const contact = /^[A-Za-z0-9_-]{1,64}$/.test(params.contactId ?? "") ? await getContactPage(viewer, params.contactId!) : null;
  if (!contact) throw new Response("Contact not found", { status: 404 });
  return { contact };
}

export default function InboxContact() {
  const { contact } = useLoaderData<typeof loader>();
  return <ContactPageView contact={contact} />;
}

export { InboxErrorBoundary as ErrorBoundary };
