// Outlets an article cites: "Reuters reports", "as TASS reports", "From Reuters:", source lines, bylines.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { citedOutlets, extractCitations } from "../src/extract/citations.ts";

const SEEDS_DIR = resolve(import.meta.dirname, "../../../../shared/seeds");
const seed = (name: string) => readFileSync(resolve(SEEDS_DIR, name), "utf8");
const kinds = (body: string, ctx = {}) => extractCitations(body, ctx).map((c) => [c.outlet, c.kind]);

describe("seed citations", () => {
  it("seed 000 cites Reuters (reports, From Reuters:) and TASS (as TASS reports)", () => {
    expect(kinds(seed("000_86e533f5710520a3.txt"))).toEqual([
      ["Reuters", "REPORTS"],
      ["Reuters", "REPORTS"],
      ["Reuters", "FROM"],
      ["TASS", "REPORTS"],
    ]);
  });

  it("seed 004's source line names Voice of Russia, RIA and Interfax", () => {
    const body = seed("004_8c6f570ef4bebaf9.txt");
    const cites = extractCitations(body);
    expect(cites.map((c) => [c.outlet, c.kind, c.asWritten])).toEqual([
      ["Voice of Russia", "SOURCE_LINE", "Voice of Russia"],
      ["RIA Novosti", "SOURCE_LINE", "RIA"],
      ["Interfax", "SOURCE_LINE", "Interfax"],
    ]);
    for (const c of cites) expect(body.slice(c.start ?? 0, c.end ?? 0)).toBe(c.asWritten);
    expect(cites[0]?.domain).toBe("ruvr.ru");
  });

  it("seed 003: an agency named in the byline is a BYLINE citation", () => {
    const cites = extractCitations(seed("003_370d3b6ebcc3e755.txt"), { bylineAgencies: ["Reuters"] });
    expect(cites.find((c) => c.kind === "BYLINE")).toMatchObject({ outlet: "Reuters", domain: "reuters.com", start: null });
    expect(citedOutlets(cites)).toEqual(["Reuters"]);
  });

  it("seeds 001 and 002 cite nobody", () => {
    expect(citedOutlets(extractCitations(seed("001_1cccc1b26a4a26bc.txt")))).toEqual([]);
    expect(citedOutlets(extractCitations(seed("002_23e276d5fbf786b8.txt")))).toEqual([]);
  });
});

describe("citing constructions", () => {
  it("according to, datelines, unknown agencies on a source line, and bare mentions", () => {
    expect(kinds("According to Kyodo, the talks failed.")).toEqual([["Kyodo News", "ACCORDING_TO"]]);
    expect(kinds("LOS ANGELES, Sept. 28 (UPI) — A clip aired.")).toEqual([["United Press International", "SOURCE_LINE"]]);
    expect(kinds("Text.\n\nSources: Interfax, Baltic Wire")).toEqual([
      ["Interfax", "SOURCE_LINE"],
      ["Baltic Wire", "SOURCE_LINE"],
    ]);
    expect(kinds("She told CNN she was leaving.")).toEqual([["CNN", "MENTION"]]);
    expect(citedOutlets(extractCitations("She told CNN she was leaving."))).toEqual([]);
  });

  it("ignores outlet names that are ordinary words", () => {
    expect(kinds("It is time for the independent hill walkers to report.")).toEqual([]);
  });
});
