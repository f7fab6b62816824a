/**
 * The "Add to an article…" form's action, posted from every list of questions the bot couldn't
 * answer (the KB page's short list and the full list): the question becomes one of the chosen
 * article's example questions (example-questions.server.ts). Each route's action delegates here,
 * so the form posts to the page it is on and the lead stays there.
 */
import { data } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { QUESTION_MAX } from "./article-schema";
import { addExampleQuestion } from "./example-questions.server";

const AddExampleSchema = z.object({
  intent: z.literal("addExampleQuestion"),
  articleId: z.string().min(1, "Choose the article that answers the question.").max(100),
  question: z.string().trim().min(1, "The question is empty.").max(QUESTION_MAX, `An example question is at most ${QUESTION_MAX} characters: add a shorter wording from the article's editor.`),
});

export async function addExampleQuestionAction(request: Request) {
  await requireAdmin(request);
  const parsed = AddExampleSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue.path[0] === "intent" ? "This form is out of date. Reload the page and try again." : issue.message;
    return data({ ok: false as const, message }, { status: 400 });
  }
  const result = await addExampleQuestion(parsed.data.articleId, parsed.data.question);
  if (!result) return data({ ok: false as const, message: "That article no longer exists. Reload the page and choose another." }, { status: 404 });
  if (!result.ok) return data(result, { status: 400 });
  return result;
}
