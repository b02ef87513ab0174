// The dashboard's performance budget on a big database: LCP of each main page and the JavaScript it loads
// (gzip bytes on the wire), measured in Debian's Chromium against the real API and `next start`.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { launchChromium } from "../apps/web/test/chromium.ts";
import { startApi, stopApi } from "./api.ts";
import { freeLoopbackPort } from "./lib/db.ts";
import { formatCount } from "./lib/log.ts";
import type { Figure } from "./lib/report.ts";
import type { SyntheticCorpus } from "./synthetic.ts";

const root = resolve(import.meta.dirname, "..");
const PAGES = [
  { name: "overview", path: "/" },
  { name: "events", path: "/events" },
  { name: "quotes", path: "/quotes" },
];

async function startWeb(apiUrl: string): Promise<{ url: string; child: ChildProcess }> {
  if (!existsSync(join(root, "apps/web/.next/BUILD_ID")))
    throw new Error("apps/web is not built: run `npx turbo run build --filter=@storyline/web` first");
  const port = await freeLoopbackPort();
  const child = spawn(
    process.execPath,
    [join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: join(root, "apps/web"),
      env: { ...process.env, STORYLINE_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  // Ready when a static file answers: probing a page would render it, filling the API's read cache for the
  // very page measured first (and loading the database while it is measured).
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${url}/icon.svg`).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return { url, child };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGKILL");
  throw new Error("next start did not answer within 60 s");
}

export async function webBench(corpus: SyntheticCorpus): Promise<{ figures: Figure[]; errors: string[]; findings: string[] }> {
  const corpusText = `${formatCount(corpus.articles)} articles, ${corpus.quotes.toLocaleString("en-US")} quotes`;
  const group = `Dashboard at ${corpusText}`;
  const figures: Figure[] = [];
  const errors: string[] = [];
  const findings: string[] = [];
  // As configured, but a cold cache: the first view of each page is what is measured, on servers that have
  // already rendered each page once. `next start` loads a route's modules on its first request (~0.5 s); it is
  // warmed before the API listens, so those renders end in the "API unreachable" page and fill no API cache.
  const apiPort = await freeLoopbackPort();
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  let web: Awaited<ReturnType<typeof startWeb>> | null = null;
  const browser = await launchChromium();
  try {
    web = await startWeb(`http://127.0.0.1:${apiPort}/graphql`);
    for (const page of PAGES) {
      await fetch(`${web.url}${page.path}`)
        .then((r) => r.text())
        .catch(() => "");
    }
    api = await startApi(corpus.db.url, {}, 5000, apiPort);
    // A long-running API, as a user meets it: connected, its read cache still empty for every operation a page
    // sends (health is not one of them).
    await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ health { ok } }" }),
    });
    for (const page of PAGES) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const tab = await context.newPage();
      let scriptBytes = 0;
      let scriptCount = 0;
      tab.on("response", async (response) => {
        if (response.request().resourceType() !== "script") return;
        const sizes = await response
          .request()
          .sizes()
          .catch(() => null);
        if (sizes) {
          scriptBytes += sizes.responseBodySize;
          scriptCount++;
        }
      });
      const started = performance.now();
      await tab.goto(`${web.url}${page.path}`, { waitUntil: "load", timeout: 60_000 });
      // The document's load event comes when the last streamed (Suspense) section has arrived. Network idle
      // comes later: after load, Next prefetches the pages the visible links lead to (each a server render
      // with its own API calls), so it also counts how fast the linked pages are.
      const loadEventMs = await tab.evaluate(() => {
        const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
        return navigation?.loadEventStart ?? -1;
      });
      await tab.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
      const loadMs = performance.now() - started;
      const lcp = await tab.evaluate(
        () =>
          new Promise<number>((resolveLcp) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolveLcp(entries[entries.length - 1]?.startTime ?? 0);
            }).observe({ type: "largest-contentful-paint", buffered: true });
            setTimeout(() => resolveLcp(-1), 3000);
          }),
      );
      const alerts = await tab.locator("section.card.error").allInnerTexts();
      for (const text of alerts) errors.push(`${page.name}: error card: ${text.replace(/\s+/g, " ").slice(0, 200)}`);
      figures.push({
        section: "web",
        group,
        name: `${page.name}: largest contentful paint (first view, cold API cache)`,
        corpus: corpusText,
        value: lcp,
        unit: "ms",
        detail: `load event ${Math.round(loadEventMs)} ms; network idle ${Math.round(loadMs)} ms`,
        baseline: { name: "load event of the same view", value: loadEventMs, unit: "ms" },
        ratio: lcp / loadEventMs,
        target: page.name === "overview" ? { op: "<=", value: 1000 } : undefined,
      });
      figures.push({
        section: "web",
        group,
        name: `${page.name}: JavaScript loaded (compressed bytes on the wire)`,
        corpus: corpusText,
        value: scriptBytes / 1024,
        unit: "KB",
        detail: `${scriptCount} scripts`,
        target: page.name === "overview" ? { op: "<=", value: 200 } : undefined,
      });
      await context.close();
    }
    findings.push("JavaScript is the compressed response body size Chromium reports for script requests of the first view.");
    findings.push(
      "Load event: the document's (navigation timing), i.e. every streamed section arrived. Network idle: until no request for 500 ms (at most 10 s after load), including Next's prefetches of the pages the visible links lead to.",
    );
  } finally {
    await browser.close();
    web?.child.kill("SIGTERM");
    if (api) await stopApi(api.child);
  }
  return { figures, errors, findings };
}
