// The outlet is what the site calls itself: site-name metadata, JSON-LD publisher, app names, the title's suffix;
// never a slogan, a section or the bare domain when the page names itself. All pages here are invented.
import { describe, expect, it } from "vitest";
import { extractArticle } from "../src/extract/article.ts";
import { extractCitations } from "../src/extract/citations.ts";
import type { ArticleMetadata } from "../src/extract/types.ts";

const BODY = `<body><article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Monday morning after eight months of repairs, the city council said.</p>
<p>Engineers replaced 140 steel cables, resurfaced the deck and fitted new lighting, at a cost of 12 million euros.</p>
<p>Commuters queued from six o'clock to be among the first across, and some cyclists rang their bells all the way over.</p>
</article></body>`;

const page = (head: string, url: string | null = "https://www.harbourherald.example.com/news/bridge", body = BODY) =>
  extractArticle({
    id: "t",
    format: "html",
    content: `<!doctype html><html><head>${head}</head>${body}</html>`,
    url,
    meta: {},
    inputKind: "HTML",
    origin: "test",
  });
const outletOf = (a: ArticleMetadata) => a.outlet?.name ?? null;

describe("the outlet name a page gives itself", () => {
  it("drops the slogan after a site name", () => {
    const a = page(`<meta property="og:site_name" content="Harbour Herald - The paper the harbour reads.">`);
    expect(a.outlet).toMatchObject({ name: "Harbour Herald", domain: "example.com", source: "METADATA" });
    expect(outletOf(page(`<meta property="og:site_name" content="Harbour Herald: Breaking Harbour News">`))).toBe(
      "Harbour Herald",
    );
  });

  it("keeps the name, not the section list, of 'A | B | C' site names", () => {
    const a = page(`<meta property="og:site_name" content="Autoracing | F1 | Indy | MotoGP">`, "https://racing.example.org/x");
    expect(outletOf(a)).toBe("Autoracing");
  });

  it("picks the part of a site name that spells the domain", () => {
    const a = page(`<meta property="og:site_name" content="Federal Ministry of Harbours - FMH">`, "https://www.fmh.example/x");
    expect(outletOf(a)).toBe("FMH");
  });

  it("reads the JSON-LD publisher, following an @id reference into the graph", () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"Organization","@id":"https://quayside.example/#organization","name":"Quayside Weekly"},
      {"@type":"NewsArticle","headline":"Harbour bridge reopens after repairs","publisher":{"@id":"https://quayside.example/#organization"}}]}</script>`;
    expect(page(ld, "https://quayside.example/news/bridge").outlet).toMatchObject({
      name: "Quayside Weekly",
      evidence: "JSON-LD publisher",
    });
  });

  it("lets two sources that agree outvote a section name in og:site_name", () => {
    const head = `<meta property="og:site_name" content="Premium">
      <meta name="twitter:app:name:iphone" content="Harbour Herald App">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"x","publisher":{"@type":"Organization","name":"Harbour Herald"}}</script>`;
    expect(outletOf(page(head, null))).toBe("Harbour Herald");
  });

  it("reads the application name, unless it only repeats the headline", () => {
    expect(outletOf(page(`<meta name="application-name" content="Harbour Herald">`))).toBe("Harbour Herald");
    const cms = page(
      `<meta name="application-name" content="Harbour bridge reopens after repairs">`,
      "https://www.tidings.example/a",
    );
    expect(outletOf(cms)).toBe("tidings.example");
  });

  it("takes the name from the title's suffix, after any section", () => {
    const head = `<title>Harbour bridge reopens after repairs | Local | The Harbour Herald</title>
      <meta property="og:title" content="Harbour bridge reopens after repairs">`;
    expect(page(head, "https://www.theherald.example/a").outlet).toMatchObject({
      name: "The Harbour Herald",
      evidence: "title suffix",
    });
    // Split only where the headline ends: "HVA - Harbour Veterans Association" is one name.
    const one = `<title>Harbour bridge reopens after repairs | HVA - Harbour Veterans Association</title>`;
    expect(outletOf(page(one, "https://hva-online.example/a"))).toBe("HVA - Harbour Veterans Association");
    const prefix = `<title>Harbour Lyrics: Harbour bridge reopens after repairs</title>`;
    expect(outletOf(page(prefix, "https://www.harbourlyrics4u.example/a"))).toBe("Harbour Lyrics");
  });

  it("keeps the bare domain only as the last resort, and prefers the domain as the page styles it", () => {
    expect(page(`<title>Harbour bridge reopens after repairs</title>`, "https://www.quaynews.example/a").outlet).toMatchObject({
      name: "quaynews.example",
      source: "URL",
    });
    const styled = `<title>Harbour bridge reopens after repairs</title><meta name="author" content="QUAYNEWS – Das Hafenmagazin">`;
    expect(outletOf(page(styled, "https://www.quaynews.example/a"))).toBe("QUAYNEWS");
    const spaced = BODY.replace("</article>", "<p>Follow Quay News Now for more from the harbour every day.</p></article>");
    expect(
      outletOf(page("<title>Harbour bridge reopens after repairs</title>", "https://www.quaynewsnow.example/a", spaced)),
    ).toBe("Quay News Now");
  });

  it("never returns a site name that is a URL or a long sentence", () => {
    const head = `<meta property="og:site_name" content="https://www.quaynews.example">
      <meta name="copyright" content="Copyright (c) 2017 ">`;
    expect(outletOf(page(head, "https://www.quaynews.example/a"))).toBe("quaynews.example");
  });
});

describe("portal pages", () => {
  const portal = `<title>Harbour bridge reopens after repairs</title>
    <meta property="og:site_name" content="MSN">
    <link rel="canonical" href="https://www.cnn.com/2021/06/14/bridge/index.html">`;

  it("keep the portal as the outlet and cite the supplier", () => {
    const a = page(portal, "https://www.msn.com/en-us/news/ar-AA123");
    expect(a.outlet).toMatchObject({ name: "MSN", domain: "msn.com" });
    expect(a.syndicatedFrom).toEqual({ name: "CNN", domain: "cnn.com" });
    expect(a.canonicalUrl).toBe("https://www.cnn.com/2021/06/14/bridge/index.html");
    const cites = extractCitations(a.body, { syndicatedFrom: a.syndicatedFrom });
    expect(cites).toContainEqual(expect.objectContaining({ outlet: "CNN", kind: "FROM", start: null }));
  });

  it("keep the portal without the page URL too: the page's own name beats a canonical link elsewhere", () => {
    const a = page(portal, null);
    expect(a.outlet?.name).toBe("MSN");
    expect(a.syndicatedFrom?.name).toBe("CNN");
  });

  it("an ordinary page's canonical link is stored, resolved against the page URL, and cites nobody", () => {
    const a = page(
      `<meta property="og:site_name" content="Harbour Herald"><link rel="canonical" href="/news/bridge?x=1">`,
      "https://www.harbourherald.example.com/news/bridge",
    );
    expect(a.canonicalUrl).toBe("https://www.harbourherald.example.com/news/bridge?x=1");
    expect(a.syndicatedFrom).toBeNull();
  });
});

describe("bylines never create outlets", () => {
  it("drops byline credits that are not known outlets, keeps known agencies", () => {
    const cites = extractCitations("The bridge reopened on Monday.", {
      bylineAgencies: [
        "2023 a Facebook post:",
        "tracks misinformation for The Associated Press. She is based in New York",
        "Reuters",
      ],
    });
    expect(cites.filter((c) => c.kind === "BYLINE").map((c) => c.outlet)).toEqual(["Reuters"]);
  });
});
