// The dashboard as an analyst uses it: real API and `next start` processes over a database holding the demo
// corpus plus hostile input, driven in headless Chromium. Needs `next build` first (turbo's test task does it).
// Screenshots land in docs/screenshots/ for the README and for review.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createTestDatabase, freeLoopbackPort, type TestDatabase } from "@storyline/db/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadDemo } from "../../../packages/ingest/src/demo/load.ts";
import { runIngest } from "../../../packages/ingest/src/pipeline.ts";
import { rebuildRollups } from "../../../packages/ingest/src/store/rollups.ts";
import { launchChromium } from "./chromium.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");
const webRoot = resolve(repoRoot, "apps/web");
const screenshots = resolve(repoRoot, "docs/screenshots");
const HOSTILE_TITLE = 'Harbour <img src=x onerror="window.__pwned=1"> report';
const HOSTILE_TEXT =
  'Officials met on Monday. <script>window.__pwned=2</script> The <b onmouseover="window.__pwned=3">talks</b> went on.';
// Hostile text in every field a page shows: each payload would set window.__pwned or open a dialog if it ran.
const DOCK_TITLE = `Dockside "><svg onload=alert('title')> strike <script>window.__pwned='title'</script> grows`;
const NIGHT_OUTLET = `Night "><img src=x onerror=alert('outlet')> Courier`;
const FORMULA_OUTLET = '=HYPERLINK("http://evil.example/","Dock Courier")';
const AT_OUTLET = "@SUM(1+1) Harbour Times";
const DOCK_SPEAKER = "Javier Scriptonerror";
const DOCK_QUOTE = `We will not load one more ship <script>window.__pwned='quote'</script> until the treaty is signed`;
const DOCK_BODY = (extra: string) =>
  `Dock workers in Halden walked out on Thursday over the harbour treaty and the new shift rules. "${DOCK_QUOTE}," said ${DOCK_SPEAKER}, the union leader, outside the gates. "<img src=x onerror=alert('quote')> is what they offered us," said Maria Lind, the harbour minister, on Thursday. The strike at the Halden docks <a href="javascript:alert('link')">continued</a> into the night while ships waited in the bay. ${extra} More at javascript:alert('bodyurl') and at https://example.org/strike for the union's statement.`;
// The input folder and the command line are shown on the ingest pages.
const HOSTILE_DIR = `hostile-"><img src=x onerror=alert('dir')>`;
const HOSTILE_COMMAND = `storyline ingest <script>window.__pwned='command'</script> "><svg onload=alert('command')>`;

let db: TestDatabase;
let workDir: string;
let apiUrl: string;
let webUrl: string;
const servers: ChildProcess[] = [];
let api: ChildProcess;
/** The dashboard server's last output: what a page that failed to render says about why. */
let webLog: () => string = () => "";
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[] = [];

async function waitForHttp(url: string, child: ChildProcess, seconds: number, log: () => string) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode}).\n${log()}`);
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s.\n${log()}`);
}

function startServer(args: string[], cwd: string, env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output = (output + chunk).slice(-8000)));
  child.stderr?.on("data", (chunk) => (output = (output + chunk).slice(-8000)));
  servers.push(child);
  return { child, log: () => output };
}

