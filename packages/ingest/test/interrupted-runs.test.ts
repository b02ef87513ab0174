// The reliability suite's process half: the CLI killed with SIGKILL at random moments, then run again, and four
// ingests started at once. No partial article, no run left RUNNING, counts equal a recount, and in the end the
// same articles and quotes as one clean ingest. STORYLINE_STRESS=1 kills 20 times instead of 3.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rng } from "../src/demo/generate.ts";
import { runIngest } from "../src/pipeline.ts";
import { findCountMismatches } from "../src/store/consistency.ts";

const BIN = resolve(import.meta.dirname, "../bin/storyline.sh");
const KILLS = process.env.STORYLINE_STRESS ? 20 : 3;
const ARTICLES = 300;
const SEED = Number(process.env.STORYLINE_TEST_SEED ?? Date.now() % 1_000_000);

const TOPICS = ["harbour treaty", "fishing quota", "border survey", "ferry strike", "island vote", "grain tariff"];
const MONTHS = "January February March April May June July August September October November December".split(" ");
const PEOPLE = ["Maria Lind", "Tomas Berg", "Ana Ruiz", "Kofi Mensah"];

function article(n: number): string {
  const topic = TOPICS[n % TOPICS.length]!;
  const person = PEOPLE[n % PEOPLE.length]!;
  // Dates spread over three years, out of order: events leave memory and come back, as in a real archive.
  const date = `${1 + (n % 27)} ${MONTHS[(n * 5) % 12]} ${2023 + (n % 3)}`;
  return (
    `The ${topic}: round ${n} in Vessa\n\n` +
    `Negotiators met in Vessa on ${date} for round ${n} of talks on the ${topic}, case ${n * 7919}.\n\n` +
    `"We are closer on the ${topic} than ever," said ${person}, who leads delegation ${n}.\n\n` +
    `Officials said item ${n} would be settled by delegation ${n % 13} before the next session.`
  );
}

const cli = (args: string[], db: TestDatabase) =>
  spawn(BIN, args, { env: { ...process.env, DATABASE_URL: db.url }, stdio: ["ignore", "pipe", "pipe"] });

const finished = (child: ReturnType<typeof cli>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => {
      stdout += d;
    });
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    child.once("exit", (code) => done({ code, stdout, stderr }));
  });

let db: TestDatabase;
let reference: TestDatabase;
let corpus: string;

beforeAll(async () => {
  [db, reference] = await Promise.all([createTestDatabase("killed_runs"), createTestDatabase("killed_runs_reference")]);
  corpus = mkdtempSync(join(tmpdir(), "storyline-killed-"));
  for (let n = 0; n < ARTICLES; n++) writeFileSync(join(corpus, `a${String(n).padStart(4, "0")}.txt`), article(n));
}, 120_000);
afterAll(async () => Promise.all([db?.drop(), reference?.drop()]));

const tally = async (t: TestDatabase) => {
  const [row] = await t.prisma.$queryRaw<{ articles: number; quotes: number; mentions: number; running: number }[]>`
    select (select count(*)::int from "Article") as articles, (select count(*)::int from "Quote") as quotes,
           (select count(*)::int from "Mention") as mentions,
           (select count(*)::int from "IngestRun" where status = 'RUNNING') as running`;
  return row!;
};

