// Feeds a clusters split to the event index the way an ingest would (dated articles in date order, undated
// ones after them in file order), writes {id, eventId, storyId} rows for score.mjs and prints the same
// B-cubed and pairwise numbers, plus throughput.
//
//   node --import tsx packages/ingest/scripts/eval-clusters.ts GOLD.jsonl [--out PRED.jsonl]
//        [--mode online|recluster] [--options '{"threshold":0.3}'] [--scale N] [--quiet]
//
// --scale N replays the split N times to show that the cost per article stays flat as events accumulate (the
// inverted index bounds the candidates). Each copy is shifted 60 days later, gets fresh ids, and has its long
// words (5+ letters) marked with the copy number, so copies share the everyday vocabulary that fills the
// posting lists but are different news, not repeats of the first copy's events.

import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { EventIndex, type EventIndexOptions } from "../src/link/event-index.ts";
import { recluster } from "../src/link/recluster.ts";
import type { ClusterDoc } from "../src/link/types.ts";

interface GoldRow {
  id: string;
  title: string | null;
  text: string;
  date: string | null;
  source: string | null;
  cluster: string;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string" },
    mode: { type: "string", default: "online" },
    options: { type: "string" },
    scale: { type: "string", default: "1" },
    quiet: { type: "boolean", default: false },
  },
});
const goldPath = positionals[0];
if (!goldPath) {
  console.error("usage: eval-clusters.ts GOLD.jsonl [--out PRED.jsonl] [--mode online|recluster] [--options JSON] [--scale N]");
  process.exit(2);
}
const options: Partial<EventIndexOptions> = values.options ? JSON.parse(values.options) : {};
const gold: GoldRow[] = readFileSync(goldPath, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

const markCopy = (text: string, copy: number): string =>
  copy === 0 ? text : text.replace(/\p{L}{5,}/gu, (w) => `${w}q${String.fromCharCode(97 + (copy % 26))}${copy}`);

const toDoc = (g: GoldRow, copy: number): ClusterDoc => ({
  id: copy === 0 ? g.id : `${g.id}#${copy}`,
  title: g.title === null ? null : markCopy(g.title, copy),
  body: markCopy(g.text, copy),
  publishedAt: g.date ? shiftDate(g.date, copy * 60) : null,
  outlet: g.source,
});

function shiftDate(date: string, days: number): string {
  if (days === 0) return date;
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) + date.slice(10);
}

/** Ingest order: dated articles by date (stable), then undated ones in file order. */
function ingestOrder(docs: ClusterDoc[]): ClusterDoc[] {
  const dated = docs
    .filter((d) => d.publishedAt)
    .sort((a, b) => (a.publishedAt! < b.publishedAt! ? -1 : a.publishedAt! > b.publishedAt! ? 1 : 0));
  return [...dated, ...docs.filter((d) => !d.publishedAt)];
}

const scale = Math.max(1, Number(values.scale));
const rows: { id: string; eventId: string; storyId: string | null }[] = [];
const started = performance.now();
const startedCpu = process.cpuUsage();
let index: EventIndex;
if (values.mode === "recluster") {
  const docs = ingestOrder(gold.map((g) => toDoc(g, 0)));
  const result = recluster(docs, undefined, options);
  index = result.index;
  for (const d of docs) {
    const eventId = result.assignments.get(d.id)!;
    rows.push({ id: d.id, eventId, storyId: index.event(eventId)?.storyId ?? null });
  }
} else {
  index = new EventIndex(options);
  const perCopyMs: number[] = [];
  const perCopyWork: string[] = [];
  for (let copy = 0; copy < scale; copy++) {
    // CPU time rather than wall time: other processes share the machine.
    const cpu0 = process.cpuUsage();
    const before = index.work;
    // Each copy is a later stretch of news: its dated articles come after all of the previous copy's.
    for (const doc of ingestOrder(gold.map((g) => toDoc(g, copy)))) {
      const r = index.assign(doc);
      if (copy === 0) rows.push({ id: doc.id, eventId: r.eventId, storyId: r.storyId });
    }
    const cpu = process.cpuUsage(cpu0);
    perCopyMs.push((cpu.user + cpu.system) / 1000);
    const after = index.work;
    perCopyWork.push(
      `copy ${copy}: ${Math.round((gold.length / perCopyMs[copy]!) * 1000)} articles per CPU-second, ` +
        `${Math.round((after.postingsVisited - before.postingsVisited) / gold.length)} postings read and ` +
        `${((after.candidatesScored - before.candidatesScored) / gold.length).toFixed(1)} events scored per article, ` +
        `${index.eventCount} events in memory`,
    );
  }
  if (scale > 1) console.error(perCopyWork.join("\n"));
}
// Events move to a better story as they grow: report the story each event ended in.
for (const row of rows) row.storyId = index.event(row.eventId)?.storyId ?? row.storyId;
const elapsedMs = performance.now() - started;
const cpu = process.cpuUsage(startedCpu);
const cpuMs = (cpu.user + cpu.system) / 1000;

if (values.out) writeFileSync(values.out, `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);

// Same metrics as score.mjs (clusters), so parameter sweeps need no temp files.
const predOf = new Map(rows.map((r) => [r.id, r.eventId]));
const items = gold.map((g) => ({ g: g.cluster, p: predOf.get(g.id) ?? `__alone_${g.id}` }));
const count = (keys: string[]) => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};
const byG = count(items.map((i) => i.g));
const byP = count(items.map((i) => i.p));
const byGP = count(items.map((i) => `${i.g}\u0001${i.p}`));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const bp = mean(items.map((i) => byGP.get(`${i.g}\u0001${i.p}`)! / byP.get(i.p)!));
const br = mean(items.map((i) => byGP.get(`${i.g}\u0001${i.p}`)! / byG.get(i.g)!));
const pairs = (m: Map<string, number>) => [...m.values()].reduce((a, n) => a + (n * (n - 1)) / 2, 0);
const tp = pairs(byGP);
const pwP = tp / (pairs(byP) || 1);
const pwR = tp / (pairs(byG) || 1);
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const articles = gold.length * (values.mode === "recluster" ? 1 : scale);
console.log(
  JSON.stringify({
    mode: values.mode,
    articles,
    predictedEvents: byP.size,
    stories: new Set(rows.map((r) => r.storyId)).size,
    bcubed: { precision: r3(bp), recall: r3(br), f1: r3(f1(bp, br)) },
    pairwise: { precision: r3(pwP), recall: r3(pwR), f1: r3(f1(pwP, pwR)) },
    articlesPerSecond: Math.round((articles / elapsedMs) * 1000),
    // Wall time suffers when other processes share the cores; CPU time does not.
    articlesPerCpuSecond: Math.round((articles / cpuMs) * 1000),
  }),
);
