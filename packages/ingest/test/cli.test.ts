// The storyline CLI run as a real process against a real database: what an operator or cron sees.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createTestDatabase, freeLoopbackPort, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireIngestLock } from "../src/store/lock.ts";

const BIN = resolve(import.meta.dirname, "../bin/storyline.sh");
let db: TestDatabase;
let inputs: string;

const storyline = (args: string[], input?: string) => {
  const result = spawnSync(BIN, args, {
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: "utf8",
    input,
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

const ARTICLE = (n: number) =>
  `Harbour talks resume in Vessa, round ${n}\n\nNegotiators met again in Vessa on Monday, 3 March 2025, for round ${n} of the harbour talks.\n\n` +
  `"We are closer than ever," said Maria Lind, Norland's prime minister.\n\nAdvertisement\n\nThe talks continue next week.`;

beforeAll(async () => {
  db = await createTestDatabase("cli");
  inputs = mkdtempSync(join(tmpdir(), "storyline-cli-"));
  mkdirSync(join(inputs, "nested"));
  writeFileSync(join(inputs, "one.txt"), ARTICLE(1));
  writeFileSync(join(inputs, "nested", "two.txt"), ARTICLE(2));
  writeFileSync(
    join(inputs, "page.html"),
    `<html><head><meta charset="windows-1252"><title>Caf\xe9 talks</title><meta property="og:site_name" content="Coastal Times"></head>` +
      `<body><nav>Home News</nav><article><h1>Caf\xe9 talks in Vessa</h1><p>${"Negotiators met in a caf\xe9 in Vessa to discuss the harbour. ".repeat(8)}</p></article></body></html>`,
    "latin1",
  );
  writeFileSync(
    join(inputs, "records.jsonl"),
    [
      JSON.stringify({
        id: "r1",
        title: "Record one",
        text: ARTICLE(3),
        publishedAt: "2025-03-04T08:00:00",
        outlet: "Meridian Wire",
      }),
      "{ this is not json",
      JSON.stringify({ id: "r2", title: 42, text: "wrong types" }),
      JSON.stringify({ id: "r3", text: "a", html: "<p>both</p>" }),
    ].join("\n"),
  );
  writeFileSync(join(inputs, "empty.txt"), "");
  writeFileSync(join(inputs, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
  writeFileSync(join(inputs, "nothing.html"), "<html><body><nav>Home | About</nav></body></html>");
  writeFileSync(join(inputs, "huge.txt"), `${"word ".repeat(300_000)}`);
});
afterAll(async () => db?.drop());

describe("storyline ingest", () => {
  it("stores what it can, names every bad input with its reason, and exits 2", async () => {
    const run = storyline(["ingest", inputs, "--json", "--max-file-size", "1"]);
    expect(run.code).toBe(2);
    const summary = JSON.parse(run.stdout);
    expect(summary.stored).toBe(4);
    const reasons = summary.errors.map((e: { input: string; reason: string }) => `${e.input.replace(inputs, "")}: ${e.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/binary\.txt: .*binary/),
        expect.stringMatching(/^\/empty\.txt: file is empty/),
        expect.stringMatching(/^\/huge\.txt: .*over the 1\.0 MB cap/),
        expect.stringMatching(/^\/nothing\.html: no article text/),
        expect.stringMatching(/^\/records\.jsonl:2: invalid JSON/),
        expect.stringMatching(/^\/records\.jsonl:3: bad record: title/),
        expect.stringMatching(/^\/records\.jsonl:4: bad record: needs exactly one of text, html or file/),
      ]),
    );
    expect(await db.prisma.ingestError.count({ where: { runId: summary.runId } })).toBe(summary.failed);
    const page = await db.prisma.article.findFirstOrThrow({ where: { inputKind: "HTML" }, include: { outlet: true } });
    expect(page.title).toContain("Café talks");
    expect(page.outlet?.name).toBe("Coastal Times");
  });

  it("adds nothing when run again over the same inputs", async () => {
    const before = await db.prisma.article.count();
    const run = storyline(["ingest", inputs, "--json", "--max-file-size", "1"]);
    const summary = JSON.parse(run.stdout);
    expect(summary.stored).toBe(0);
    expect(summary.unchanged).toBe(4);
    expect(await db.prisma.article.count()).toBe(before);
  });

  it("writes nothing on --dry-run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "storyline-dry-"));
    writeFileSync(join(dir, "new.txt"), ARTICLE(99));
    const before = await db.prisma.article.count();
    const run = storyline(["ingest", dir, "--dry-run", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true, seen: 1 });
    expect(await db.prisma.article.count()).toBe(before);
  });

  it("reads standard input (extracting in the main thread with --threads 0)", async () => {
    const run = storyline(["ingest", "-", "--json", "--threads", "0"], ARTICLE(7));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).stored).toBe(1);
  });

  it("exits 3 with a clear message while another ingest holds the lock", async () => {
    const lock = await acquireIngestLock(db.url, { waitMs: 0 });
    try {
      const run = storyline(["ingest", inputs]);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/another storyline ingest is running/);
    } finally {
      await lock.release();
    }
  });

  it("exits 3 naming the problem when the database cannot be reached", () => {
    const result = spawnSync(BIN, ["ingest", inputs], {
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/nowhere" },
      encoding: "utf8",
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/Cannot connect to the PostgreSQL server in DATABASE_URL/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("leaves no half article when killed mid-run, and the next run completes the corpus", async () => {
    const demo = { dir: mkdtempSync(join(tmpdir(), "storyline-kill-")) };
    for (let n = 0; n < 1500; n++)
      writeFileSync(join(demo.dir, `a${n}.txt`), ARTICLE(1000 + n).replace("Monday", ["Monday", "Tuesday", "Friday"][n % 3]!));
    const child = spawn(BIN, ["ingest", demo.dir, "--batch-size", "5"], {
      env: { ...process.env, DATABASE_URL: db.url },
      stdio: "ignore",
    });
    const exited = new Promise((r) => child.once("exit", r));
    // Kill it once some batches have landed, wherever it is.
    for (let i = 0; i < 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      if ((await db.prisma.article.count({ where: { rawRef: { startsWith: demo.dir } } })) >= 20) break;
    }
    child.kill("SIGKILL");
    await exited;
    const partial = await db.prisma.article.count({ where: { rawRef: { startsWith: demo.dir } } });
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1500);
    // Every stored article has all of its quotes, and the rollups count exactly the stored articles.
    const [orphanRow] = await db.prisma.$queryRaw<{ orphans: bigint }[]>`
      select count(*) as orphans from "Article" a where a."eventId" is null and a."publishedAt" is not null and a."inputKind" <> 'STDIN'
        and a."rawRef" like ${`${demo.dir}%`}`;
    expect(Number(orphanRow?.orphans)).toBe(0);
    const rerun = storyline(["ingest", demo.dir, "--json"]);
    expect(rerun.code).toBe(0);
    const total = await db.prisma.article.count({ where: { rawRef: { startsWith: demo.dir } } });
    expect(total).toBe(1500);
    const again = JSON.parse(storyline(["ingest", demo.dir, "--json"]).stdout);
    expect(again.stored).toBe(0);
    expect(again.unchanged).toBe(total);
    const [counts] = await db.prisma.$queryRaw<{ articles: bigint; rolled: bigint }[]>`
      select (select count(*) from "Article" where "publishedAt" is not null) as articles,
             (select coalesce(sum(total), 0) from "CoverageDay" where dimension = 'ALL') as rolled`;
    expect(Number(counts?.rolled)).toBe(Number(counts?.articles));
  });
});

describe("configuration problems end with one sentence naming the fix", () => {
  const withEnv = (extra: Record<string, string>) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
    if (!("DATABASE_URL" in extra)) delete env.DATABASE_URL;
    return spawnSync(BIN, ["ingest", inputs], { env, encoding: "utf8", timeout: 60_000 });
  };

  it("a data folder that cannot be created", async () => {
    const run = withEnv({ STORYLINE_DATA_DIR: "/etc/passwd/storyline", STORYLINE_PG_PORT: String(await freeLoopbackPort()) });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/The data folder \/etc\/passwd\/storyline is not writable.*Set STORYLINE_DATA_DIR/);
  });

  it("a database port held by another program", async () => {
    const { createServer } = await import("node:net");
    const squatter = createServer((socket) => socket.end("not postgres\n"));
    const port = await freeLoopbackPort();
    await new Promise<void>((r) => squatter.listen(port, "127.0.0.1", r));
    try {
      const run = spawn(BIN, ["ingest", inputs], {
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "DATABASE_URL")),
          STORYLINE_PG_PORT: String(port),
          STORYLINE_DATA_DIR: mkdtempSync(join(tmpdir(), "sl-port-")),
        },
      });
      let stderr = "";
      run.stderr.on("data", (d) => (stderr += d));
      const code = await new Promise((r) => run.once("exit", r));
      expect(code).toBe(3);
      expect(stderr).toMatch(
        new RegExp(`Port ${port} is in use by a program that is not Storyline's database.*STORYLINE_PG_PORT`),
      );
    } finally {
      squatter.close();
    }
  });

  it("a data folder inside a private (0700) folder still works: the embedded server can reach it", async () => {
    const privateDir = mkdtempSync(join(tmpdir(), "sl-private-"));
    const run = withEnv({ STORYLINE_DATA_DIR: join(privateDir, "data"), STORYLINE_PG_PORT: String(await freeLoopbackPort()) });
    expect(run.stderr).not.toMatch(/EACCES|Permission denied/);
    expect(run.status).toBe(2);
    expect(JSON.stringify(run.stderr)).toMatch(/run \d+: \d+ documents read/);
  });

  it("a malformed DATABASE_URL", () => {
    const run = withEnv({ DATABASE_URL: "mysql://somewhere/db" });
    expect(run.status).toBe(3);
    expect(run.stderr.trim()).toBe(
      "storyline: Invalid configuration: DATABASE_URL must look like postgresql://user:password@host:5432/database. See .env.example for the settings Storyline reads.",
    );
  });
});

describe("storyline extract and export", () => {
  it("extract prints one contract line per document without a database", () => {
    const result = spawnSync(BIN, ["extract", join(inputs, "one.txt")], {
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/nowhere" },
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    const row = JSON.parse(result.stdout.trim());
    expect(row).toMatchObject({ title: "Harbour talks resume in Vessa, round 1", publishedAt: "2025-03-03" });
    expect(row.body).not.toContain("Advertisement");
    expect(row.quotes[0]).toMatchObject({ text: "We are closer than ever,", speaker: "Maria Lind" });
  });

  it("exports every article as JSONL and CSV", () => {
    const jsonl = storyline(["export", "articles", "--format", "jsonl"]);
    expect(jsonl.code).toBe(0);
    const rows = jsonl.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => "eventId" in r && "storyId" in r && r.id)).toBe(true);
    const csv = storyline(["export", "quotes", "--format", "csv"]);
    expect(csv.stdout.split("\n")[0]).toMatch(/^quoteId,articleId,/);
  });

  it("extract needs no database, so a malformed DATABASE_URL does not stop it", () => {
    const result = spawnSync(BIN, ["extract", join(inputs, "one.txt")], {
      env: { ...process.env, DATABASE_URL: "not a url at all" },
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim()).title).toBe("Harbour talks resume in Vessa, round 1");
  });

  it("ends quietly with success when the reader closes the pipe (export | head -1)", async () => {
    // More rows than a pipe buffers (64 KB), so the export is still writing when the reader has gone.
    const [top] = await db.prisma.$queryRaw<{ maxId: number }[]>`select max(id)::int as "maxId" from "Quote"`;
    const maxId = top?.maxId ?? 0;
    const columns = await db.prisma.$queryRaw<{ name: string }[]>`
      select column_name as name from information_schema.columns where table_name = 'Quote' and column_name <> 'id'`;
    const list = columns.map((c) => `"${c.name}"`).join(", ");
    await db.prisma.$executeRawUnsafe(`insert into "Quote" (${list}) select ${list} from "Quote", generate_series(1, 400)`);
    const result = spawnSync(
      "bash",
      ["-c", `set -o pipefail; "${BIN}" export articles | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`],
      {
        env: { ...process.env, DATABASE_URL: db.url },
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    const quotes = spawnSync("bash", ["-c", `"${BIN}" export quotes | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`], {
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: "utf8",
      timeout: 120_000,
    });
    await db.prisma.quote.deleteMany({ where: { id: { gt: maxId } } });
    for (const run of [result, quotes]) {
      expect(run.stdout.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).not.toMatch(/EPIPE|Error|at .*\.ts:\d+/);
      expect(run.stderr).toMatch(/exit=0/);
    }
  });

  it("ends quietly with success when the reader is gone before the first line (export | true)", () => {
    for (const format of ["jsonl", "csv"]) {
      const result = spawnSync(
        "bash",
        ["-c", `"${BIN}" export quotes --format ${format} | true; echo "exit=\${PIPESTATUS[0]}" >&2`],
        {
          env: { ...process.env, DATABASE_URL: db.url },
          encoding: "utf8",
          timeout: 120_000,
        },
      );
      expect(result.stderr).not.toMatch(/EPIPE|Error|at .*\.ts:\d+/);
      expect(result.stderr).toMatch(/exit=0/);
    }
  });

  it("neutralises CSV cells a spreadsheet would run as formulas", async () => {
    const article = await db.prisma.article.findFirstOrThrow({ select: { id: true } });
    await db.prisma.article.update({ where: { id: article.id }, data: { title: '=HYPERLINK("http://evil.example","click")' } });
    const csv = storyline(["export", "articles", "--format", "csv"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv.stdout).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("rejects unknown commands and options with the usage exit code", () => {
    expect(storyline(["frobnicate"]).code).toBe(64);
    expect(storyline(["export", "widgets"]).code).toBe(64);
    expect(storyline(["ingest", inputs, "--batch-size", "zero"]).code).toBe(64);
  });
});
