// Precision first: a wrong speaker is worse than none. The writer never speaks the quotes they report, titles of
// works and scare quotes are not speech, and a quote's span never takes in its cue.
import { describe, expect, it } from "vitest";
import { analyzeText } from "../src/extract/analyze.ts";

const quotes = (body: string, ctx = {}) => analyzeText(body, ctx).quotes;
const speakers = (body: string, ctx = {}) => quotes(body, ctx).map((q) => [q.text, q.speaker]);

describe("the writer is never the speaker", () => {
  it("a byline name is no antecedent for he or she", () => {
    const body =
      "By Jane Porter and Mark Lee\n\nMark Lee asked the questions at the diner in Dayton. “Polls are noise,” he said.";
    expect(speakers(body)).toEqual([["Polls are noise,", null]]);
  });

  it("the writers from the metadata neither", () => {
    const body = "Mark Lee asked the questions at the diner in Dayton. “Polls are noise,” he said.";
    expect(speakers(body)).toEqual([["Polls are noise,", "Mark Lee"]]);
    expect(speakers(body, { authors: ["Mark Lee"] })).toEqual([["Polls are noise,", null]]);
  });

  it("a sentence that starts with By is no byline", () => {
    const body = "By Tuesday, Mark Lee had left the campaign.\n\n“Polls are noise,” he said.";
    expect(speakers(body)).toEqual([["Polls are noise,", "Mark Lee"]]);
  });

  it("first person narration: I and we say nothing for anyone, and pass nothing on", () => {
    const body =
      "Tom Reed met me at a diner in Ohio. “We will win this state,” he said. I asked about the polls. “The polls are wrong,” I said. “They always are.”";
    expect(speakers(body)).toEqual([
      ["We will win this state,", "Tom Reed"],
      ["The polls are wrong,", null],
      ["They always are.", null],
    ]);
  });

  it("a contributor line is no antecedent either", () => {
    const body = "Sara Quinn spoke to voters in Erie. “We will win,” she said.\n\nLaura Brenner contributed reporting.";
    expect(speakers(body)).toEqual([["We will win,", "Sara Quinn"]]);
    const after = "Laura Brenner contributed reporting.\n\nSara Quinn spoke to voters in Erie. “We will win,” she said.";
    expect(speakers(after)).toEqual([["We will win,", "Sara Quinn"]]);
  });
});
