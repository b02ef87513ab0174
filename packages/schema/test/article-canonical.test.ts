// A portal's copy (issue 12.3): the portal is the outlet, the supplier a citation, and the page's canonical link
// is stored and served so the dashboard can link back to the original. Bylines never create outlets.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { runIngest } from "@storyline/ingest/pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support.ts";

const BODY = `<article><h1>Harbour bridge reopens after repairs</h1>
<div class="byline">By Ana Ruiz, tracks harbour news for Quayside Weekly. She is based in Porto. twitter mailto</div>
<p>The harbour bridge reopened to traffic on Monday morning after eight months of repairs, the city council said.</p>
<p>Engineers replaced 140 steel cables, resurfaced the deck and fitted new lighting, at a cost of 12 million euros.</p>
<p>Commuters queued from six o'clock to be among the first across, and some cyclists rang their bells all the way over.</p>
</article>`;
const PORTAL = `<html><head><title>Harbour bridge reopens after repairs</title>
<meta property="og:site_name" content="MSN">
<link rel="canonical" href="https://www.cnn.com/2021/06/14/harbour-bridge/index.html"></head><body>${BODY}</body></html>`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness("schema_article_canonical");
  const dir = mkdtempSync(join(tmpdir(), "storyline-canonical-"));
  const file = join(dir, "pages.jsonl");
  writeFileSync(file, `${JSON.stringify({ id: "portal-1", html: PORTAL, url: "https://www.msn.com/en-us/news/ar-AA1" })}\n`);
  const summary = await runIngest({ prisma: h.prisma, databaseUrl: h.db.url, inputs: [file], command: "test" });
  if (summary.failed) throw new Error(JSON.stringify(summary.errors));
});
afterAll(async () => h?.close());

describe("Article.canonicalUrl", () => {
  it("stores the page's canonical link and serves it, with the portal as outlet and the supplier cited", async () => {
    const stored = await h.prisma.article.findFirstOrThrow({ where: { externalId: "portal-1" } });
    expect(stored.canonicalUrl).toBe("https://www.cnn.com/2021/06/14/harbour-bridge/index.html");
    const { data } = await h.run(
      `query ($id: ID!) { node(id: $id) { ... on Article { url canonicalUrl outlet { name }
        citations { kind asWritten outlet { name } } } } }`,
      { id: encodeGlobalID("Article", stored.id) },
    );
    expect(data.node).toMatchObject({
      url: "https://www.msn.com/en-us/news/ar-AA1",
      canonicalUrl: "https://www.cnn.com/2021/06/14/harbour-bridge/index.html",
      outlet: { name: "MSN" },
    });
    expect(data.node.citations).toEqual([{ kind: "FROM", asWritten: "cnn.com", outlet: { name: "CNN" } }]);
  });

  it("creates no outlet from a byline", async () => {
    const names = (await h.prisma.outlet.findMany({ select: { name: true } })).map((o) => o.name).sort();
    expect(names).toEqual(["CNN", "MSN"]);
  });
});
