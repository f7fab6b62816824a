import { describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START, splitSnippet } from "~/inbox/search-marks";

const marked = (word: string) => `${MATCH_START}${word}${MATCH_END}`;

describe("a search hit's snippet", () => {
  it("marks the matched words and keeps the rest as text", () => {
    expect(splitSnippet(`…the ${marked("zipper")} on my ${marked("jacket")} is broken`)).toEqual([
      { text: "…the ", matched: false },
      { text: "zipper", matched: true },
      { text: " on my ", matched: false },
      { text: "jacket", matched: true },
      { text: " is broken", matched: false },
    ]);
  });

  it("leaves a customer's own guillemets alone", () => {
    expect(splitSnippet(`j'ai cliqué sur « ${marked("annuler")} »`)).toEqual([
      { text: "j'ai cliqué sur « ", matched: false },
      { text: "annuler", matched: true },
      { text: " »", matched: false },
    ]);
  });

  it("shows a snippet without marks (a contact match) as one plain part", () => {
    expect(splitSnippet("Contact: Priya Nair")).toEqual([{ text: "Contact: Priya Nair", matched: false }]);
  });
});
