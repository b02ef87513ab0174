// Quote marks of every style, quotes over several paragraphs, split quotes, and what is not a quote.
import { describe, expect, it } from "vitest";
import { analyzeText } from "../src/extract/analyze.ts";

const quotes = (body: string) => analyzeText(body).quotes;
const one = (body: string) => {
  const qs = quotes(body);
  expect(qs).toHaveLength(1);
  return qs[0] as NonNullable<(typeof qs)[0]>;
};

describe("quote marks", () => {
  const styles: [string, string][] = [
    ["straight", 'Maria Lopez said: "We will rebuild the bridge."'],
    ["curly", "Maria Lopez said: “We will rebuild the bridge.”"],
    ["double apostrophes", "Maria Lopez said: ''We will rebuild the bridge.''"],
    ["backticks", "Maria Lopez said: ``We will rebuild the bridge.''"],
    ["guillemets", "Maria Lopez said: «We will rebuild the bridge.»"],
    ["low-9", "Maria Lopez said: „We will rebuild the bridge.“"],
    ["single curly", "Maria Lopez said: ‘We will rebuild the bridge.’"],
    ["mixed pair", 'Maria Lopez said: “We will rebuild the bridge."'],
  ];
  for (const [name, body] of styles) {
    it(`reads ${name} quotes`, () => {
      const q = one(body);
      expect(q.text).toBe("We will rebuild the bridge.");
      expect(body.slice(q.start, q.end)).toBe(q.text);
      expect(q.speaker).toBe("Maria Lopez");
      expect(q.kind).toBe("FULL");
    });
  }

  it("keeps a nested quote inside the outer one", () => {
    const q = one("“They told us ‘wait until spring’ and we waited,” said Maria Lopez.");
    expect(q.text).toBe("They told us ‘wait until spring’ and we waited,");
    expect(q.speaker).toBe("Maria Lopez");
  });

  it("tells apostrophes from single quotes", () => {
    const q = one("Japan’s envoy said ‘the talks won’t stop’ after Friday, Kenji Sato added.");
    expect(q.text).toBe("the talks won’t stop");
  });
});

describe("quotes over several paragraphs", () => {
  const body = [
    "The mayor, Maria Lopez, spoke for an hour. She said:",
    "“The first thing we will do is repair the bridge.",
    "“The second thing is to reopen the school.",
    "“And the third is to pay our teachers on time.”",
    "The council did not reply.",
  ].join("\n\n");

  it("joins the paragraphs, each reopened and closed only at the end, into one quote", () => {
    const q = one(body);
    expect(q.parts).toHaveLength(3);
    expect(q.text.startsWith("The first thing")).toBe(true);
    expect(q.text.endsWith("on time.")).toBe(true);
    for (const p of q.parts ?? []) expect(body.slice(p.start, p.end)).not.toMatch(/[“”]/);
    expect(q.speaker).toBe("Maria Lopez");
    // "She said:" at the end of the paragraph before: the pronoun resolved to the mayor.
    expect([q.speakerAsWritten, q.attribution]).toEqual(["She", "PRONOUN"]);
  });
});

describe("split quotes", () => {
  it('reads "A," he said, "B." as one quote in two parts', () => {
    const body = "“We are ready,” Kenji Sato said, “and we will not wait for Tokyo.”";
    const q = one(body);
    expect(q.parts?.map((p) => body.slice(p.start, p.end))).toEqual(["We are ready,", "and we will not wait for Tokyo."]);
    expect(q.text).toBe("We are ready, and we will not wait for Tokyo.");
    expect(q.speaker).toBe("Kenji Sato");
  });

  it("carries the speaker to the next sentence's quote", () => {
    const qs = quotes("“We are ready,” Kenji Sato said. “The rest is up to Tokyo.”");
    expect(qs.map((q) => [q.text, q.speaker, q.attribution])).toEqual([
      ["We are ready,", "Kenji Sato", "CUE_AFTER"],
      ["The rest is up to Tokyo.", "Kenji Sato", "CARRY_OVER"],
    ]);
  });
});

describe("full quotes and fragments", () => {
  it("marks a quoted phrase inside paraphrase as a fragment", () => {
    const q = one("Senator Ann Becker called the plan “a big problem” for farmers.");
    expect(q.kind).toBe("FRAGMENT");
    expect(q.speaker).toBe("Ann Becker");
  });

  it("marks a fragment followed by its cue", () => {
    const q = one("The talks went “better than expected,” Kenji Sato said on Monday.");
    expect(q.kind).toBe("FRAGMENT");
    expect(q.speaker).toBe("Kenji Sato");
  });

  it("keeps scare quotes, set phrases, titles and nicknames out", () => {
    const body = [
      "The deal includes the “nine bridges” of cooperation between the two countries.",
      "In 1956 they agreed to end “the state of war” and restore relations.",
      "She watched “The Long Goodbye” twice.",
      'Rep. Robert C. "Bobby" Scott won the seat.',
      "Moscow calls the islands the ‘South Kurils.’",
    ].join("\n\n");
    expect(quotes(body)).toEqual([]);
  });
});

describe("colon and dash attributions", () => {
  it("reads Name: “...”", () => {
    const q = one("Maria Lopez, mayor of Springfield: “We will rebuild the bridge.”");
    expect(q.speaker).toBe("Maria Lopez");
    expect(q.attribution).toBe("COLON");
  });

  it("reads “...” – Name", () => {
    const q = one("“We will rebuild the bridge.” – Maria Lopez");
    expect(q.speaker).toBe("Maria Lopez");
    expect(q.attribution).toBe("DASH");
  });
});
