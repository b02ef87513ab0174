// The reliability suite's input half: a malformed corpus generated per run (seeded) mixed with good articles,
// ingested for real. No crash, every good article stored, every bad input named with a readable reason, every
// entry of the folder accounted for, nothing local read that the user did not name, counts equal a recount.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rng } from "../src/demo/generate.ts";
import { type IngestSummary, runIngest } from "../src/pipeline.ts";
import { findCountMismatches } from "../src/store/consistency.ts";

const SEED = Number(process.env.STORYLINE_TEST_SEED ?? Date.now() % 1_000_000);
const CAP = 512 * 1024;
const SECRET = "SECRET-FILE-CONTENT-7f3a";

const WORDS = "harbour treaty minister talks island fishing quota border summit envoy vote parliament coast ferry port".split(
  " ",
);
const PLACES = ["Vessa", "Port Halden", "Norland", "Estova", "Carrow"];

/** A distinct, plausible article: each gets its own words so no two are near-duplicates. */
function article(n: number, rand: () => number): string {
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  const place = PLACES[n % PLACES.length]!;
  const sentences = Array.from(
    { length: 6 },
    (_, i) =>
      `Officials in ${place} discussed the ${pick()} and the ${pick()} on day ${n * 7 + i} of case ${n}-${Math.floor(rand() * 1e6)}.`,
  );
  return `Case ${n}: ${pick()} ${pick()} in ${place}\n\n${sentences.join(" ")}\n\n"We will keep working on the ${pick()}," said Maria Lind.`;
}

type Expect = "stored" | "failed" | "skipped" | "either";

interface Planted {
  name: string;
  expect: Expect;
  /** Text the error's input must contain when the entry fails (defaults to the name). */
  shownAs?: string;
}

let db: TestDatabase;
let server: Server;
let base: string;
beforeAll(async () => {
  db = await createTestDatabase("hostile_inputs");
  server = createServer((req, res) => {
    if (req.url === "/records.json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify([
          { id: "remote-lfi-1", file: "/etc/passwd" },
          { id: "remote-lfi-2", file: "../../../../../../etc/hostname" },
          { id: "remote-ok", title: "Remote record", text: article(900, rng(1)) },
        ]),
      );
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await db?.drop();
});