/** The demo goes through the real ingest; hostile records and one broken record follow it. */
async function seed() {
  await loadDemo({ prisma: db.prisma, databaseUrl: db.url, dir: join(workDir, "demo") });
  const hostileDir = join(workDir, HOSTILE_DIR);
  mkdirSync(hostileDir);
  const records = [
    {
      id: "hostile-text",
      url: "javascript:window.__pwned=4",
      title: HOSTILE_TITLE,
      outlet: "Hostile Gazette",
      publishedAt: "2025-06-02T09:00:00",
      text: HOSTILE_TEXT,
    },
    {
      id: "hostile-html",
      title: "Scripted page",
      outlet: "Hostile Gazette",
      publishedAt: "2025-06-03T09:00:00",
      html: '<html><body><article><p>The harbour board met again today to talk.</p><script>window.__pwned=5</script><p>Nothing <img src=x onerror="window.__pwned=6"> was agreed by the board in the long meeting.</p></article></body></html>',
    },
    {
      id: "hostile-dock-1",
      url: "javascript:alert('url')",
      title: DOCK_TITLE,
      outlet: NIGHT_OUTLET,
      authors: ["<script>window.__pwned='author'</script>Ann Byline", `"><img src=x onerror=alert('author')>`],
      publishedAt: "2025-06-12T08:00:00",
      text: DOCK_BODY("Talks are due to resume on Monday."),
    },
    {
      id: "hostile-dock-2",
      url: " JaVaScRiPt:alert('url2')",
      title: DOCK_TITLE,
      outlet: FORMULA_OUTLET,
      authors: ["=cmd|' /C calc'!A0"],
      publishedAt: "2025-06-12T10:30:00",
      text: DOCK_BODY("The port authority said ships would be diverted to Larvik."),
    },
    {
      id: "hostile-dock-3",
      url: "data:text/html,<script>alert('url3')</script>",
      outlet: AT_OUTLET,
      publishedAt: "2025-06-13T07:00:00",
      html: `<html><head><title>&lt;img src=x onerror=alert('htmltitle')&gt; Dockside strike grows</title><meta name="author" content="&lt;script&gt;window.__pwned='meta'&lt;/script&gt;"><link rel="canonical" href="javascript:alert('canonical')"></head><body><article><h1>Dockside strike grows</h1><p>${DOCK_BODY(
        "Encoded &lt;script&gt;window.__pwned='entity'&lt;/script&gt; text stays text.",
      )
        .replace(/</g, "&lt;")
        .replace(
          />/g,
          "&gt;",
        )}</p><p>Read the <a href="javascript:alert('a')">statement</a> and see <iframe src="javascript:alert('iframe')"></iframe> the pictures <img src=x onerror="window.__pwned='img'"> of the strike at the Halden docks.</p></article></body></html>`,
    },
    { id: "broken", title: "No body at all" },
  ];
  writeFileSync(join(hostileDir, "hostile.jsonl"), records.map((r) => JSON.stringify(r)).join("\n"));
  await runIngest({ prisma: db.prisma, databaseUrl: db.url, inputs: [hostileDir], command: HOSTILE_COMMAND });
  // Event clustering may not be wired into ingest yet; then group the demo's same-headline articles so the event
  // and story pages still have something real to show.
  if ((await db.prisma.event.count()) === 0) {
    const story = await db.prisma.story.create({ data: { title: "Halden harbour treaty" } });
    const articles = await db.prisma.article.findMany({ select: { id: true, title: true, publishedAt: true } });
    const byTitle = new Map<string, typeof articles>();
    for (const article of articles) byTitle.set(article.title ?? "", [...(byTitle.get(article.title ?? "") ?? []), article]);
    for (const [title, group] of byTitle) {
      const dates = group.flatMap((a) => (a.publishedAt ? [a.publishedAt] : [])).sort((a, b) => +a - +b);
      if (group.length < 2 || !dates.length) continue;
      const event = await db.prisma.event.create({
        data: {
          title,
          date: dates[0],
          storyId: story.id,
          articleCount: group.length,
          firstSeenAt: dates[0],
          lastSeenAt: dates.at(-1),
        },
      });
      await db.prisma.article.updateMany({ where: { id: { in: group.map((a) => a.id) } }, data: { eventId: event.id } });
    }
    const events = await db.prisma.event.findMany({ orderBy: { date: "asc" } });
    await db.prisma.story.update({
      where: { id: story.id },
      data: {
        eventCount: events.length,
        articleCount: events.reduce((n, e) => n + e.articleCount, 0),
        firstDate: events[0]?.date,
        lastDate: events.at(-1)?.date,
      },
    });
    await rebuildRollups(db.prisma);
  }
  await seedTimelineCases();
}

const OUTLIER_TITLE = "Harbour armistice remembered";
const UNDATED_EVENT = "Quay cranes stand idle";

/**
 * Issue 13.2's cases, fixed in the database after a real ingest so no date reasoning moves them: one wrong far-off
 * date (1918) that must not stretch the overview, an event none of whose articles has a date, and a demo article
 * whose date is only an estimated month.
 */
async function seedTimelineCases() {
  const dir = join(workDir, "timeline");
  mkdirSync(dir);
  const body = (topic: string) =>
    `${topic} The harbour board published its figures for the port and the shipping lines answered them in a long statement about cranes, berths and cargo.`;
  const records = [
    {
      id: "outlier",
      title: OUTLIER_TITLE,
      outlet: "Meridian Wire",
      publishedAt: "1918-11-11T09:00:00",
      text: body("Bells rang."),
    },
    { id: "undated-1", title: UNDATED_EVENT, outlet: "Meridian Wire", text: body("Quay cranes stood idle.") },
    { id: "undated-2", title: `${UNDATED_EVENT} again`, outlet: "Meridian Wire", text: body("The quay cranes were idle.") },
  ];
  writeFileSync(join(dir, "timeline.jsonl"), records.map((r) => JSON.stringify(r)).join("\n"));
  await runIngest({ prisma: db.prisma, databaseUrl: db.url, inputs: [dir], command: "storyline ingest timeline" });
  const undated = await db.prisma.article.findMany({ where: { title: { startsWith: UNDATED_EVENT } }, select: { id: true } });
  const ids = undated.map((a) => a.id);
  const event = await db.prisma.event.create({ data: { title: UNDATED_EVENT, articleCount: ids.length } });
  await db.prisma.article.updateMany({
    where: { id: { in: ids } },
    data: { eventId: event.id, publishedAt: null, publishedAtPrecision: null, publishedAtSource: "NONE" },
  });
  await db.prisma.quote.updateMany({ where: { articleId: { in: ids } }, data: { publishedAt: null } });
  await db.prisma.article.updateMany({
    where: { title: OUTLIER_TITLE },
    data: { publishedAt: new Date("1918-11-11T09:00:00Z"), publishedAtPrecision: "DAY", publishedAtSource: "METADATA" },
  });
  const estimated = await db.prisma.article.findFirstOrThrow({
    where: { publishedAt: { gte: new Date("2025-01-01T00:00:00Z") }, outlet: { name: "Meridian Wire" } },
    orderBy: { publishedAt: "asc" },
  });
  const at = estimated.publishedAt ?? new Date();
  await db.prisma.article.update({
    where: { id: estimated.id },
    data: {
      publishedAt: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)),
      publishedAtPrecision: "MONTH",
      publishedAtSource: "INFERRED",
    },
  });
  await db.prisma.$executeRaw`update "Event" e set "articleCount" = (select count(*) from "Article" a where a."eventId" = e.id)`;
  await rebuildRollups(db.prisma);
}