describe(`ingest killed with SIGKILL at random moments (${KILLS} kills, seed ${SEED})`, () => {
  it(
    "never leaves a partial article or a stale count, and the next run completes the corpus exactly",
    async () => {
      const rand = rng(SEED);
      const clean = await runIngest({
        prisma: reference.prisma,
        databaseUrl: reference.url,
        inputs: [corpus],
        command: "reference",
      });
      expect(clean.stored).toBe(ARTICLES);
      expect(await findCountMismatches(reference.prisma)).toEqual([]);
      const expected = await tally(reference);

      const log: string[] = [];
      for (let k = 0; k < KILLS; k++) {
        const before = (await tally(db)).articles;
        const child = cli(["ingest", corpus, "--batch-size", "10"], db);
        const exit = finished(child);
        // The first kill lands anywhere in start-up (migrations, lock, run row); the others once the run has
        // started, anywhere from its first extraction to the middle of its batches.
        const runsBefore = await db.prisma.ingestRun.count();
        const moment = k === 0 ? "start-up" : k % 2 === 1 ? "run row written" : "first batch committed";
        for (let i = 0; k > 0 && i < 1200 && child.exitCode === null; i++) {
          const reached =
            moment === "run row written" ? (await db.prisma.ingestRun.count()) > runsBefore : (await tally(db)).articles > before;
          if (reached) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        // After the run has started, the kill comes within half a second: a whole run of this corpus can take
        // little more than a second on a quiet machine, and a kill after its end tests nothing.
        const delay = Math.floor(rand() * (k === 0 ? 3000 : 500));
        const early = await Promise.race([exit.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), delay))]);
        if (!early) child.kill("SIGKILL");
        await exit;
        const now = await tally(db);
        log.push(
          `kill ${k + 1}, ${delay} ms after ${moment}: ${before} -> ${now.articles} articles${early ? " (run had finished)" : ""}`,
        );
        // One transaction per batch: every stored article has its quotes and mentions, every count matches.
        expect(await findCountMismatches(db.prisma)).toEqual([]);
        const [orphans] = await db.prisma.$queryRaw<{ n: number }[]>`
          select count(*)::int as n from "Article" where "eventId" is null and "duplicateOfId" is null`;
        expect(orphans?.n).toBe(0);
      }
      const last = await finished(cli(["ingest", corpus, "--json"], db));
      expect(last.code, last.stderr).toBe(0);
      const summary = JSON.parse(last.stdout);
      const after = await tally(db);
      log.push(
        `final run: stored ${summary.stored}, unchanged ${summary.unchanged}, marked interrupted: ${summary.interruptedRuns.join(",") || "none"}`,
      );
      console.log(log.join("\n"));
      expect(after.articles).toBe(expected.articles);
      expect(after.quotes).toBe(expected.quotes);
      expect(after.mentions).toBe(expected.mentions);
      expect(after.running).toBe(0);
      expect(await findCountMismatches(db.prisma)).toEqual([]);
      const interrupted = await db.prisma.ingestRun.count({ where: { status: "INTERRUPTED" } });
      expect(interrupted).toBeGreaterThan(0);
    },
    KILLS * 60_000 + 120_000,
  );
});

describe("four ingests started at once", () => {
  it("queue behind each other with --wait and store each article once", async () => {
    const fresh = await createTestDatabase("overlapping_runs");
    try {
      const started = performance.now();
      const runs = await Promise.all(
        Array.from({ length: 4 }, () => finished(cli(["ingest", corpus, "--json", "--wait", "300"], fresh))),
      );
      const seconds = (performance.now() - started) / 1000;
      const summaries = runs.map((r) => {
        expect(r.code, r.stderr).toBe(0);
        return JSON.parse(r.stdout) as { stored: number; unchanged: number };
      });
      console.log(
        `four overlapping ingests in ${seconds.toFixed(1)} s: stored ${summaries.map((s) => s.stored).join("/")}, ` +
          `unchanged ${summaries.map((s) => s.unchanged).join("/")}`,
      );
      expect(summaries.reduce((sum, s) => sum + s.stored, 0)).toBe(ARTICLES);
      expect(await fresh.prisma.article.count()).toBe(ARTICLES);
      const [dupes] = await fresh.prisma.$queryRaw<{ n: number }[]>`
          select count(*)::int as n from (select "contentHash" from "Article" group by 1 having count(*) > 1) d`;
      expect(dupes?.n).toBe(0);
      expect(await findCountMismatches(fresh.prisma)).toEqual([]);
    } finally {
      await fresh.drop();
    }
  }, 300_000);
});
