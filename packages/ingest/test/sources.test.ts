// Feeds and URLs as inputs, against a real HTTP server on loopback.

import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedDateToIso } from "../src/sources/feeds.ts";
import { readInputs, type SourceItem } from "../src/sources/index.ts";

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coastal Times</title>
  <entry><id>urn:ct:1</id><title>Harbour talks open</title><link rel="alternate" href="https://coastaltimes.example/1"/>
    <published>2025-03-14T09:30:00+02:00</published><updated>2025-03-15T10:00:00+02:00</updated>
    <author><name>Ana Ruiz</name></author>
    <content type="html">&lt;p&gt;Negotiators from Norland and Estova met in Port Halden on Friday to open talks on the harbour treaty.&lt;/p&gt;</content></entry>
  <entry><id>urn:ct:2</id><title>Empty item</title></entry>
</feed>`;

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/page") {
      res.writeHead(200, { "content-type": "text/html; charset=windows-1252" });
      res.end(
        Buffer.from(
          `<html><head><title>Caf\xe9</title></head><body><article><p>${"Talks in a caf\xe9 in Vessa went on late into the night. ".repeat(6)}</p></article></body></html>`,
          "latin1",
        ),
      );
    } else if (req.url === "/feed") {
      res.writeHead(200, { "content-type": "application/atom+xml" });
      res.end(ATOM);
    } else if (req.url === "/big") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("x".repeat(3 * 1024 * 1024));
    } else if (req.url === "/slow") {
      setTimeout(() => res.end("late"), 5000).unref();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const collect = async (specs: string[], options = {}) => {
  const items: SourceItem[] = [];
  for await (const item of readInputs(specs, options)) items.push(item);
  return items;
};

describe("feeds", () => {
  it("turns Atom entries into documents whose metadata comes from the feed, and names an empty entry", async () => {
    const dir = mkdtempSync(join(tmpdir(), "storyline-feed-"));
    writeFileSync(join(dir, "coastal.atom"), ATOM);
    const items = await collect([join(dir, "coastal.atom")]);
    const docs = items.flatMap((i) => ("doc" in i ? [i.doc] : []));
    const errors = items.flatMap((i) => ("error" in i ? [i.error] : []));
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      id: "urn:ct:1",
      format: "html",
      url: "https://coastaltimes.example/1",
      inputKind: "FEED",
      meta: {
        title: "Harbour talks open",
        publishedAt: "2025-03-14T09:30:00+02:00",
        outlet: "Coastal Times",
        authors: ["Ana Ruiz"],
        fromFeed: true,
      },
    });
    expect(errors[0]?.reason).toMatch(/no content/);
  });

  it("keeps an RSS pubDate's wall-clock time and offset as written", () => {
    expect(feedDateToIso("Fri, 14 Mar 2025 09:30:00 +0200")).toBe("2025-03-14T09:30:00+02:00");
    expect(feedDateToIso("Fri, 14 Mar 2025 09:30:00 GMT")).toBe("2025-03-14T09:30:00+00:00");
  });
});

describe("URLs", () => {
  it("fetches a page and decodes its declared charset", async () => {
    const [item] = await collect([`${base}/page`]);
    expect(item && "doc" in item && item.doc.content).toContain("café");
  });

  it("reads a feed served over HTTP", async () => {
    const items = await collect([`${base}/feed`]);
    expect(items.filter((i) => "doc" in i)).toHaveLength(1);
  });

  it("gives up on a server that does not answer in time, with the reason", async () => {
    const [item] = await collect([`${base}/slow`], { fetchTimeoutMs: 300 });
    expect(item && "error" in item && item.error.reason).toMatch(/no answer within 0\.3 s/);
  });

  it("refuses a page over the size cap", async () => {
    const [item] = await collect([`${base}/big`], { maxFileBytes: 1024 * 1024 });
    expect(item && "error" in item && item.error.reason).toMatch(/cap/);
  });

  it("reports an HTTP error status", async () => {
    const [item] = await collect([`${base}/missing`]);
    expect(item && "error" in item && item.error.reason).toMatch(/HTTP 404/);
  });
});
