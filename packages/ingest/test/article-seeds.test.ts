// The five seed articles: real scraped text with navigation, ad markers, share widgets and comment prompts.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../src/extract/article.ts";
import type { ArticleMetadata } from "../src/extract/types.ts";

const SEEDS_DIR = resolve(import.meta.dirname, "../../../../shared/seeds");

function seed(name: string): ArticleMetadata {
  const content = readFileSync(resolve(SEEDS_DIR, name), "utf8");
  return extractArticle({ id: name, format: "text", content, meta: {}, inputKind: "TEXT", origin: name });
}

const paragraphs = (a: ArticleMetadata) => a.body.split("\n\n");

describe("seed 000: blog rewrite of a Reuters story", () => {
  const a = seed("000_86e533f5710520a3.txt");

  it("keeps the headline as the title, not in the body", () => {
    expect(a.title).toBe("2 Countries Are FINALLY Looking To End WW2 In Historic Peace Agreement");
    expect(a.body).not.toContain("Historic Peace Agreement");
  });

  it("drops the ad marker and the comment form", () => {
    expect(a.body).not.toMatch(/Advertisement/);
    expect(a.body).not.toContain("Please enter your comment!");
    expect(a.body).not.toContain("Please enter your name here");
  });

  it("keeps every article line, including the short 'From Reuters:' lead-in", () => {
    expect(paragraphs(a)[0]).toMatch(/^Two countries which have not formally ended World War II/);
    expect(paragraphs(a)).toContain("From Reuters:");
    expect(a.body).toContain("Putin caught Abe off guard in September");
    expect(a.body).toMatch(/ratified by the two countries’ parliaments in December 1956\.$/);
    expect(paragraphs(a)).toHaveLength(14);
  });

  it("names no outlet: Reuters and TASS are cited, not the publisher", () => {
    expect(a.outlet).toBeNull();
    expect(a.authors).toEqual([]);
  });

  it("infers only a lower bound from 'more than 70 years since the end of the war'", () => {
    expect(a.published?.source).toBe("INFERRED");
    expect(a.published?.earliest).toBe("2016-01-01");
    expect(a.published?.latest).toBeNull();
    expect(a.published?.confidence).toBeLessThan(0.5);
  });
});

describe("seed 001: RT page with icon-font residue and a dateline", () => {
  const a = seed("001_1cccc1b26a4a26bc.txt");

  it("reads the dateline as written, without a zone", () => {
    expect(a.published).toMatchObject({ value: "2018-12-02T01:05:00", offset: null, precision: "MINUTE", source: "TEXT" });
  });

  it("takes the outlet from 'Also on rt.com'", () => {
    expect(a.outlet).toMatchObject({ name: "RT", domain: "rt.com", source: "TEXT" });
    expect(a.outlet?.evidence).toContain("Also on rt.com");
  });

  it("uses the doubled headline as the title and drops the chrome around it", () => {
    expect(a.title).toBe("Putin, Abe agree on ‘framework’ to finalize WWII peace treaty");
    expect(a.body).not.toContain("bookmarkicon");
    expect(a.body).not.toContain("2 Dec, 2018");
    expect(a.body).not.toContain("finalize WWII peace treaty");
    expect(a.body).not.toContain("Also on rt.com");
    expect(a.body).not.toContain("share it with a friend");
  });

  it("keeps the article from lede to last paragraph", () => {
    expect(paragraphs(a)[0]).toMatch(/^Russian President Vladimir Putin and Japanese Prime Minister Shinzo Abe have agreed/);
    expect(a.body).toMatch(/stalling any resolution of the issue with the USSR –and now with Russia– for decades\.$/);
    expect(paragraphs(a)).toHaveLength(6);
  });
});

describe("seed 002: no date, no outlet", () => {
  const a = seed("002_23e276d5fbf786b8.txt");

  it("drops the widget line under the headline", () => {
    expect(a.title).toBe("In Surprise Move, Putin Proposes Signing Peace Pact With Japan This Year");
    expect(a.body).not.toContain("Adjust Comment Print");
    expect(paragraphs(a)[0]).toMatch(/^Prime Minister Lee thanked President Putin/);
    expect(a.body).toMatch(/aggravating tensions with Beijing\.$/);
  });

  it("has no outlet and only a lower bound for the date (after the December 2016 summit it mentions)", () => {
    expect(a.outlet).toBeNull();
    expect(a.published).toMatchObject({ source: "INFERRED", earliest: "2016-12-01", latest: null });
  });
});

describe("seed 003: Euronews video page", () => {
  const a = seed("003_370d3b6ebcc3e755.txt");

  it("splits the byline into the author and the agency", () => {
    expect(a.authors).toEqual(["Louise Miner"]);
    expect(a.bylineAgencies).toEqual(["Reuters"]);
  });

  it("drops menus, ad markers, share and embed widgets and the read-more list", () => {
    for (const junk of [
      "Newsletter Newsletters",
      "Loader",
      "Advertisement",
      "ADVERTISEMENT",
      "Copyright",
      "Published on",
      "By Louise Miner",
      "Share this article",
      "Copy/paste",
      "Go to accessibility shortcuts",
      "Read more",
      "Fifth day of Vostok 2018",
      "legitimate targets for destruction",
      "comes to Moscow",
    ]) {
      expect(a.body, junk).not.toContain(junk);
    }
  });

  it("keeps the standfirst and every paragraph of the story", () => {
    expect(a.title).toBe("President Putin offers to sign a peace treaty by the end of this year with Japan");
    expect(paragraphs(a)[0]).toMatch(/^The Russian President made the suggestion at a conference stage on Wednesday/);
    expect(a.body).toMatch(/but Moscow vehemently denies this\.$/);
    expect(paragraphs(a)).toHaveLength(8);
  });

  it("recognises Euronews from its site chrome, as an inference, and claims no date the text does not give", () => {
    expect(a.outlet).toMatchObject({ name: "Euronews", source: "INFERRED" });
    expect(a.outlet?.evidence).toMatch(/site chrome/);
    expect(a.published).toBeNull();
  });
});

describe("seed 004: Voice of Russia report", () => {
  const a = seed("004_8c6f570ef4bebaf9.txt");

  it("takes the first outlet of the closing source line", () => {
    expect(a.outlet).toMatchObject({ name: "Voice of Russia", source: "TEXT" });
    expect(a.outlet?.evidence).toBe("Source:Voice of Russia, RIA, Interfax");
  });

  it("dates it from '68 years after the end of ... conflict' with the Second World War named", () => {
    expect(a.published).toMatchObject({
      value: "2013",
      precision: "YEAR",
      source: "INFERRED",
      earliest: "2013-01-01",
      latest: "2013-12-31",
    });
  });

  it("drops the sign-off and the link-list headings, keeps the source line for citations", () => {
    expect(a.title).toBe("Russia, Japan to work towards postwar peace treaty");
    expect(a.body).not.toContain("You might also like");
    expect(a.body).not.toContain("Latest news");
    expect(paragraphs(a)).not.toContain("R.S");
    expect(paragraphs(a).at(-1)).toBe("Source:Voice of Russia, RIA, Interfax");
    expect(paragraphs(a)[0]).toMatch(/^Winding up talks held in Moscow Monday/);
  });

  it("detects English and counts words", () => {
    expect(a.language).toBe("en");
    expect(a.wordCount).toBeGreaterThan(450);
  });
});
