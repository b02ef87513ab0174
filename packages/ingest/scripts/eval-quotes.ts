// Runs analyzeText over the quotes eval split and scores it with the shared scorer.
//   node --import tsx packages/ingest/scripts/eval-quotes.ts [GOLD_OR_INPUT.jsonl] [--out PRED.jsonl] [--errors] [--bench]
// Reads each row's `text` (a gold file or make-input.mjs output), writes prediction rows in the extract contract's
// shape, then runs `node score.mjs quotes GOLD PRED` when the gold file is at hand. --errors prints the gold quotes
// missed or misattributed and the predictions that match no gold quote; --bench times quotes+entities per 4 KB.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { analyzeText, quoteSpans } from "../src/extract/analyze.ts";
import { citedOutlets } from "../src/extract/citations.ts";
import { buildEntityIndex } from "../src/extract/entities/extract.ts";
import { extractQuotes } from "../src/extract/quotes/index.ts";
import { findQuoteMarks } from "../src/extract/quotes/marks.ts";
import type { ExtractedQuote } from "../src/extract/types.ts";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const goldPath = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--out") ?? "/work/shared/eval/quotes/dev.jsonl";
const outPath = option("--out") ?? "/tmp/eval-quotes-pred.jsonl";
const scorer = "/work/shared/eval/score.mjs";

interface GoldQuote {
  text: string;
  speaker: string | null;
  speaker_canonical?: string | null;
  type: string;
  start: number;
  end: number;
}
interface Row {
  id: string;
  text: string;
  quotes?: GoldQuote[];
}
const rows: Row[] = readFileSync(goldPath, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

/** One prediction row per quote part: the contract's rows hold one span each. */
function predictionRows(body: string, q: ExtractedQuote) {
  return quoteSpans(body, q).map((p) => ({ ...p, speaker: q.speaker, speakerAsWritten: q.speakerAsWritten }));
}

const preds = rows.map((row) => {
  const analysis = analyzeText(row.text);
  const people = analysis.entities.filter((e) => e.kind === "PERSON").map((e) => e.name);
  const places = analysis.entities.filter((e) => e.kind === "PLACE").map((e) => e.name);
  const organizations = analysis.entities.filter((e) => e.kind === "ORGANIZATION").map((e) => e.name);
  return {
    id: row.id,
    quotes: analysis.quotes.flatMap((q) => predictionRows(row.text, q)),
    people,
    places,
    organizations,
    cites: citedOutlets(analysis.citations),
    _analysis: analysis,
  };
});
writeFileSync(outPath, `${preds.map(({ _analysis, ...p }) => JSON.stringify(p)).join("\n")}\n`);
console.error(`${preds.length} documents -> ${outPath}`);

if (rows.some((r) => r.quotes) && existsSync(scorer)) {
  console.log(execFileSync("node", [scorer, "quotes", goldPath, outPath], { encoding: "utf8" }));
}

if (flag("--errors")) printErrors();
if (flag("--bench")) bench();

function printErrors() {
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const coverage = (of: string[], by: string[]) => {
    const m = new Map<string, number>();
    for (const t of by) m.set(t, (m.get(t) ?? 0) + 1);
    let c = 0;
    for (const t of of)
      if ((m.get(t) ?? 0) > 0) {
        c++;
        m.set(t, (m.get(t) as number) - 1);
      }
    return of.length ? c / of.length : 0;
  };
  for (const [i, row] of rows.entries()) {
    const pred = preds[i];
    if (!pred || !row.quotes) continue;
    const gold = row.quotes;
    const allGold = gold.flatMap((q) => words(q.text));
    const lines: string[] = [];
    for (const q of pred.quotes) {
      if (coverage(words(q.text), allGold) < 0.5) lines.push(`  FP   ${JSON.stringify(q.text.slice(0, 90))} <- ${q.speaker}`);
    }
    for (const g of gold) {
      const gw = words(g.text);
      let best: (typeof pred.quotes)[number] | null = null;
      let bestCov = 0;
      for (const p of pred.quotes) {
        const pw = words(p.text);
        if (pw.length > 4 * gw.length + 20) continue;
        const cov = coverage(gw, pw);
        if (cov > bestCov) {
          bestCov = cov;
          best = p;
        }
      }
      const ctx = JSON.stringify(
        row.text.slice(Math.max(0, g.start - 70), Math.min(row.text.length, g.end + 60)).replace(/\n/g, " ¶ "),
      );
      if (bestCov < 0.5) {
        lines.push(`  MISS ${g.type} ${JSON.stringify(g.text.slice(0, 80))} <- ${g.speaker} || ${ctx}`);
        continue;
      }
      if (g.type !== "direct") continue;
      const target = g.speaker_canonical ?? g.speaker;
      const said = new Set(words(best?.speaker ?? ""));
      const ok = words(target ?? "").some((t) => said.has(t)) || words(g.speaker ?? "").some((t) => t.length > 1 && said.has(t));
      if (!ok && g.speaker)
        lines.push(
          `  SPK  gold=${g.speaker} (${g.speaker_canonical}) pred=${best?.speaker} [${best?.speakerAsWritten}] || ${ctx}`,
        );
    }
    if (lines.length) console.log(`== ${row.id}\n${lines.join("\n")}`);
  }
}

function bench() {
  const bodies = rows.map((r) => r.text);
  const totalBytes = bodies.reduce((a, b) => a + Buffer.byteLength(b), 0);
  const run = () => {
    for (const body of bodies) {
      const marks = findQuoteMarks(body);
      const interiors = marks
        .flatMap((s) => s.parts.map((p) => ({ start: p.start, end: p.end })))
        .sort((a, b) => a.start - b.start);
      const index = buildEntityIndex(body, interiors);
      extractQuotes(body, marks, index, {});
    }
  };
  for (let k = 0; k < 5; k++) run(); // warm up the JIT
  const rounds = 20;
  // CPU time as well as wall time: the machine is shared, and wall time also counts other processes' turns.
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < rounds; k++) run();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const per4k = (ms: number) => (ms / rounds / (totalBytes / 4096)).toFixed(3);
  console.log(
    `quotes+entities per 4 KB: ${per4k(cpuMs)} ms CPU, ${per4k(wallMs)} ms wall (${bodies.length} articles, ${(totalBytes / bodies.length / 1024).toFixed(1)} KB avg, ${rounds} rounds)`,
  );
}
