import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import { MessageList } from "~/chat/components/message-list";
import type { ChatMessage } from "~/chat/types";

const message = (id: string, role: ChatMessage["role"], text: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({ id, role, text, createdAt: "2026-01-01T00:00:00.000Z", ...extra });

function transcript(messages: ChatMessage[]) {
  const noop = () => undefined;
  return renderToStaticMarkup(<MessageList messages={messages} outbox={[]} feedback={{}} choicesEnabled onChoose={noop} onFeedback={noop} onRetry={noop} onDismiss={noop} />);
}

it("leaves the end step's rating line out: the page's rating card asks once (QA: the customer was asked twice)", () => {
  const html = transcript([
    message("c", "customer", "yes thanks"),
    message("b", "bot", "Glad I could help! Thanks for shopping with Threads & Co."),
    message("r", "bot", "How would you rate this conversation?", { csat: true }),
  ]);
  expect(html).toContain("Glad I could help!");
  expect(html).not.toContain("How would you rate this conversation?");
});

it("shows a bot line that only reads like a rating question but is the flow's own text", () => {
  expect(transcript([message("m", "bot", "How would you rate our new app?")])).toContain("How would you rate our new app?");
});
