import { describe, expect, it } from "vitest";
import { extractArticle } from "../src/extract/article.ts";
import type { ArticleMetadata, InputMeta } from "../src/extract/types.ts";

const html = (content: string, url: string | null = null, meta: InputMeta = {}): ArticleMetadata =>
  extractArticle({ id: "t", format: "html", content, url, meta, inputKind: "HTML", origin: "test" });

// An invented story in a typical news template: navigation, share bar, ads, related links, comments, footer.
const STORY = `<!doctype html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Harbour bridge reopens after repairs | The Example Gazette</title>
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta property="og:site_name" content="The Example Gazette">
<meta name="author" content="Maria Lopez">
<meta property="article:published_time" content="2021-06-14T07:30:00+01:00">
<meta property="article:modified_time" content="2021-06-15T09:00:00+01:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour bridge reopens after repairs",
 "author":[{"@type":"Person","name":"Maria Lopez"},{"@type":"Person","name":"Tom O&#039;Brien"}],
 "publisher":{"@type":"Organization","name":"The Example Gazette"},"datePublished":"2021-06-14T07:30:00+01:00"}</script>
<script>window.ads = { slot: "top" };</script>
</head><body class="single has-sidebar">
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="ad-slot">Advertisement</div>
<main><article class="story">
  <h1>Harbour bridge reopens after repairs</h1>
  <div class="byline">By Maria Lopez and Tom O'Brien</div>
  <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
  <div class="article-body">
    <p>The harbour bridge reopened to traffic on Monday morning after eight months of repairs, the city council said.</p>
    <p>Engineers replaced 140 steel cables, resurfaced the deck and fitted new lighting, at a cost of 12 million euros.</p>
    <div class="inline-ad">Advertisement</div>
    <h2>Queues at dawn</h2>
    <p>Commuters queued from six o'clock to be among the first across, and some cyclists rang their bells all the way over.</p>
    <p>"It has been a long winter of detours," said Ana Ruiz, who drives a delivery van. "Today I saved forty minutes."</p>
    <p class="related-inline">Read more: <a href="/x">Council approves bridge budget</a></p>
    <p>The council said the bridge would close again for one night in September for a final inspection of the cables.</p>
  </div>
  <div class="related-stories"><h3>Related</h3><ul>
    <li><a href="/a">Council approves bridge budget for the coming year</a></li>
    <li><a href="/b">Ferry timetable changes during the works</a></li></ul></div>
</article></main>
<section id="comments" class="comments"><h3>12 comments</h3><p>Finally! I have waited months for this and my commute was a nightmare every single day.</p></section>
<footer><p>© 2021 The Example Gazette. All rights reserved.</p></footer>
</body></html>`;

describe("extractArticle on an HTML news page", () => {
  const a = html(STORY, "https://www.example-gazette.co.uk/news/harbour-bridge-reopens");

  it("keeps the article paragraphs and subheads, in order, separated by blank lines", () => {
    expect(a.body.split("\n\n")).toEqual([
      "The harbour bridge reopened to traffic on Monday morning after eight months of repairs, the city council said.",
      "Engineers replaced 140 steel cables, resurfaced the deck and fitted new lighting, at a cost of 12 million euros.",
      "Queues at dawn",
      "Commuters queued from six o'clock to be among the first across, and some cyclists rang their bells all the way over.",
      '"It has been a long winter of detours," said Ana Ruiz, who drives a delivery van. "Today I saved forty minutes."',
      "The council said the bridge would close again for one night in September for a final inspection of the cables.",
    ]);
  });

  it("reads title, authors, outlet and dates from the metadata", () => {
    expect(a.title).toBe("Harbour bridge reopens after repairs");
    expect(a.authors).toEqual(["Maria Lopez", "Tom O'Brien"]);
    expect(a.outlet).toMatchObject({
      name: "The Example Gazette",
      domain: "example-gazette.co.uk",
      source: "METADATA",
      evidence: "og:site_name",
    });
    expect(a.published).toMatchObject({ value: "2021-06-14T07:30:00", offset: "+01:00", source: "METADATA" });
    expect(a.modifiedAt).toBe("2021-06-15T09:00:00");
    expect(a.language).toBe("en");
    expect(a.wordCount).toBeGreaterThan(80);
  });

  it("maps a known domain through the outlet table and lets input metadata win", () => {
    const onRt = html(STORY, "https://www.rt.com/news/123-bridge/");
    expect(onRt.outlet).toMatchObject({ name: "RT", domain: "rt.com", source: "URL" });
    const given = html(STORY, null, { outlet: "AP", publishedAt: "2021-06-13", title: "Given title", fromFeed: true });
    expect(given.outlet).toMatchObject({ name: "Associated Press", source: "INPUT" });
    expect(given.published).toMatchObject({ value: "2021-06-13", source: "FEED" });
    expect(given.title).toBe("Given title");
  });

  it("falls back to the URL date and then to a printed dateline", () => {
    const bare = STORY.replace(/<meta property="article:[^>]+>/g, "").replace(/,"datePublished":"[^"]+"/, "");
    expect(html(bare, "https://example.com/2021/06/14/bridge").published).toMatchObject({ value: "2021-06-14", source: "URL" });
    const printed = bare.replace(
      '<div class="byline">',
      '<div class="meta"><span class="date">14 June 2021</span></div><div class="byline">',
    );
    expect(html(printed, "https://example.com/bridge").published).toMatchObject({ value: "2021-06-14", source: "TEXT" });
  });
});

describe("pages without an article", () => {
  it("returns an empty body rather than menus, and does not throw", () => {
    const login = `<html><head><title>Sign in - Example</title></head><body>
      <nav><a href="/">Home</a><a href="/news">News</a></nav>
      <form><label>Email</label><input name="e"><button>Sign in</button></form>
      <footer>© 2024 Example</footer></body></html>`;
    const a = html(login, "https://example.com/login");
    expect(a.body).toBe("");
    expect(a.wordCount).toBe(0);
    expect(a.title).toBe("Sign in - Example");
    expect(a.published).toBeNull();
  });

  it("copes with empty and broken markup", () => {
    expect(html("").body).toBe("");
    expect(html("<div><p>Unclosed <b>tags <i>everywhere").title).toBeNull();
  });
});

describe("text laid out with <br> instead of <p>", () => {
  it("splits at line breaks and scores the container", () => {
    const lines = Array.from(
      { length: 6 },
      (_, i) => `Line ${i + 1} of a story told with breaks, which old templates still use for every paragraph.`,
    );
    const page = `<html><body><div class="nav"><a href="/">Home</a></div><div class="txt">${lines.join("<br><br>")}</div></body></html>`;
    expect(html(page).body.split("\n\n")).toEqual(lines);
  });
});
