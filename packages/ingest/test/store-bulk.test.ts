// The batch writer's raw multi-row INSERT: every column type survives the trip into Postgres, including the
// characters that array literals and COPY-style encodings trip over.
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRows } from "../src/store/bulk.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("bulk");
});
afterAll(async () => db?.drop());

describe("insertRows", () => {
  it("writes text, arrays, enums, wall-clock timestamps, bigints and NULLs exactly", async () => {
    const awkward = ['He said "no", then left', "back\\slash", "{braces}, commas", "", "naïve — Москва", "tab\there\nnewline"];
    const rows = [
      {
        id: 900_001,
        body: awkward.join(" | "),
        authors: awkward,
        simhashBands: [1, 65_536, 196_607],
        simhash: -9_123_456_789_012_345_678n,
        publishedAt: new Date(Date.UTC(2018, 11, 2, 1, 5, 0)),
        publishedAtSource: "TEXT",
        inputKind: "HTML",
        contentHash: "h1",
        wordCount: 3,
        title: null,
      },
      {
        id: 900_002,
        body: "second",
        authors: [],
        simhashBands: [],
        simhash: 0n,
        publishedAt: null,
        publishedAtSource: "NONE",
        inputKind: "TEXT",
        contentHash: "h2",
        wordCount: 1,
        title: undefined,
      },
    ];
    const written = await insertRows(
      db.prisma,
      "Article",
      {
        id: "int",
        body: "text",
        authors: "text[]",
        simhashBands: "int[]",
        simhash: "int8",
        publishedAt: "timestamp",
        publishedAtSource: "enum:ProvenanceSource",
        inputKind: "enum:InputKind",
        contentHash: "text",
        wordCount: "int",
        title: "text",
      },
      rows,
    );
    expect(written).toBe(2);
    const stored = await db.prisma.article.findMany({ where: { id: { in: [900_001, 900_002] } }, orderBy: { id: "asc" } });
    expect(stored.map((a) => a.authors)).toEqual([awkward, []]);
    expect(stored[0]!.body).toBe(awkward.join(" | "));
    expect(stored.map((a) => a.simhashBands)).toEqual([[1, 65_536, 196_607], []]);
    expect(stored.map((a) => a.simhash)).toEqual([-9_123_456_789_012_345_678n, 0n]);
    // The wall clock as written, not shifted by any zone.
    expect(stored[0]!.publishedAt?.toISOString()).toBe("2018-12-02T01:05:00.000Z");
    expect(stored.map((a) => [a.publishedAtSource, a.inputKind, a.title])).toEqual([
      ["TEXT", "HTML", null],
      ["NONE", "TEXT", null],
    ]);
  });

  it("writes JSON columns and honours an ON CONFLICT suffix", async () => {
    await db.prisma.article.create({ data: { id: 900_010, body: "b", contentHash: "h10", inputKind: "TEXT" } });
    // parts' keys are deliberately not all column names: nested values must arrive whole.
    const parts = [{ start: 0, end: 1, speaker: "cue", note: { said: "x" } }];
    const quote = { id: 900_100, articleId: 900_010, text: "x", start: 0, end: 1, parts, kind: "FULL" };
    const columns = {
      id: "int",
      articleId: "int",
      text: "text",
      start: "int",
      end: "int",
      parts: "jsonb",
      kind: "enum:QuoteKind",
    } as const;
    await insertRows(db.prisma, "Quote", columns, [quote]);
    await expect(insertRows(db.prisma, "Quote", columns, [quote])).rejects.toThrow();
    expect(await insertRows(db.prisma, "Quote", columns, [quote], "on conflict do nothing")).toBe(0);
    const stored = await db.prisma.quote.findUniqueOrThrow({ where: { id: 900_100 } });
    expect(stored.parts).toEqual(parts);
    expect(stored.end).toBe(1);
  });

  it("writes text JSON cannot carry (a lone surrogate), floats and float NULLs", async () => {
    // A lone surrogate cannot be escaped into jsonb; the row still goes in, the surrogate becoming U+FFFD as
    // any UTF-8 encoding of it does.
    const rows = [
      { id: 900_021, body: "broken \ud83d pair", contentHash: "h21", inputKind: "TEXT", duplicateSimilarity: 0.125 },
      { id: 900_022, body: "fine", contentHash: "h22", inputKind: "TEXT", duplicateSimilarity: null },
    ];
    const columns = {
      id: "int",
      body: "text",
      contentHash: "text",
      inputKind: "enum:InputKind",
      duplicateSimilarity: "float8",
    } as const;
    expect(await insertRows(db.prisma, "Article", columns, rows)).toBe(2);
    const stored = await db.prisma.article.findMany({ where: { id: { in: [900_021, 900_022] } }, orderBy: { id: "asc" } });
    expect(stored.map((a) => [a.body, a.duplicateSimilarity])).toEqual([
      ["broken \ufffd pair", 0.125],
      ["fine", null],
    ]);
  });

  it("writes nothing for no rows", async () => {
    expect(await insertRows(db.prisma, "Article", { id: "int" }, [] as { id: number }[])).toBe(0);
  });
});