async function open(path: string) {
  const response = await page.goto(`${webUrl}${path}`, { waitUntil: "load" });
  await page.waitForLoadState("networkidle", { timeout: 3000 }).catch(() => {});
  return response;
}

/** After a click: the URL changed, and the page replaced its loading skeleton with content. */
async function arrive(url: RegExp) {
  await page.waitForURL(url);
  await page.waitForFunction(() => !document.querySelector("main .skeleton") && document.querySelector("main h1"));
  await page.waitForLoadState("networkidle", { timeout: 3000 }).catch(() => {});
}

async function shoot(name: string) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** The API answered every query a page asked: no error card anywhere. */
async function expectNoApiErrors() {
  const errors = await page.locator(".card.error").allInnerTexts();
  expect(errors).toEqual([]);
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  workDir = mkdtempSync(join(tmpdir(), "storyline-web-"));
  db = await createTestDatabase("web_dashboard");
  await seed();
  const [apiPort, webPort] = [await freeLoopbackPort(), await freeLoopbackPort()];
  apiUrl = `http://127.0.0.1:${apiPort}`;
  webUrl = `http://127.0.0.1:${webPort}`;
  const apiServer = startServer(["--import", "tsx", "apps/api/src/server.ts"], repoRoot, {
    DATABASE_URL: db.url,
    STORYLINE_API_PORT: String(apiPort),
    STORYLINE_CORS_ORIGINS: webUrl,
  });
  api = apiServer.child;
  const web = startServer(
    [resolve(repoRoot, "node_modules/next/dist/bin/next"), "start", "-p", String(webPort), "-H", "127.0.0.1"],
    webRoot,
    {
      STORYLINE_API_URL: `${apiUrl}/graphql`,
      NODE_ENV: "production",
    },
  );
  webLog = web.log;
  await Promise.all([
    waitForHttp(`${apiUrl}/health`, api, 60, apiServer.log),
    waitForHttp(`${webUrl}/icon.svg`, web.child, 60, web.log),
  ]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(
    servers.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once("exit", () => done());
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 5000).unref();
        }),
    ),
  );
  await db?.drop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function newPage(options: { width?: number; height?: number; dark?: boolean } = {}) {
  await context?.close();
  context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.dark ? "dark" : "light",
  });
  page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

beforeEach(async () => {
  problems = [];
  await newPage();
});

const legendTotal = async () =>
  (await page.locator("#coverage .legend li .muted").allInnerTexts()).reduce(
    (sum, text) => sum + Number(text.replace(/[^\d]/g, "")),
    0,
  );

