// Every quote in the five seed articles, with its speaker and how it was attributed.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeText } from "../src/extract/analyze.ts";
import type { ExtractedQuote, RoleAliasLookup, TextAnalysis } from "../src/extract/types.ts";

const SEEDS_DIR = resolve(import.meta.dirname, "../../../../shared/seeds");
const SEEDS = [
  "000_86e533f5710520a3.txt",
  "001_1cccc1b26a4a26bc.txt",
  "002_23e276d5fbf786b8.txt",
  "003_370d3b6ebcc3e755.txt",
  "004_8c6f570ef4bebaf9.txt",
];
const text = (name: string) => readFileSync(resolve(SEEDS_DIR, name), "utf8");

/** The cross-article role table the store builds from ExtractedEntity.roles. */
function roleTable(analyses: TextAnalysis[]): RoleAliasLookup {
  const table = new Map<string, string>();
  for (const a of analyses) for (const e of a.entities) for (const r of e.roles) if (e.name.includes(" ")) table.set(r, e.name);
  return (role) => table.get(role) ?? null;
}

const analyses = SEEDS.map((s) => analyzeText(text(s), { publishedAt: "2018-12-02" }));
const resolveRole = roleTable(analyses);
const seed = (i: number) => analyzeText(text(SEEDS[i] as string), { publishedAt: "2018-12-02", resolveRole });

const row = (q: ExtractedQuote) => [q.text.slice(0, 40), q.kind, q.speaker, q.attribution];
const startsWith = (quotes: ExtractedQuote[], prefix: string) => {
  const q = quotes.find((x) => x.text.startsWith(prefix));
  if (!q) throw new Error(`no quote starting "${prefix}" in ${JSON.stringify(quotes.map((x) => x.text.slice(0, 40)))}`);
  return q;
};

describe("seed 000: Reuters rewrite with TASS quote", () => {
  const { quotes } = seed(0);

  it("finds the two full quotes, the block quote from Reuters and three fragments", () => {
    expect(quotes.map(row)).toEqual([
      ["Abe, who has signaled he is keen to clin", "FULL", "Reuters", "OUTLET_REPORT"],
      ["I’ll visit Russia later this month and i", "FULL", "Shinzo Abe", "CUE_AFTER"],
      ["absolutely no progress", "FRAGMENT", "Shinzo Abe", "ROLE_NOUN"],
      ["as never before,", "FRAGMENT", "Shinzo Abe", "CUE_AFTER"],
      ["without any pre-conditions", "FRAGMENT", "Vladimir Putin", "PRONOUN"],
      ["At a meeting with President Putin in Sin", "FULL", "Shinzo Abe", "CUE_AFTER"],
    ]);
  });

  it("keeps the nested ‘northern territories’ inside the speech, not as a quote", () => {
    expect(quotes.some((q) => q.text === "northern territories")).toBe(false);
    expect(startsWith(quotes, "At a meeting").text).toContain("‘northern territories’ problem");
  });

  it("records speakers as written and offsets into the body", () => {
    const body = text(SEEDS[0] as string);
    const q = startsWith(quotes, "I’ll visit");
    expect(q.speakerAsWritten).toBe("Abe");
    expect(body.slice(q.start, q.end)).toBe(q.text);
    expect(startsWith(quotes, "absolutely").speakerAsWritten).toBe("The Japanese Prime Minister");
    expect(startsWith(quotes, "without any").speakerAsWritten).toBe("he");
  });
});

describe("seed 001: RT report", () => {
  const { quotes } = seed(1);
  it("has one quote, Putin's, and drops the headline's ‘framework’ and the ‘Northern Territories.’ label", () => {
    expect(quotes.map(row)).toEqual([["We talked about the need to set up addit", "FULL", "Vladimir Putin", "CUE_AFTER"]]);
  });
});

describe("seed 002: uncued quotes go to the proposal they echo", () => {
  const { quotes } = seed(2);
  it("gives the peace-treaty proposal to Putin, who 'proposed ... that the two sign peace treaty', and the quote run into it too", () => {
    expect(quotes.map(row)).toEqual([
      ["would be naive", "FRAGMENT", "Putin", "CUE_BEFORE"],
      ["We are both fully aware that it will not", "FULL", "Putin", "CARRY_OVER"],
      ["Let's conclude a peace treaty before the", "FULL", "Putin", "CARRY_OVER"],
      ["We have been negotiating for 70 years", "FULL", "Putin", "CUE_AFTER"],
      ["Our position that the Northern Territori", "FULL", "Yoshihide Suga", "CUE_BEFORE"],
    ]);
  });
  it("keeps scare quotes and set phrases out", () => {
    const texts = quotes.map((q) => q.text);
    expect(texts).not.toContain("nine bridges");
    expect(texts).not.toContain("the state of war");
  });
});

describe("seed 003: Euronews video text", () => {
  const { quotes } = seed(3);
  it("gives “The Russian President says” to Vladimir Putin, and the teaser's fragment too", () => {
    expect(quotes.map(row)).toEqual([
      ["Shinzo's right, he and I both want the p", "FULL", "Vladimir Putin", "ROLE_NOUN"],
      ["We have looked at who these people are, ", "FULL", "Vladimir Putin", "CUE_BEFORE"],
      ["legitimate targets for destruction,", "FRAGMENT", "Vladimir Putin", "CUE_AFTER"],
    ]);
  });
  it("drops the unattributed 'comes to Moscow' and the scare-quoted “a senior level of the Russian state”", () => {
    const texts = quotes.map((q) => q.text);
    expect(texts).not.toContain("comes to Moscow");
    expect(texts).not.toContain("a senior level of the Russian state");
  });
});

describe("seed 004: Voice of Russia report", () => {
  const { quotes } = seed(4);
  it("has Abe's two quotes and Putin's one", () => {
    expect(quotes.map(row)).toEqual([
      ["Concerning the resumption of the talks o", "FULL", "Shinzo Abe", "CUE_AFTER"],
      ["President Putin and I will discuss this ", "FULL", "Shinzo Abe", "CUE_AFTER"],
      ["The problem of the peace treaty was disc", "FULL", "Vladimir Putin", "CUE_AFTER"],
    ]);
  });
  it("gives every attribution a method and a confidence", () => {
    for (const q of quotes) {
      expect(q.attribution).not.toBe("NONE");
      expect(q.confidence).toBeGreaterThan(0.5);
    }
  });
});
