// A document that takes too long fails alone: its promise rejects after the time budget, the thread stuck on it
// is replaced, and the documents queued behind it come back in order, extracted as they would have been (the
// new thread knows the role table the old one had).
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createExtractor } from "../src/extract/thread.ts";
import type { ExtractedDocument, RawDocument } from "../src/extract/types.ts";
import type { RoleRow } from "../src/store/roles.ts";

const SEEDS_DIR = resolve(import.meta.dirname, "../../../../shared/seeds");
const seeds: RawDocument[] = readdirSync(SEEDS_DIR)
  .sort()
  .map((name) => ({
    id: name,
    format: "text",
    content: readFileSync(resolve(SEEDS_DIR, name), "utf8"),
    meta: {},
    inputKind: "TEXT",
    origin: name,
  }));

// A real slow input, no test hook: 200,000 quoted paragraphs (6 MB), several seconds of honest work even on a
// fast machine, against a budget of one second. A 3 KB seed takes milliseconds.
const slow: RawDocument = {
  id: "slow",
  format: "text",
  content: Array.from({ length: 200_000 }, (_, i) => `"Line ${i} of the statement," she said.`).join("\n\n"),
  meta: {},
  inputKind: "TEXT",
  origin: "slow",
};
const BUDGET_MS = 1000;

const roles: RoleRow[] = [["russian president", "Vladimir Putin", Date.UTC(2012, 0, 1), Date.UTC(2024, 0, 1), 50]];
// Taught while the slow document is stuck: the replacement thread must get it too, in its place.
const lateRoles: RoleRow[] = [["japanese prime minister", "Shinzo Abe", Date.UTC(2012, 0, 1), Date.UTC(2024, 0, 1), 20]];

const [first, second, ...rest] = seeds as [RawDocument, RawDocument, ...RawDocument[]];

/** What extraction in this thread gives for the same calls, the slow document left out. */
async function expectedWithoutSlow(): Promise<ExtractedDocument[]> {
  const inline = createExtractor({ threads: 0 });
  inline.teach(roles);
  const out = [await inline.extract(first), await inline.extract(second)];
  inline.teach(lateRoles);
  for (const doc of rest) out.push(await inline.extract(doc));
  await inline.close();
  return out;
}

describe("the per-document time budget", () => {
  it("rejects only the slow document, replaces its thread and extracts the queued ones in order", async () => {
    const expected = await expectedWithoutSlow();
    const threaded = createExtractor({ threads: 1, timeBudgetMs: BUDGET_MS });
    threaded.teach(roles);
    try {
      // The first document waits for the thread to load; the budget counts from then.
      const warm = await threaded.extract(first);
      const started = performance.now();
      const queued = [threaded.extract(second), threaded.extract(slow)];
      threaded.teach(lateRoles);
      for (const doc of rest) queued.push(threaded.extract(doc));
      const results = await Promise.allSettled(queued);
      const elapsed = performance.now() - started;

      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", ...rest.map(() => "fulfilled")]);
      expect(String((results[1] as PromiseRejectedResult).reason)).toBe(
        "Error: extraction took longer than 1 s; the document was skipped",
      );
      const extracted = [warm, ...results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []))];
      expect(extracted.map((d) => d.id)).toEqual(expected.map((d) => d.id));
      expect(extracted).toEqual(expected);
      // The slow document was cut off, not waited for (generous: a new thread loads in about 0.4 s).
      expect(elapsed).toBeLessThan(BUDGET_MS + 20_000);

      // The replacement thread goes on taking documents.
      expect((await threaded.extract(first)).id).toBe(first.id);
    } finally {
      await threaded.close();
    }
  }, 120_000);

  it("keeps input order across several threads when one of them is replaced", async () => {
    const threaded = createExtractor({ threads: 2, timeBudgetMs: BUDGET_MS });
    try {
      await Promise.all([threaded.extract(first), threaded.extract(second)]);
      const docs = [first, slow, ...rest, second];
      const results = await Promise.allSettled(docs.map((d) => threaded.extract(d)));
      expect(results.map((r) => r.status)).toEqual(docs.map((d) => (d === slow ? "rejected" : "fulfilled")));
      const ids = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : []));
      expect(ids).toEqual(docs.filter((d) => d !== slow).map((d) => d.id));
    } finally {
      await threaded.close();
    }
  }, 120_000);

  it("does not apply in this thread (threads: 0): nothing can stop a synchronous extraction there", async () => {
    const inline = createExtractor({ threads: 0, timeBudgetMs: 1 });
    const doc = await inline.extract(first);
    expect(doc.id).toBe(first.id);
    await inline.close();
  });
});