describe("overview", () => {
  it("shows coverage over time with demo data labelled, in light, dark and phone widths", async () => {
    await open("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" }).isVisible()).resolves.toBe(true);
    await expect(page.locator(".demo-banner").innerText()).resolves.toContain("Demo data");
    expect(await page.locator("#coverage svg rect").count()).toBeGreaterThan(5);
    const legend = await page.locator("#coverage .legend").innerText();
    expect(legend).toContain("Meridian Wire");
    expect(await legendTotal()).toBeGreaterThanOrEqual(35);
    expect(await page.locator("#top-speakers ~ ol li").count()).toBeGreaterThan(0);
    expect(await page.locator("#latest-quotes ~ ul blockquote").count()).toBeGreaterThan(0);
    await expect(page.locator("#ingest-health").locator("..").innerText()).resolves.toMatch(/Last run/);
    await expectNoApiErrors();
    await shoot("overview");

    await newPage({ dark: true });
    await open("/");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(17, 18, 20)");
    await shoot("overview-dark");

    await newPage({ width: 390, height: 844 });
    await open("/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot("overview-phone");
    expect(problems).toEqual([]);
  });

  it("switches bucket, scale and breakdown through links that change the URL", async () => {
    await open("/");
    await page.locator("#coverage").getByRole("link", { name: "Month", exact: true }).click();
    await arrive(/bucket=month/);
    await expect(page.locator('#coverage [aria-label="Bucket"] [aria-current="true"]').innerText()).resolves.toBe("Month");
    const monthBars = await page.locator("#coverage .hotspot").count();
    expect(monthBars).toBeGreaterThanOrEqual(8);

    await page.locator("#coverage").getByRole("link", { name: "Share", exact: true }).click();
    await arrive(/scale=share/);
    const axis = await page.locator("#coverage .chart-y span").allInnerTexts();
    expect(axis.at(-1)).toMatch(/%$/);
    expect(page.url()).toContain("bucket=month");

    await page.locator("#coverage").getByRole("link", { name: "Events", exact: true }).click();
    await arrive(/by=event/);
    await expect(page.locator("#coverage-title").innerText()).resolves.toContain("by event");
    expect(await page.locator("#coverage svg rect").count()).toBeGreaterThan(0);

    await page.locator("#coverage").getByRole("link", { name: "Stories", exact: true }).click();
    await arrive(/by=story/);
    const storyLinks = await page
      .locator("#coverage .legend a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(storyLinks.length).toBeGreaterThan(0);
    for (const href of storyLinks) expect(href).toMatch(/^\/stories\//);
    await expectNoApiErrors();
    expect(problems).toEqual([]);
  });

  it("shows exact numbers in a tooltip reached by keyboard, and a table of them", async () => {
    await open("/?bucket=month");
    const hotspot = page.locator("#coverage .hotspot").nth(2);
    await hotspot.focus();
    const tip = hotspot.locator(".tip");
    await expect(tip.isVisible()).resolves.toBe(true);
    expect(await tip.innerText()).toMatch(/\d+ articles in all/);
    await expect(hotspot.getAttribute("aria-label")).resolves.toMatch(/\d/);
    await page.locator("#coverage summary", { hasText: "Show the numbers" }).click();
    expect(await page.locator("#coverage .chart-table tbody tr").count()).toBeGreaterThanOrEqual(8);
    expect(problems).toEqual([]);
  });

  it("exports what the chart shows as CSV", async () => {
    await open("/?bucket=month");
    const href = await page.locator("#coverage").getByRole("link", { name: "Download CSV" }).getAttribute("href");
    expect(href).toContain("dimension=OUTLET");
    const response = await fetch(new URL(href ?? "", webUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="storyline-outlet-month-.*\.csv"/);
    const [header, ...rows] = (await response.text()).trim().split("\r\n");
    expect(header).toBe("bucket,series,key,count,share,bucket_total");
    const counted = rows.reduce((sum, row) => sum + Number(row.split(",").at(-3)), 0);
    expect(counted).toBe(await legendTotal());

    const broken = await fetch(new URL("/export/coverage.csv?dimension=NOPE", webUrl));
    expect(broken.status).toBe(400);
    await expect(broken.text()).resolves.toContain("Download CSV");
  });

  it("keeps global filters in the URL and carries them across pages", async () => {
    await open("/");
    await page.locator(".outlet-picker summary").click();
    await page.getByRole("checkbox", { name: /Meridian Wire/ }).check();
    await page.getByLabel("From").fill("2025-04-01");
    await page.getByRole("button", { name: "Apply" }).click();
    await arrive(/outlet=/);
    expect(page.url()).toContain("from=2025-04-01");
    const legend = await page.locator("#coverage .legend li").allInnerTexts();
    expect(legend).toHaveLength(1);
    expect(legend[0]).toContain("Meridian Wire");
    await expect(page.locator(".outlet-picker summary").innerText()).resolves.toContain("Meridian Wire");

    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Quotes" }).click();
    await arrive(/\/quotes\?/);
    expect(page.url()).toContain("from=2025-04-01");
    expect(page.url()).toContain("outlet=");
    const outlets = await page.locator("#quote-list .meta").allInnerTexts();
    expect(outlets.length).toBeGreaterThan(0);
    for (const line of outlets) expect(line).toContain("Meridian Wire");
    await expectNoApiErrors();
    expect(problems).toEqual([]);
  });
});

describe("nothing falls off the timeline", () => {
  it("leaves a far-off date out of the default range, says so, and shows all on request", async () => {
    await open("/");
    const label = page.getByTestId("range-label");
    const text = await label.innerText();
    expect(text).toMatch(/Showing \d+ \w+ 2025 – \d+ \w+ 2025: [\d,]+ of [\d,]+ dated articles, 1 outside this range/);
    expect(text).not.toContain("all dated articles");
    expect(text).toMatch(/2 undated articles/);
    await page.locator("#coverage .chart-x span").first().waitFor();
    const axis = await page.locator("#coverage .chart-x span").allInnerTexts();
    expect(axis.join(" ")).not.toContain("1918");
    await shoot("overview-range-label");

    await label.getByRole("link", { name: /Show all \(11 Nov 1918 – / }).click();
    await arrive(/from=1918-11-11/);
    await expect(page.getByTestId("range-label").innerText()).resolves.toMatch(
      /^Showing 11 Nov 1918 – \d+ \w+ 2025 \(chosen dates\): all [\d,]+ dated articles/,
    );
    expect(page.url()).toContain("from=1918-11-11");
    await expect(page.locator('#coverage [aria-label="Bucket"] [aria-current="true"]').innerText()).resolves.toBe("Month");
    expect(await page.locator("#coverage .hotspot").count()).toBeGreaterThan(1000);
    await expectNoApiErrors();
    await shoot("overview-all-dates");
    expect(problems).toEqual([]);
  });

  it("draws estimated dates lighter and says what they are", async () => {
    await open("/?bucket=month");
    expect(await page.locator("#coverage rect.estimated").count()).toBeGreaterThan(0);
    await expect(page.locator("#coverage .chart-estimated-note").innerText()).resolves.toMatch(
      /Lighter: [\d,]+ estimated dates?/,
    );
    const cells = await page.locator("#coverage .chart-table td").allTextContents();
    expect(cells.some((cell) => /\([\d,]+ est\.\)/.test(cell))).toBe(true);
    await expectNoApiErrors();
    expect(problems).toEqual([]);
  });

  it("says under each chart how many articles are undated and lists them", async () => {
    await open("/");
    const note = page.locator("#coverage .chart-undated");
    await expect(note.innerText()).resolves.toMatch(/2 undated articles are not on this chart/);
    await note.getByRole("link", { name: "List them" }).click();
    await arrive(/\/articles\?dated=no/);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Undated articles");
    const rows = await page.locator("main tbody tr").allInnerTexts();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/^undated/);
    await expectNoApiErrors();
    await shoot("articles-undated");

    await page.locator("main tbody tr").first().locator("td").nth(3).getByRole("link", { name: UNDATED_EVENT }).click();
    await arrive(/\/events\//);
    const main = await page.locator("main").innerText();
    expect(main).not.toContain("No articles in this range");
    expect(main).toContain("No dated articles, so no timeline");
    expect(await page.locator("#event-articles ~ div tbody tr").count()).toBe(2);
    await expect(page.getByTestId("range-label").innerText()).resolves.toMatch(/no dated articles · 2 undated articles/i);
    await expectNoApiErrors();
    await shoot("event-undated");
    expect(problems).toEqual([]);
  });
});

describe("drilling down", () => {
  it("follows a top event to its page: coverage by outlet, leaders first, people, neighbours", async () => {
    await open("/");
    await page.locator("#top-events ~ ol li a").first().click();
    await arrive(/\/events\//);
    await expect(page.locator(".page-head .kicker").innerText()).resolves.toContain("Event");
    expect(await page.locator("#event-coverage svg rect").count()).toBeGreaterThan(0);
    const firstRow = await page.locator("#event-articles ~ div tbody tr").first().innerText();
    expect(firstRow).toContain("first report");
    expect(await page.locator("#event-people").locator("..").locator("li").count()).toBeGreaterThan(0);
    const people = await page.locator("#event-people ~ ul .num").allInnerTexts();
    for (const line of people) expect(line).toMatch(/^named in \d+ of \d+ articles?$/);
    await expectNoApiErrors();
    await shoot("event");

    const story = page.locator(".page-head .kicker a");
    if (await story.count()) {
      await story.click();
      await arrive(/\/stories\//);
      const listed = await page.locator("#story-timeline ~ ol li").count();
      expect(listed).toBeGreaterThan(0);
      expect(await page.locator(".event-dot").count()).toBe(listed);
      expect(await page.locator("#story-coverage svg rect").count()).toBeGreaterThan(0);
      await page.locator(".event-dot").first().focus();
      await expect(page.locator(".event-dot").first().locator(".tip").isVisible()).resolves.toBe(true);
      await expectNoApiErrors();
    }
    expect(problems).toEqual([]);
  });

  it("opens the story with the most events: its events on a timeline and its coverage by event", async () => {
    await open("/stories");
    const rows = page.locator("main tbody tr");
    const eventCounts = await rows.locator("td:nth-child(3)").allInnerTexts();
    const busiest = eventCounts.map(Number).reduce((best, n, i, all) => (n > (all[best] ?? 0) ? i : best), 0);
    await rows.nth(busiest).getByRole("link").click();
    await arrive(/\/stories\//);
    const listed = await page.locator("#story-timeline ~ ol li").count();
    expect(listed).toBeGreaterThan(1);
    expect(await page.locator(".event-dot").count()).toBe(listed);
    expect(await page.locator("#story-coverage .legend li").count()).toBeGreaterThan(1);
    await page.locator(".event-dot").first().focus();
    await expect(page.locator(".event-dot").first().locator(".tip").isVisible()).resolves.toBe(true);
    await expectNoApiErrors();
    await shoot("story");
    expect(problems).toEqual([]);
  });

  it("opens an outlet with volume, coverage, speakers and first-carrier counts", async () => {
    await open("/outlets");
    await page.getByRole("link", { name: "Meridian Wire" }).click();
    await arrive(/\/outlets\/meridian/);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Meridian Wire");
    expect(await page.locator("#outlet-volume svg rect").count()).toBeGreaterThan(0);
    await expect(page.locator(".stat-row").innerText()).resolves.toContain("First to carry a quote");
    expect(await page.locator("#outlet-quoted ~ ol li").count()).toBeGreaterThan(0);
    await expectNoApiErrors();
    await shoot("outlet");
    expect(problems).toEqual([]);
  });

  it("opens a person with quotes over time, quoting outlets and quotes in context", async () => {
    await open("/");
    const name = await page.locator("#top-speakers ~ ol li a").first().innerText();
    await page.locator("#top-speakers ~ ol li a").first().click();
    await arrive(/\/people\//);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(name);
    expect(await page.locator("#person-quotes svg rect").count()).toBeGreaterThan(0);
    expect(await page.locator("#person-quotes-list ~ ul .quote-context mark").count()).toBeGreaterThan(0);
    expect(await page.locator("#person-outlets ~ ol li").count()).toBeGreaterThan(0);
    await expectNoApiErrors();
    await shoot("person");
    expect(problems).toEqual([]);
  });
});

describe("quote explorer", () => {
  it("searches quotes by words and speaker and shows a statement's propagation, first carrier first", async () => {
    await open("/quotes");
    await page.getByRole("searchbox", { name: "Words" }).fill("harbour");
    await page.getByRole("button", { name: "Search" }).click();
    await arrive(/q=harbour/);
    const quotes = await page.locator("#quote-list blockquote").allInnerTexts();
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(quote.toLowerCase()).toContain("harbour");

    await page.getByLabel("Speaker").fill("Lind");
    await page.getByRole("button", { name: "Search" }).click();
    await arrive(/speaker=Lind/);
    await expect(page.locator("#quote-results").innerText()).resolves.toContain("Maria Lind");
    await expectNoApiErrors();
    await shoot("quotes");

    await open("/quotes");
    await page.locator("#travelled ~ ul li a").first().click();
    await arrive(/\/quotes\/clusters\//);
    const rows = page.locator(".propagation-row");
    expect(await rows.count()).toBeGreaterThan(1);
    await expect(rows.first().innerText()).resolves.toContain("first");
    await expectNoApiErrors();
    await shoot("quote-cluster");
    expect(problems).toEqual([]);
  });

  it("says so when a speaker is unknown", async () => {
    await open("/quotes?speaker=Nobody%20Atall");
    await expect(page.locator(".empty").innerText()).resolves.toContain("Nobody called “Nobody Atall”");
    expect(problems).toEqual([]);
  });
});

describe("article reader", () => {
  it("highlights quotes and entities and shows provenance", async () => {
    await open("/quotes?q=lighthouse");
    await page.locator("#quote-list .meta a[href*='/articles/']").first().click();
    await arrive(/\/articles\//);
    expect(await page.locator(".article-text mark.hl-quote").count()).toBeGreaterThan(0);
    expect(await page.locator(".article-text mark.hl-person").count()).toBeGreaterThan(0);
    const facts = await page.locator("#article-facts").locator("..").innerText();
    expect(facts).toMatch(/confidence/);
    expect(facts).toMatch(/evidence/);
    await expectNoApiErrors();
    await shoot("article");
    await page.getByRole("link", { name: "Plain text" }).click();
    await arrive(/highlight=off/);
    expect(await page.locator(".article-text mark").count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("shows markup in a hostile article as text and never runs it", async () => {
    await open("/quotes");
    await open(`/outlets/hostile-gazette`);
    const titles = page.locator("#outlet-covered ~ ul a[href*='/articles/']");
    expect(await titles.count()).toBe(2);
    for (const index of [0, 1]) {
      await titles.nth(index).click();
      await arrive(/\/articles\//);
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
      expect(pwned).toBeUndefined();
      expect(await page.locator(".article-text img, .article-text script, .article-text b, main img").count()).toBe(0);
      expect(await page.locator("[onerror], [onmouseover]").count()).toBe(0);
      await page.goBack();
    }
    await titles.filter({ hasText: "Harbour <img" }).click();
    await arrive(/\/articles\//);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(HOSTILE_TITLE);
    await expect(page.locator(".article-text").innerText()).resolves.toContain("<script>window.__pwned=2</script>");
    // A javascript: address stays text, never a link.
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await expect(page.locator("#article-facts").locator("..").innerText()).resolves.toContain("javascript:window.__pwned=4");
    await shoot("article-hostile");
    expect(problems).toEqual([]);
  });
});

const globalId = (typename: string, id: number) => Buffer.from(`${typename}:${id}`).toString("base64");

/** The pages that show the hostile records: found in the database, addressed as the dashboard links them. */
async function hostilePages() {
  const articles = await db.prisma.article.findMany({
    where: { externalId: { startsWith: "hostile-dock-" } },
    select: { id: true, eventId: true, event: { select: { storyId: true } }, outlet: { select: { slug: true } } },
  });
  expect(articles).toHaveLength(3);
  const speaker = await db.prisma.entity.findFirst({ where: { name: DOCK_SPEAKER } });
  const cluster = await db.prisma.quote.findFirst({
    where: { text: { contains: "window.__pwned='quote'" }, clusterId: { not: null } },
    select: { clusterId: true },
  });
  const run = await db.prisma.ingestRun.findFirst({ where: { command: HOSTILE_COMMAND } });
  const unique = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => v != null))];
  const range = "from=2025-06-10&to=2025-06-15";
  // Each page, and whether the hostile text must be on it (as text): lists that may page it out say nothing.
  const pages: [path: string, showsHostileText: boolean][] = [
    [`/?${range}`, true],
    [`/?by=event&${range}`, true],
    [`/?by=story&${range}`, true],
    ["/events?q=Dockside", true],
    ["/stories?q=Dockside", true],
    ["/outlets", true],
    ["/people", false],
    [`/quotes?speaker=${encodeURIComponent(DOCK_SPEAKER)}`, true],
    ["/quotes?q=ship", true],
    // Whether the API publishes a run's command line and inputs is its choice; the pages must be inert either way.
    ["/ingest", false],
    ...articles.flatMap((a): [string, boolean][] => [
      [`/articles/${encodeURIComponent(globalId("Article", a.id))}`, true],
      [`/articles/${encodeURIComponent(globalId("Article", a.id))}?highlight=off`, true],
    ]),
    ...unique(articles.map((a) => a.outlet?.slug)).map((slug): [string, boolean] => [`/outlets/${slug}`, true]),
    ...unique(articles.map((a) => a.eventId)).map((id): [string, boolean] => [
      `/events/${encodeURIComponent(globalId("Event", id))}`,
      true,
    ]),
    ...unique(articles.map((a) => a.event?.storyId)).map((id): [string, boolean] => [
      `/stories/${encodeURIComponent(globalId("Story", id))}`,
      true,
    ]),
  ];
  if (speaker) pages.push([`/people/${encodeURIComponent(globalId("Entity", speaker.id))}`, true]);
  if (cluster?.clusterId)
    pages.push([`/quotes/clusters/${encodeURIComponent(globalId("QuoteCluster", cluster.clusterId))}`, true]);
  if (run) pages.push([`/ingest/${encodeURIComponent(globalId("IngestRun", run.id))}`, false]);
  return { pages, articles, speaker, cluster, run };
}

/** What on the page could run or navigate to script: handlers, frames, script URLs, injected images. */
const inertness = () =>
  page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.tagName.toLowerCase()} ${a.name}>`),
      ),
      // Dashboard links are paths, anchors or web addresses; anything else (javascript:, data:) came from input.
      links: [...document.querySelectorAll("a[href], area[href], form[action]")]
        .map((el) => el.getAttribute("href") ?? el.getAttribute("action") ?? "")
        .filter((href) => !/^(\/(?!\/)|#|\?|https?:\/\/)/i.test(href)),
      scriptUrls: all.flatMap((el) =>
        ["src", "srcdoc", "xlink:href", "formaction", "data", "action"]
          .map((name) => el.getAttribute(name) ?? "")
          .filter((value) => /^\s*(javascript|data|vbscript):/i.test(value) || (value && el.tagName === "IFRAME")),
      ),
      embedded: document.querySelectorAll("main iframe, main object, main embed, main img, main script, main foreignObject")
        .length,
    };
  });

describe("hostile text", () => {
  it("runs nothing on any page that shows it, and links only web addresses", async () => {
    const { pages, speaker, cluster, run } = await hostilePages();
    // The extraction found what the pages are meant to show; without them the pages below would prove little.
    expect(speaker, "the hostile quotes' speaker").toBeTruthy();
    expect(cluster, "a statement two hostile outlets carried").toBeTruthy();
    expect(run, "the hostile ingest run").toBeTruthy();
    expect(pages.length).toBeGreaterThanOrEqual(20);
    let shown = 0;
    for (const [path, showsHostileText] of pages) {
      // "load" and no skeleton left is enough: injected markup runs while the document is parsed, long before that.
      const response = await page.goto(`${webUrl}${path}`, { waitUntil: "load" });
      expect(response?.status(), path).toBe(200);
      await page.waitForFunction(() => !document.querySelector("main .skeleton"), undefined, { timeout: 15_000 });
      // Let anything injected that waits for an event or a timer have its chance to run.
      await page.mouse.move(400, 300);
      await page.waitForTimeout(100);
      const found = await inertness();
      expect({ path, ...found }).toEqual({ path, pwned: null, handlers: [], links: [], scriptUrls: [], embedded: 0 });
      const text = await page.locator("main").innerText();
      if (showsHostileText) expect(text, path).toMatch(/<script>|onerror=|onload=|=HYPERLINK|@SUM/);
      if (/<script>|onerror=|onload=/.test(text)) shown++;
      const errors = await page.locator(".card.error").allInnerTexts();
      expect(errors, `${path}\n${webLog().slice(-3000)}`).toEqual([]);
    }
    expect(shown).toBeGreaterThanOrEqual(pages.filter(([, shows]) => shows).length - 3);
    expect(problems).toEqual([]);
    console.info(`hostile text: ${pages.length} pages opened, ${shown} showed markup as text, nothing ran`);
  }, 300_000);

  it("shows a hostile article's title, authors and address as text, the title in the tab too", async () => {
    const { articles } = await hostilePages();
    const first = articles.find((a) => a.outlet?.slug && a.eventId) ?? articles[0];
    await open(`/articles/${encodeURIComponent(globalId("Article", first?.id ?? 0))}`);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(DOCK_TITLE);
    expect(await page.title()).toContain(`"><svg onload=alert('title')>`);
    const facts = await page.locator("#article-facts").locator("..").innerText();
    expect(facts).toMatch(/javascript:alert\('url2?'\)/);
    expect(await page.locator('a[href*="javascript:" i], a[href^="data:" i]').count()).toBe(0);
    await expect(page.locator(".article-text").innerText()).resolves.toContain(DOCK_QUOTE);
    await shoot("article-hostile-fields");
    expect(problems).toEqual([]);
  });

  it("exports hostile outlet names as text a spreadsheet will not run", async () => {
    const outlets = await db.prisma.outlet.findMany({ where: { name: { in: [FORMULA_OUTLET, AT_OUTLET, NIGHT_OUTLET] } } });
    expect(outlets).toHaveLength(3);
    const url = new URL("/export/coverage.csv", webUrl);
    for (const [key, value] of Object.entries({ dimension: "OUTLET", from: "2025-06-10", to: "2025-06-15", bucket: "DAY" }))
      url.searchParams.set(key, value);
    for (const outlet of outlets) url.searchParams.append("keys", globalId("Outlet", outlet.id));
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const rows = (await response.text()).trim().split("\r\n").slice(1);
    const labels = new Set(rows.map((row) => row.match(/^[^,]*,("(?:[^"]|"")*"|[^,]*)/)?.[1] ?? ""));
    expect(labels).toContain(`"'${FORMULA_OUTLET.replace(/"/g, '""')}"`);
    expect(labels).toContain(`'${AT_OUTLET}`);
    expect(labels).toContain(`"${NIGHT_OUTLET.replace(/"/g, '""')}"`);
    // No cell of any row starts with a formula character once unquoted.
    for (const row of rows) expect(row).not.toMatch(/(^|,)"?[=+\-@\t]/);
  });
});

describe("not found", () => {
  const missing = globalId;
  // Every detail route, asked for an id of the right type that matches nothing, and for ids that cannot be one.
  const cases: [route: string, unknown: string[]][] = [
    ["/events", [missing("Event", 9_999_999)]],
    ["/stories", [missing("Story", 9_999_999)]],
    ["/people", [missing("Entity", 9_999_999), missing("Person", 9_999_999)]],
    ["/articles", [missing("Article", 9_999_999), "9999999"]],
    ["/outlets", [missing("Outlet", 9_999_999), "no-such-outlet"]],
    ["/quotes/clusters", [missing("QuoteCluster", 9_999_999)]],
    ["/ingest", [missing("IngestRun", 9_999_999)]],
  ];
  const malformed = ["not a real id!", "!!!", "Zm9vOjE=" /* foo:1, no such type */, missing("Story", 1) /* wrong type */];

  it("answers 404 with a readable page for unknown and malformed ids on every detail route", async () => {
    let checked = 0;
    for (const [route, unknown] of cases) {
      for (const id of [...unknown, ...malformed]) {
        // A Story id is a real story on the story route: not a wrong type there.
        if (route === "/stories" && id === missing("Story", 1)) continue;
        const url = `${webUrl}${route}/${encodeURIComponent(id)}`;
        const response = await fetch(url);
        const html = await response.text();
        expect({ url, status: response.status }).toEqual({ url, status: 404 });
        expect(html, url).toContain("Nothing here matches this address");
        expect(html, url).not.toMatch(/is not an? \w+ id|Unexpected error|could not load/);
        checked++;
      }
    }
    // Every pair but one (a Story id on the story route is a real story, not a wrong type).
    expect(checked).toBe(cases.reduce((n, [, unknown]) => n + unknown.length + malformed.length, 0) - 1);
    console.info(`not found: ${checked} addresses answered 404`);
  });

  it("shows the not-found page in the browser, and real ids still answer 200", async () => {
    const response = await open(`/events/${encodeURIComponent(missing("Event", 9_999_999))}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Not found");
    await expect(page.locator("main").innerText()).resolves.toContain("Start again from the overview");
    await shoot("not-found");
    const { articles } = await hostilePages();
    const ok = await fetch(`${webUrl}/articles/${encodeURIComponent(globalId("Article", articles[0]?.id ?? 0))}`);
    expect(ok.status).toBe(200);
    const outlet = await fetch(`${webUrl}/outlets/meridian-wire`);
    expect(outlet.status).toBe(200);
    expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
  });
});

describe("ingest runs", () => {
  it("lists runs with counts and shows each failed input with its reason", async () => {
    await open("/ingest");
    // The demo's, the hostile records' and the timeline cases' runs; only the hostile one partly failed.
    const rows = page.locator("main tbody tr");
    expect(await rows.count()).toBe(3);
    const failed = rows.filter({ hasText: "partly failed" });
    expect(await failed.count()).toBe(1);
    await shoot("ingest");
    await failed.first().getByRole("link").first().click();
    await arrive(/\/ingest\//);
    const errors = await page.locator("#run-errors ~ div tbody tr").allInnerTexts();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("hostile.jsonl");
    expect(errors[0]).toMatch(/text, html or file/);
    await expectNoApiErrors();
    expect(problems).toEqual([]);
  });
});

describe("states and access", () => {
  it("explains empty results and unknown addresses", async () => {
    await open("/events?q=zzzz-no-such-event");
    await expect(page.locator(".empty").innerText()).resolves.toContain("No events match");
    const unknown = await open("/articles/QXJ0aWNsZTo5OTk5OTk5");
    expect(unknown?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Not found");
    const chartless = await open("/?from=1999-01-01&to=1999-01-31");
    expect(chartless?.status()).toBe(200);
    // Undated articles exist, so the empty chart says it found no dated ones and points to the rest.
    await expect(page.locator("#coverage .empty").innerText()).resolves.toContain("No dated articles in this range");
    await expect(page.locator("#coverage .chart-undated").innerText()).resolves.toContain("2 undated articles");
    await expectNoApiErrors();
  });

  it("is usable by keyboard: skip link, sections, toggles", async () => {
    await open("/");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to content");
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      reached.add(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ""));
    }
    for (const name of ["Events", "Quotes", "Apply", "Week", "Share", "Download CSV"]) expect(reached).toContain(name);
    expect(problems).toEqual([]);
  });

  it("tells the analyst what to do when the API is down", async () => {
    await new Promise<void>((done) => {
      api.once("exit", () => done());
      api.kill("SIGTERM");
    });
    await open("/");
    await expect(page.locator(".card.error").first().innerText()).resolves.toContain("did not answer");
    await expect(page.locator(".card.error").first().innerText()).resolves.toContain("npm start");
    expect(await page.locator(".card.error").count()).toBe(1);
    await shoot("api-down");
  });
});
