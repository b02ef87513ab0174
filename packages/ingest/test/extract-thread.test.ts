// Extraction on a worker thread must give exactly what extraction in this thread gives, in input order,
// with role memory learned across articles, and a failure must stay with its own document.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createExtractor } from "../src/extract/thread.ts";
import type { RawDocument } from "../src/extract/types.ts";
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

// A role the seeds use without naming its holder nearby; the memory must carry it into every extractor.
const roles: RoleRow[] = [["russian president", "Vladimir Putin", Date.UTC(2012, 0, 1), Date.UTC(2024, 0, 1), 50]];

describe("the extraction thread", () => {
  it.each([
    1, 2,
  ])("extracts the seeds exactly as this thread does, in order, with their SimHash (%i threads)", async (threads) => {
    const inline = createExtractor({ threads: 0 });
    const threaded = createExtractor({ threads });
    inline.teach(roles);
    threaded.teach(roles);
    try {
      const expected = await Promise.all(seeds.map((d) => inline.extract(d)));
      const actual = await Promise.all(seeds.map((d) => threaded.extract(d)));
      expect(actual.map((d) => d.id)).toEqual(seeds.map((d) => d.id));
      expect(actual).toEqual(expected);
      expect(actual.every((d) => typeof d.simhash === "bigint")).toBe(true);
    } finally {
      await inline.close();
      await threaded.close();
    }
  });

  it("rejects only the document that failed, with the reason, and goes on", async () => {
    const threaded = createExtractor({ threads: 1 });
    try {
      const broken = { ...seeds[0]!, id: "broken", content: 42 as unknown as string };
      const results = await Promise.allSettled([
        threaded.extract(seeds[0]!),
        threaded.extract(broken),
        threaded.extract(seeds[1]!),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/\w+/);
    } finally {
      await threaded.close();
    }
  });
});
