import { describe, expect, it } from "vitest";
import { extractArticle } from "../src/extract/article.ts";
import { parseByline } from "../src/extract/authors.ts";
import { detectLanguage } from "../src/extract/language.ts";
import { isBoilerplateLine } from "../src/extract/text-clean.ts";
import type { InputMeta } from "../src/extract/types.ts";

const text = (content: string, meta: InputMeta = {}, url: string | null = null) =>
  extractArticle({ id: "t", format: "text", content, url, meta, inputKind: "TEXT", origin: "test" });

describe("bylines", () => {
  it("separates people from agencies", () => {
    expect(parseByline("By Louise Miner with Reuters")).toEqual({ authors: ["Louise Miner"], agencies: ["Reuters"] });
    expect(parseByline("By JOHN SMITH and Jane Doe, Associated Press")).toEqual({
      authors: ["John Smith", "Jane Doe"],
      agencies: ["Associated Press"],
    });
    expect(parseByline("By Robert E. Lee | Updated 3 hours ago")).toEqual({ authors: ["Robert E. Lee"], agencies: [] });
    expect(parseByline("Von Anna Schmidt und Jonas Weber, dpa")).toEqual({
      authors: ["Anna Schmidt", "Jonas Weber"],
      agencies: ["Deutsche Presse-Agentur"],
    });
  });

  it("does not mistake sentences for bylines", () => {
    expect(parseByline("By the end of the year, prices had doubled.")).toBeNull();
    expect(parseByline("From Reuters:")).toBeNull();
  });
});

describe("plain-text articles", () => {
  const story = [
    "Harbour bridge reopens after repairs",
    "By Maria Lopez",
    "Published: 14 June 2021",
    "Share this article",
    "The harbour bridge reopened to traffic on Monday after eight months of repairs, the council said, and commuters queued at dawn to cross it.",
    "Advertisement",
    "Engineers replaced 140 steel cables and fitted new lighting.",
    "Read more",
    "Council approves bridge budget",
    "Ferry timetable changes during the works",
  ].join("\n\n");

  it("splits title, byline and dateline from the body and drops widget lines", () => {
    const a = text(story);
    expect(a.title).toBe("Harbour bridge reopens after repairs");
    expect(a.authors).toEqual(["Maria Lopez"]);
    expect(a.published).toMatchObject({ value: "2021-06-14", source: "TEXT", precision: "DAY" });
    expect(a.body.split("\n\n")).toEqual([
      "The harbour bridge reopened to traffic on Monday after eight months of repairs, the council said, and commuters queued at dawn to cross it.",
      "Engineers replaced 140 steel cables and fitted new lighting.",
    ]);
  });

  it("trusts input metadata over what the text says", () => {
    const a = text(story, {
      title: "Bridge reopens",
      publishedAt: "2021-06-13T18:00:00-04:00",
      outlet: "The Guardian",
      authors: ["M. Lopez"],
    });
    expect(a.title).toBe("Bridge reopens");
    expect(a.published).toMatchObject({ value: "2021-06-13T18:00:00", offset: "-04:00", source: "INPUT", confidence: 1 });
    expect(a.outlet).toMatchObject({ name: "The Guardian", domain: "theguardian.com", source: "INPUT" });
    expect(a.authors).toEqual(["M. Lopez"]);
    // The headline line matched no given title, so it stays in the body rather than being guessed away.
    expect(a.body.startsWith("Harbour bridge reopens after repairs")).toBe(true);
  });

  it("rejoins hard-wrapped paragraphs", () => {
    const wrapped =
      "Council report\n\nThe council published its annual report on Tuesday, showing that\nspending on roads rose by a fifth while the budget for parks stayed\nflat for the third year running, officials said.\n\nA second paragraph follows.";
    expect(text(wrapped).body.split("\n\n")).toEqual([
      "The council published its annual report on Tuesday, showing that spending on roads rose by a fifth while the budget for parks stayed flat for the third year running, officials said.",
      "A second paragraph follows.",
    ]);
  });

  it("keeps the first line when it reads like a lede, not a headline", () => {
    const a = text("The council met on Tuesday, and the vote was close.\n\nA second paragraph follows here.");
    expect(a.title).toBeNull();
    expect(a.body.split("\n\n")).toHaveLength(2);
  });

  it("handles empty input", () => {
    const a = text("");
    expect(a).toMatchObject({ title: null, body: "", wordCount: 0, published: null, outlet: null, language: null });
  });
});

describe("boilerplate lines", () => {
  it("matches whole widget lines only", () => {
    for (const junk of [
      "— Advertisement —",
      "ADVERTISEMENT",
      "Share this article Comments",
      "Please enter your comment!",
      "You might also like",
      "Tweet Email Print",
      "Copyright © 2019 Example Media",
      "Follow us on Twitter",
    ]) {
      expect(isBoilerplateLine(junk), junk).toBe(true);
    }
    for (const prose of [
      "Share prices fell sharply on Monday.",
      "Advertisement revenue fell by a third, the company said.",
      "Copyright law is being rewritten in Brussels this week.",
      "Latest news from the front was grim.",
    ]) {
      expect(isBoilerplateLine(prose), prose).toBe(false);
    }
  });
});

describe("detectLanguage", () => {
  it("names the language of running text", () => {
    expect(
      detectLanguage(
        "Die Regierung hat am Montag beschlossen, dass die Steuern nicht erhöht werden, und der Minister sagte, es sei eine gute Nachricht für die Bürger.",
      ),
    ).toBe("de");
    expect(
      detectLanguage(
        "Le gouvernement a décidé lundi que les impôts ne seraient pas augmentés, et le ministre a dit que c'est une bonne nouvelle pour les citoyens.",
      ),
    ).toBe("fr");
    expect(
      detectLanguage(
        "El gobierno decidió el lunes que los impuestos no se aumentarán, y el ministro dijo que es una buena noticia para los ciudadanos.",
      ),
    ).toBe("es");
    expect(
      detectLanguage(
        "Правительство в понедельник решило, что налоги не будут повышены, и министр сказал, что это хорошая новость для граждан.",
      ),
    ).toBe("ru");
    expect(
      detectLanguage(
        "Het kabinet heeft maandag besloten dat de belastingen niet worden verhoogd, en de minister zei dat het goed nieuws is voor de burgers.",
      ),
    ).toBe("nl");
    expect(
      detectLanguage(
        "Il governo ha deciso lunedì che le tasse non saranno aumentate, e il ministro ha detto che è una buona notizia per i cittadini.",
      ),
    ).toBe("it");
    expect(
      detectLanguage(
        "O governo decidiu na segunda-feira que os impostos não serão aumentados, e o ministro disse que é uma boa notícia para os cidadãos.",
      ),
    ).toBe("pt");
    expect(detectLanguage("ok")).toBeNull();
  });
});

describe("separated menus", () => {
  it("drops a line of short items between separators, keeps prose that uses a pipe", () => {
    expect(isBoilerplateLine("Home | World | Politics | Business")).toBe(true);
    expect(isBoilerplateLine("Sport • Culture • Weather")).toBe(true);
    expect(isBoilerplateLine("The minister said the deal | was final | and binding for both countries")).toBe(false);
  });
});
