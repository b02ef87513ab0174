// `storyline delete` run as a process: the demo, one run, one outlet; a dry run changes nothing, and after a
// delete every count equals a recount and nothing the deleted articles alone held is left behind.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/demo/load.ts";
import { runIngest } from "../src/pipeline.ts";
import { findCountMismatches } from "../src/store/consistency.ts";

const BIN = resolve(import.meta.dirname, "../bin/storyline.sh");
const SEEDS = resolve(import.meta.dirname, "../../../../shared/seeds");
let db: TestDatabase;
let seedRun: number;

const storyline = (args: string[]) => {
  const result = spawnSync(BIN, args, { env: { ...process.env, DATABASE_URL: db.url }, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

const tally = async () => {
  const [row] = await db.prisma.$queryRaw<Record<string, number>[]>`
    select (select count(*)::int from "Article") as articles, (select count(*)::int from "Quote") as quotes,
           (select count(*)::int from "Event") as events, (select count(*)::int from "Story") as stories,
           (select count(*)::int from "Outlet") as outlets, (select count(*)::int from "Entity") as entities,
           (select count(*)::int from "QuoteCluster") as clusters, (select coalesce(sum(total), 0)::int from "CoverageDay") as rolled`;
  return row!;
};

beforeAll(async () => {
  db = await createTestDatabase("delete");
  await loadDemo({ prisma: db.prisma, databaseUrl: db.url, dir: mkdtempSync(join(tmpdir(), "storyline-demo-")) });
  const seeds = await runIngest({ prisma: db.prisma, databaseUrl: db.url, inputs: [SEEDS], command: "seeds" });
  seedRun = seeds.runId!;
}, 240_000);
afterAll(async () => db?.drop());

describe("storyline delete", () => {
  it("--dry-run says what would go and changes nothing", async () => {
    const before = await tally();
    const run = storyline(["delete", "--demo", "--dry-run", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.dryRun).toBe(true);
    expect(plan.articles).toBe(before.articles! - 5);
    expect(await tally()).toEqual(before);
  });

  it("--demo removes the demo and what only it held; the seeds stay, counts exact", async () => {
    const run = storyline(["delete", "--demo"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/deleted the demo corpus: \d+ articles/);
    const after = await tally();
    expect(after.articles).toBe(5);
    expect(await db.prisma.outlet.count({ where: { domain: { endsWith: ".example" } } })).toBe(0);
    const [orphans] = await db.prisma.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from "Event" e where not exists (select 1 from "Article" a where a."eventId" = e.id)`;
    expect(orphans?.n).toBe(0);
    expect(await findCountMismatches(db.prisma)).toEqual([]);
  });

  it("--outlet and --run remove one outlet's or one run's articles", async () => {
    const outlet = await db.prisma.outlet.findFirstOrThrow({
      where: { articles: { some: {} } },
      select: { name: true, id: true },
    });
    const ofOutlet = await db.prisma.article.count({ where: { outletId: outlet.id } });
    const byOutlet = storyline(["delete", "--outlet", outlet.name, "--json"]);
    expect(byOutlet.code, byOutlet.stderr).toBe(0);
    expect(JSON.parse(byOutlet.stdout).articles).toBe(ofOutlet);
    expect(await findCountMismatches(db.prisma)).toEqual([]);

    const byRun = storyline(["delete", "--run", String(seedRun), "--json"]);
    expect(byRun.code, byRun.stderr).toBe(0);
    expect(await tally()).toMatchObject({ articles: 0, quotes: 0, events: 0, stories: 0, clusters: 0, rolled: 0 });
  });

  it("refuses an unknown run or outlet, and no selection, with the usage exit code", () => {
    expect(storyline(["delete", "--run", "99999"]).code).toBe(64);
    expect(storyline(["delete", "--outlet", "No Such Outlet"]).stderr).toMatch(/no outlet is called/);
    expect(storyline(["delete"]).code).toBe(64);
  });
});
