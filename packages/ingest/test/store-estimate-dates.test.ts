// Cross-article dating: undated articles dated from the articles of their story (issue 13).
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../src/pipeline.ts";
import { type DatingArticle, estimateFromStory } from "../src/store/estimate-dates.ts";

const SEEDS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/seeds");

const dated: DatingArticle = {
  id: 1,
  title: "Halden harbour talks resume",
  body:
    "Talks on the Halden harbour resumed in Vessa on Tuesday. " +
    "In a meeting in Marrowby last month, Vetrov and Lind agreed to accelerate negotiations on the harbour treaty. " +
    "During a Vetrov-Lind exchange in Kestrel Bay in September, Vetrov offered to sign the harbour treaty without preconditions.",
  eventId: 1,
  day: "2018-12-02",
  earliest: null,
};

describe("estimateFromStory", () => {
  it("resolves 'last year' and a bare past month against the happenings a dated article places in time", () => {
    const later: DatingArticle = {
      id: 2,
      title: "Lind hopes for a harbour deal",
      body:
        "“At a meeting with Vetrov in Marrowby last year, we agreed to accelerate negotiations on the treaty,” Lind said. " +
        "Vetrov surprised Lind in September when, at a conference in Kestrel Bay, he offered a harbour treaty without any pre-conditions.",
      eventId: 2,
      day: null,
      earliest: null,
    };
    const e = estimateFromStory(later, [dated, later]);
    expect(e).toMatchObject({ precision: "YEAR", value: "2019-01-01", earliest: "2019-01-01", latest: "2019-08-31" });
    expect(e?.evidence).toContain("last year");
  });

  it("dates a report of a named happening as news to that happening's month", () => {
    const news: DatingArticle = {
      id: 3,
      title: "Vetrov offers harbour treaty in Kestrel Bay",
      body: "Vetrov offered Lind a harbour treaty without preconditions at the Kestrel Bay conference on Wednesday, taking officials by surprise.",
      eventId: 3,
      day: null,
      earliest: null,
    };
    expect(estimateFromStory(news, [dated, news])).toMatchObject({ precision: "MONTH", value: "2018-09-01" });
  });

  it("says nothing when the undated article shares no happening, and ignores sentences that date themselves", () => {
    const unrelated: DatingArticle = {
      id: 4,
      title: "Harbour history",
      body: "In 1956 the harbour treaty talks in Marrowby collapsed without preconditions being agreed. The harbour is old.",
      eventId: 4,
      day: null,
      earliest: null,
    };
    expect(estimateFromStory(unrelated, [dated, unrelated])).toBeNull();
  });

  it("dates an article from its event's dated members when its words do not contradict them", () => {
    const member: DatingArticle = {
      id: 5,
      title: "Harbour",
      body: "The harbour reopened.",
      eventId: 1,
      day: null,
      earliest: null,
    };
    expect(estimateFromStory(member, [dated, member])).toMatchObject({
      precision: "WEEK",
      earliest: "2018-11-29",
      latest: "2018-12-05",
    });
  });
});

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("estimate_dates");
});
afterAll(async () => db?.drop());

describe.skipIf(!existsSync(SEEDS))("the five seed articles ingested together", () => {
  it("date each other: 000 from 001's Singapore and Vladivostok meetings, 004 from its own arithmetic", async () => {
    const files = readdirSync(SEEDS)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(SEEDS, f));
    await runIngest({ prisma: db.prisma, databaseUrl: db.url, inputs: files, command: "test" });
    const rows = await db.prisma.article.findMany({ orderBy: { externalId: "asc" } });
    const byName = (n: string) => rows.find((r) => r.externalId?.includes(`/${n}_`))!;
    const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

    const s001 = byName("001");
    expect(day(s001.publishedAt)).toBe("2018-12-02");
    const s000 = byName("000");
    expect(s000).toMatchObject({ publishedAtPrecision: "YEAR", publishedAtSource: "LINKED" });
    expect(day(s000.publishedAt)).toBe("2019-01-01");
    expect(day(s000.publishedAtLatest)).toBe("2019-08-31");
    const s004 = byName("004");
    expect(s004).toMatchObject({ publishedAtPrecision: "YEAR", publishedAtSource: "INFERRED" });
    expect(day(s004.publishedAt)).toBe("2013-01-01");
    // 002 and 003 report September's offer without naming where it was made: no month is claimed for them
    // unless it is September 2018.
    for (const n of ["002", "003"]) {
      const r = byName(n);
      if (r.publishedAt) expect(day(r.publishedAt)?.slice(0, 7)).toBe("2018-09");
    }
    // Rollups count the estimate: the overview sees 000 in 2019.
    const counted = await db.prisma.$queryRaw<{ n: number }[]>`
      select coalesce(sum(total), 0)::int as n from "CoverageDay" where dimension = 'ALL' and day = '2019-01-01'`;
    expect(counted[0]?.n).toBe(1);
  });
});
