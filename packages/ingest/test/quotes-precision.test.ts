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

describe("titles of works are not speech", () => {
  it("a song or a game named by its noun or its maker", () => {
    expect(quotes("The band performed the song “Flowers” by WINNER at the festival on Sunday.")).toEqual([]);
    expect(quotes("“Flowers” by WINNER tells the story of a breakup.")).toEqual([]);
    expect(quotes("“Half Life: Alyx” by Developer Valve reveals a new world.")).toEqual([]);
    expect(quotes("Fans lined up for the game “Half Life: Alyx”, which Valve announced on Thursday.")).toEqual([]);
  });

  it("a show named after its network or after 'on'", () => {
    expect(quotes("Paul Grant said on CBS's “Face the Nation” that the bill would pass.")).toEqual([]);
    expect(speakers("“The bill will pass,” Paul Grant said on “Meet the Press.”")).toEqual([
      ["The bill will pass,", "Paul Grant"],
    ]);
  });

  it("the speech around a title is still speech", () => {
    const body = "Her favourite track is the single “Flowers” by WINNER, Mia Lund said. “It makes me cry,” she said.";
    expect(speakers(body)).toEqual([["It makes me cry,", "Mia Lund"]]);
  });
});

describe("scare quotes are not speech", () => {
  it("one or two words used as a term, with nobody saying them", () => {
    expect(quotes("The critics called it a “masterpiece” last week, and others spoke of “fake news” in the coverage.")).toEqual(
      [],
    );
    expect(quotes("Paul Grant criticised the “reform” and voted against it.")).toEqual([]);
    expect(speakers("Paul Grant met the so-called “experts” on Monday. “They were wrong,” he said.")).toEqual([
      ["They were wrong,", "Paul Grant"],
    ]);
  });
});

describe("a quote's span never takes in its cue", () => {
  const spans = (body: string) =>
    quotes(body).map((q) => (q.parts ?? [{ start: q.start, end: q.end }]).map((p) => body.slice(p.start, p.end)));

  it("a quote split by its cue keeps two parts around the cue", () => {
    const body = "Senator Paul Grant spoke on Monday. “We are ready for the vote,” he declares, “and we will win it.”";
    expect(spans(body)).toEqual([["We are ready for the vote,", "and we will win it."]]);
    expect(speakers(body)).toEqual([["We are ready for the vote, and we will win it.", "Paul Grant"]]);
  });

  it("the same with straight marks and the comma outside", () => {
    const body = 'Senator Paul Grant spoke on Monday. "We are ready for the vote", he declares, "and we will win it".';
    for (const parts of spans(body)) for (const p of parts) expect(p).not.toMatch(/declares/);
  });

  it("an inverted cue with an apposition", () => {
    const body = "“We are ready,” declares Paul Grant, a senator from Ohio, “and we will win.”";
    expect(spans(body)).toEqual([["We are ready,", "and we will win."]]);
  });
});

describe("a pronoun goes on with the person the story is about", () => {
  it("a profile: the husband named after 'his' does not take the subject's words", () => {
    const body =
      "Marcus Hale talked about his life on Monday. He met his husband, Daniel Ortiz, in 1994 at a club in New York. “I knew right away,” he said.";
    expect(speakers(body)).toEqual([["I knew right away,", "Marcus Hale"]]);
  });

  it("a profile: a guest introduced by name is not the host", () => {
    const body =
      "Marcus Hale has hosted the show for ten years. On Tuesday he welcomed a guest, the singer Tom Baker, to the studio. Hale laughed at the jokes. “I have never laughed so hard,” he said.";
    expect(speakers(body)).toEqual([["I have never laughed so hard,", "Marcus Hale"]]);
  });

  it("the nearest compatible person, when the one named more often does not agree", () => {
    const body =
      "Marcus Hale has hosted the show for ten years, and Hale is famous. Hale thanked the crowd. On Tuesday the singer Anna Berg performed for an hour. “I loved every minute,” she said.";
    expect(speakers(body)).toEqual([["I loved every minute,", "Anna Berg"]]);
  });
});

describe("an uncued quote goes to the reported speech it echoes, or to nobody", () => {
  it("the person reported proposing what the quote says", () => {
    const body =
      "Ana Petrova proposed on Monday that the two cities share a tram network.\n\nThe council meets on Friday. “Let us build one tram network for both cities.”";
    expect(speakers(body)).toEqual([["Let us build one tram network for both cities.", "Ana Petrova"]]);
  });

  it("nobody when two people were reported saying it", () => {
    const body =
      "Ana Petrova said the cities should share a tram network. Boris Lind said one tram network for both cities was too costly.\n\nThe council meets on Friday. “One tram network for both cities.”";
    expect(speakers(body)).toEqual([["One tram network for both cities.", null]]);
  });

  it("nobody when nothing was reported", () => {
    const body =
      "Ana Petrova visited the depot on Monday.\n\nThe council meets on Friday. “Let us build one tram network for both cities.”";
    expect(speakers(body)).toEqual([["Let us build one tram network for both cities.", null]]);
  });

  it("quotes run together share the speaker of the last", () => {
    const body =
      "Ana Petrova proposed on Monday that the two cities share a tram network.\n\nThe council meets on Friday. “It will not be easy”. “Let us build one tram network for both cities”.";
    expect(speakers(body)).toEqual([
      ["It will not be easy", "Ana Petrova"],
      ["Let us build one tram network for both cities", "Ana Petrova"],
    ]);
  });
});