/** Writes the corpus; returns what was planted and what each entry must become. */
function plantCorpus(dir: string, rand: () => number): Planted[] {
  const planted: Planted[] = [];
  const put = (name: string, content: string | Buffer, expect: Expect, shownAs?: string) => {
    writeFileSync(join(dir, name), content);
    planted.push({ name, expect, shownAs });
  };
  let n = 0;
  for (let i = 0; i < 12; i++) put(`good-${i}.txt`, article(n++, rand), "stored");
  for (let i = 0; i < 4; i++)
    put(
      `good-${i}.html`,
      `<html><head><title>Page ${i}</title></head><body><article><p>${article(n++, rand)}</p></article></body></html>`,
      "stored",
    );
  put("UPPER.TXT", article(n++, rand), "stored");
  put("café naïve.txt", article(n++, rand), "stored");
  put("utf16-no-bom.txt", Buffer.from(article(n++, rand), "utf16le"), "stored");

  // Random bytes, invalid UTF-8, truncated and deeply nested HTML.
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(rand() * 256);
  noise[0] = 0;
  put("random-bytes.txt", noise, "failed");
  put(
    "invalid-utf8.txt",
    Buffer.concat([Buffer.from(article(n++, rand)), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1])]),
    "either",
  );
  put("truncated.html", `<html><body><article><p>${article(n++, rand)}</p><p>And then the pa`, "either");
  put("nested.html", `<html><body>${"<div>".repeat(20_000)}<p>${article(n++, rand)}</p></body></html>`, "either");
  put("one-char.txt", "¬", "failed");
  put("one-word.html", "<html><body><article><p>Subscribe</p></article></body></html>", "failed");
  put("empty.txt", "", "failed");
  put("huge-line.txt", "x".repeat(CAP + 10), "failed");
  put("escape-codes.txt", `\x1b[2J\x1b[31m${article(n++, rand)}\x07`, "either");

  // JSON and JSONL: wrong types, broken lines between good ones, a huge line, NUL, secrets in a bad file.
  put(
    "wrong-types.json",
    JSON.stringify([
      { id: 5, title: 42, text: ["x"] },
      { id: "ok-json", text: article(n++, rand) },
    ]),
    "either",
  );
  put("secret.json", `{"text": ${SECRET} not json`, "failed");
  put("deep.json", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, "failed");
  const lines = [
    JSON.stringify({ id: "jl-1", title: "Line one", text: article(n++, rand) }),
    `{"id": "broken", "text": "${SECRET}\u0000 unterminated`,
    JSON.stringify({ id: "jl-2", title: "Line two with a NUL", text: `${article(n++, rand)}\u0000 tail` }),
    "[1, 2, 3]",
    `{"id": "jl-huge", "text": "${"y".repeat(CAP + 10)}"}`,
    JSON.stringify({ id: "jl-3", title: "Line three", text: article(n++, rand) }),
  ];
  put("mixed.jsonl", lines.join("\n"), "either");
  put("empty.jsonl", "", "failed");

  // Records naming local files: inside the folder is fine, anything else is refused.
  mkdirSync(join(dir, "pages"));
  writeFileSync(join(dir, "pages", "inside.notes"), article(n++, rand));
  put(
    "files.jsonl",
    [
      JSON.stringify({ id: "lfi-abs", file: "/etc/passwd" }),
      JSON.stringify({ id: "lfi-up", file: "../../../../../../../etc/passwd" }),
      JSON.stringify({ id: "lfi-dev", file: "/dev/zero" }),
      JSON.stringify({ id: "inside", file: "pages/inside.notes" }),
    ].join("\n"),
    "either",
  );

  // Feeds: an entity bomb, an external entity, and a feed of empty items (the errors must be summarised).
  put(
    "bomb.xml",
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]><rss><channel><title>Bomb</title><item><title>x</title><description>&lol9;</description></item></channel></rss>`,
    "either",
  );
  put(
    "xxe.xml",
    `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>XXE</title><item><title>Leak</title><description>&xxe; ${article(n++, rand)}</description></item></channel></rss>`,
    "either",
  );
  put(
    "empty-items.rss",
    `<rss><channel><title>Empty items</title>${Array.from({ length: 3000 }, (_, i) => `<item><guid>e${i}</guid><title>t</title></item>`).join("")}</channel></rss>`,
    "failed",
    "empty-items.rss",
  );

  // Odd entries: hidden, other types, links, a FIFO, a name that is not UTF-8, a name with an escape code.
  put(".hidden.txt", article(n++, rand), "skipped");
  put("notes.md", "# notes", "skipped");
  symlinkSync("/dev/zero", join(dir, "zero.txt"));
  planted.push({ name: "zero.txt", expect: "failed" });
  symlinkSync(join(dir, "missing.txt"), join(dir, "dangling.txt"));
  planted.push({ name: "dangling.txt", expect: "failed" });
  symlinkSync(dir, join(dir, "loop"));
  planted.push({ name: "loop", expect: "failed" });
  execFileSync("mkfifo", [join(dir, "fifo.txt")]);
  planted.push({ name: "fifo.txt", expect: "failed" });
  writeFileSync(Buffer.from(`${dir}/latin1-\xe9t\xe9.txt`, "latin1"), article(n++, rand));
  planted.push({ name: "latin1-\\xe9t\\xe9.txt", expect: "stored" });
  put("red-\x1b[31m.txt", article(n++, rand), "stored", "red-\\x1b[31m.txt");
  return planted;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for exactly these characters.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

describe(`a malformed corpus mixed with good articles (seed ${SEED})`, () => {
  let dir: string;
  let planted: Planted[];
  let summary: IngestSummary;
  let seconds: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "storyline-hostile-"));
    planted = plantCorpus(dir, rng(SEED));
    const started = performance.now();
    summary = await runIngest({
      prisma: db.prisma,
      databaseUrl: db.url,
      inputs: [dir, `${base}/records.json`],
      command: "test hostile corpus",
      read: { maxFileBytes: CAP },
    });
    seconds = (performance.now() - started) / 1000;
    console.log(
      `hostile corpus (seed ${SEED}): ${planted.length} entries, ${summary.seen} documents read, ${summary.stored} stored, ` +
        `${summary.failed} failed (${summary.errors.length} listed), ${summary.skipped} skipped, ${seconds.toFixed(1)} s`,
    );
  }, 240_000);

  const errorRows = () => db.prisma.ingestError.findMany({ where: { runId: summary.runId! } });
  const storedOrigins = async () =>
    (await db.prisma.article.findMany({ select: { rawRef: true }, where: { ingestRunId: summary.runId } })).map(
      (a) => a.rawRef ?? "",
    );

  it("finishes the run, PARTIAL, without throwing", async () => {
    expect(summary.status).toBe("PARTIAL");
    const run = await db.prisma.ingestRun.findUniqueOrThrow({ where: { id: summary.runId! } });
    expect(run.status).toBe("PARTIAL");
    expect(run.finishedAt).not.toBeNull();
  });

  it("stores every good article, whatever its name or encoding", async () => {
    const origins = await storedOrigins();
    for (const entry of planted.filter((p) => p.expect === "stored")) {
      expect(
        origins.some((o) => o.endsWith(entry.shownAs ?? entry.name)),
        `${entry.name} stored`,
      ).toBe(true);
    }
    for (const id of ["jl-1", "jl-2", "jl-3", "inside", "ok-json", "remote-ok"]) {
      expect(await db.prisma.article.count({ where: { externalId: id } }), id).toBe(1);
    }
  });

  it("names every bad input with a readable reason, no control characters and no file bytes", async () => {
    const rows = await errorRows();
    const inputs = rows.map((r) => r.input);
    for (const entry of planted.filter((p) => p.expect === "failed")) {
      expect(
        inputs.some((i) => i.includes(entry.shownAs ?? entry.name)),
        `${entry.name} in ${JSON.stringify(inputs)}`,
      ).toBe(true);
    }
    for (const row of rows) {
      expect(row.reason.length).toBeGreaterThan(5);
      expect(row.reason, row.input).not.toMatch(CONTROL);
      expect(row.input).not.toMatch(CONTROL);
      expect(row.reason).not.toContain(SECRET);
      expect(row.reason).not.toMatch(/^(\S+): \1/);
      expect(row.reason).not.toMatch(/\b[0-9A-Z]{5}\b.*code|Code: `/);
    }
    const reasonFor = (text: string) => rows.find((r) => r.input.includes(text))?.reason ?? "";
    expect(reasonFor("zero.txt")).toMatch(/not a regular file/);
    expect(reasonFor("fifo.txt")).toMatch(/not a regular file/);
    expect(reasonFor("dangling.txt")).toMatch(/broken symbolic link/);
    expect(reasonFor("loop")).toMatch(/loop/);
    expect(reasonFor("huge-line.txt")).toMatch(/cap/);
    expect(reasonFor("mixed.jsonl:5")).toMatch(/record cap/);
    expect(reasonFor("one-char.txt")).toMatch(/too little text/);
    expect(reasonFor("empty.jsonl")).toMatch(/empty/);
  });

  it("reads no local file a record names outside its folder, and none at all for records from a URL", async () => {
    const rows = await errorRows();
    const reasonFor = (text: string) => rows.find((r) => r.input.includes(text))?.reason ?? "";
    expect(reasonFor("files.jsonl:1")).toMatch(/inside/);
    expect(reasonFor("files.jsonl:2")).toMatch(/outside/);
    expect(reasonFor("files.jsonl:3")).toMatch(/inside/);
    expect(reasonFor(`${base}/records.json#1`)).toMatch(/may not name local files/);
    expect(reasonFor(`${base}/records.json#2`)).toMatch(/may not name local files/);
    const leaked = await db.prisma.article.count({ where: { body: { contains: "root:x:0:0" } } });
    expect(leaked).toBe(0);
  });

  it("accounts for every entry of the folder: stored, failed or skipped with a reason", async () => {
    const origins = await storedOrigins();
    const inputs = (await errorRows()).map((r) => r.input);
    const skipped = summary.skippedInputs.map((s) => s.input);
    for (const entry of planted) {
      const name = entry.shownAs ?? entry.name;
      const seen = [...origins, ...inputs, ...skipped].some((text) => text.includes(name));
      expect(seen, `${entry.name} accounted for`).toBe(true);
    }
    expect(summary.skippedInputs.find((s) => s.input.endsWith(".hidden.txt"))?.reason).toMatch(/hidden/);
    expect(summary.skippedInputs.find((s) => s.input.endsWith("notes.md"))?.reason).toMatch(/not a supported type/);
  });

  it("summarises a problem repeated thousands of times instead of writing a row each", async () => {
    const rows = (await errorRows()).filter((r) => r.input.includes("empty-items.rss") || r.input.includes("more inputs"));
    expect(rows.length).toBeLessThan(20);
    expect(rows.some((r) => /repeated 3000 times/.test(r.reason))).toBe(true);
    expect(summary.failed).toBeGreaterThan(3000);
  });

  it("leaves counts equal to a recount", async () => {
    expect(await findCountMismatches(db.prisma)).toEqual([]);
  });
});
