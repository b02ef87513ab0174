// The trained entity tagger (issue 12): names come from the model, titles are split off as roles, name variants
// merge, and text in a language the model does not know gets no names rather than junk.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeText } from "../src/extract/analyze.ts";
import { buildEntityIndex, toExtractedEntities } from "../src/extract/entities/extract.ts";
import { findNames, MODEL_FILE, taggerWords } from "../src/extract/entities/tagger/index.ts";
import { PackedWeights } from "../src/extract/entities/tagger/model.ts";
import { splitSentences } from "../src/extract/entities/tokens.ts";

const entities = (text: string) => toExtractedEntities(buildEntityIndex(text));
const names = (text: string, kind: string) =>
  entities(text)
    .filter((e) => e.kind === kind)
    .map((e) => e.name)
    .sort();

describe("the shipped model", () => {
  it("loads from the committed weights file", () => {
    const model = PackedWeights.fromFile(readFileSync(MODEL_FILE));
    expect(model.size).toBeGreaterThan(100_000);
  });

  it("splits words as the training data does: possessives apart, abbreviation dots kept", () => {
    expect(taggerWords("Japan’s Mr. Abe met U.S. envoys.").map((w) => w.text)).toEqual([
      "Japan",
      "'s",
      "Mr.",
      "Abe",
      "met",
      "U.S.",
      "envoys",
      ".",
    ]);
  });

  it("finds people, places and organisations with their types", () => {
    const text = "Russian President Vladimir Putin met Shinzo Abe in Tokyo on Monday, the Foreign Ministry said.";
    const found = findNames(text, splitSentences(text)).map((n) => `${text.slice(n.start, n.end)}/${n.type}`);
    expect(found).toEqual(expect.arrayContaining(["Vladimir Putin/PER", "Shinzo Abe/PER", "Tokyo/LOC", "Foreign Ministry/ORG"]));
  });
});

describe("people are people", () => {
  it("keeps titles as roles, not as part of the name", () => {
    const list = entities("Russian President Vladimir Putin said on Monday that talks would go on.");
    const putin = list.find((e) => e.name === "Vladimir Putin");
    expect(putin?.kind).toBe("PERSON");
    expect(putin?.roles.join(" ")).toMatch(/president/i);
  });

  it("splits titles the tagger was not trained on, and keeps initials inside names", () => {
    const text = "Harvard Provost Alan M. Garber and Dean Hopi E. Hoekstra met NASA Administrator Pam Melroy on Monday.";
    expect(names(text, "PERSON")).toEqual(["Alan M. Garber", "Hopi E. Hoekstra", "Pam Melroy"]);
  });

  it("merges a common short form of a given name with the full one", () => {
    const text = "Senator Chuck Schumer said the bill was dead. Later, Charles Schumer told reporters he would try again.";
    expect(names(text, "PERSON")).toEqual(["Chuck Schumer"]);
  });

  it("merges a given name alone with the full name named before it", () => {
    expect(names("Shinzo Abe spoke first. Shinzo then smiled at the cameras.", "PERSON")).toEqual(["Shinzo Abe"]);
  });

  it("keeps a quoted nickname out of the name", () => {
    const people = names('Representative Robert C. "Bobby" Scott said he would run again.', "PERSON");
    expect(people.some((p) => p.includes('"'))).toBe(false);
  });

  it("finds the full name when the tagger only marked the surname, and surnames where it missed them", () => {
    const text =
      "“It has the virtue of being responsible,” Leonard E. Burman, director of the Tax Policy Center, said. " +
      "Putin met him later. Mr. Burman declined to comment.";
    const list = entities(text);
    const burman = list.find((e) => e.name.endsWith("Burman"));
    expect(burman?.name).toBe("Leonard E. Burman");
    expect(burman?.count).toBe(2);
  });
});

describe("post-filters on the tagger's spans", () => {
  it("never joins names across an ordinary word", () => {
    expect(names("Abe met Putin in Singapore. Putin said talks would continue.", "PERSON")).toEqual(["Abe", "Putin"]);
  });

  it("keeps a one-word person only with some sign of a person", () => {
    // An honorific ("Mr. Tanaka") or a speech verb ("Putin said") is such a sign.
    const text = "Mr. Tanaka arrived first. Officials welcomed Tanaka warmly, and Putin said talks would continue.";
    const people = names(text, "PERSON");
    expect(people).toContain("Tanaka");
    expect(people).toContain("Putin");
  });
});

describe("languages the tagger was not trained on", () => {
  it("gives no names for German text rather than junk", () => {
    const body = "Der Nutzer sagte, den Krieg habe niemand gewollt. Bundeskanzler Olaf Scholz reiste nach Paris.";
    expect(analyzeText(body, { language: "de" }).entities).toEqual([]);
    expect(analyzeText(body, { language: "en" }).entities.length).toBeGreaterThan(0);
  });
});
