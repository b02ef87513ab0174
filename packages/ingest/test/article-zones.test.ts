import { describe, expect, it } from "vitest";
import { extractArticle } from "../src/extract/article.ts";
import { dateFromUrl } from "../src/extract/dates.ts";
import type { ArticleMetadata } from "../src/extract/types.ts";
import { homeZone, inPublisherZone, statedPageOffset } from "../src/extract/zones.ts";

const html = (head: string, url: string | null, body = ""): ArticleMetadata =>
  extractArticle({
    id: "t",
    format: "html",
    content: `<!doctype html><html lang="en"><head><title>Harbour bridge reopens</title>${head}</head><body><article><h1>Harbour bridge reopens</h1>${body}<p>The bridge over the harbour reopened to traffic on the evening after months of repairs, the city said in a statement.</p><p>Drivers queued for an hour before the barriers lifted and the first cars crossed the span again.</p></article></body></html>`,
    url,
    meta: {},
    inputKind: "HTML",
    origin: "test",
  });

describe("UTC stamps become the publisher's local day", () => {
  it("uses the offset the page states elsewhere (a <time> in newsroom time)", () => {
    const a = html(
      `<meta property="article:published_time" content="2023-12-23T03:22:07Z">`,
      "https://www.example-post.com/entry/bridge",
      `<time datetime="2023-12-22T22:22:07-0500">December 22, 2023 10:22 PM EST</time>`,
    );
    expect(a.published).toMatchObject({ value: "2023-12-22T22:22:07", offset: "-05:00", source: "METADATA" });
  });

  it("reads the offset off a zone-less stamp of the same minute and second", () => {
    expect(
      statedPageOffset([
        { value: "2023-12-20T14:04:55", offset: "+00:00", precision: "MINUTE" },
        { value: "2023-12-20T09:04:55", offset: null, precision: "MINUTE" },
      ]),
    ).toBe("-05:00");
  });

  it("uses a known outlet's home zone, DST included (a Los Angeles evening stays on its day)", () => {
    const a = html(`<meta property="article:published_time" content="2022-12-24T05:30:00Z">`, "https://www.latimes.com/story/x");
    expect(a.published).toMatchObject({ value: "2022-12-23T21:30:00", offset: "-08:00" });
    const summer = inPublisherZone(
      { value: "2022-07-01T03:00:00", offset: "+00:00", precision: "MINUTE" },
      { iana: homeZone("https://edition.cnn.com/x") },
    );
    expect(summer).toMatchObject({ value: "2022-06-30T23:00:00", offset: "-04:00" });
  });

  it("uses the country of a country-code domain", () => {
    expect(homeZone("https://www.example.com.au/news")).toBe("Australia/Sydney");
    expect(homeZone("https://zeitung.example.de/a")).toBe("Europe/Berlin");
    expect(homeZone("https://example.io/a")).toBeNull();
    expect(homeZone("https://example.com/a")).toBeNull();
    const a = html(`<meta property="article:published_time" content="2023-12-25T22:03:00.000Z">`, "https://www.example.com.au/x");
    expect(a.published?.value).toBe("2023-12-26T09:03:00");
  });

  it("leaves UTC alone when nothing says where the publisher is, and never shifts local stamps", () => {
    expect(
      html(`<meta property="article:published_time" content="2023-12-23T03:22:07Z">`, "https://example.com/a").published?.value,
    ).toBe("2023-12-23T03:22:07");
    expect(
      html(`<meta property="article:published_time" content="2023-12-22T22:02:10+05:30">`, "https://example.com.au/a").published
        ?.value,
    ).toBe("2023-12-22T22:02:10");
  });
});

describe("which declared date is the publication date", () => {
  it("prefers a field that names publication over a generic date field", () => {
    const a = html(
      `<meta name="dc.date" content="2023-10-05"><meta name="dcterms.modified" content="2023-10-06T17:10:14-04:00">
       <script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour bridge reopens","datePublished":"2023-10-08T07:00:25-04:00","dateModified":"2023-10-09T07:00:25-04:00"}</script>`,
      "https://example.com/a",
    );
    expect(a.published?.value).toBe("2023-10-08T07:00:25");
    expect(a.modifiedAt).toBe("2023-10-06T17:10:14");
  });

  it("prefers published over modified", () => {
    const a = html(
      `<meta property="article:modified_time" content="2020-01-05T11:53:45+01:00"><meta property="article:published_time" content="2018-02-28T20:00:18+01:00">`,
      "https://example.de/a",
    );
    expect(a.published?.value).toBe("2018-02-28T20:00:18");
  });

  it("prefers the URL's day over an unmarked <time> days away, not over one a day later", () => {
    const teaser = html(
      "",
      "https://example.com/news/2023-12-19/story/.1",
      `<aside-list><time datetime="2023-12-24T13:05:00-05:00">13:05</time></aside-list>`,
    );
    expect(teaser.published).toMatchObject({ value: "2023-12-19", source: "URL" });
    const next = html(
      "",
      "https://example.com/news/2023/12/21/story",
      `<time datetime="2023-12-22 05:00:00">12/22/2023 05:00 AM EST</time>`,
    );
    expect(next.published?.value).toBe("2023-12-22T05:00:00");
  });

  it("reads month names in URL paths", () => {
    expect(dateFromUrl("https://example.com/factchecks/2023/dec/21/post/")).toMatchObject({
      value: "2023-12-21",
      precision: "DAY",
    });
  });
});
