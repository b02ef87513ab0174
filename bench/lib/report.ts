// Figures, the console table, and bench/results/latest.{json,md}. A partial run (--only, --scale) replaces
// only the sections it measured, so the files always hold the latest figure of every benchmark.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type Section = "ingest" | "coverage" | "api" | "web";

export interface Target {
  op: "<=" | ">=";
  value: number;
}

export interface Figure {
  section: Section;
  /** The heading figures are listed under: what was measured, on which corpus. */
  group: string;
  name: string;
  corpus: string;
  value: number;
  unit: string;
  /** What else was measured about this figure (p95, errors, ...), shown after the value. */
  detail?: string;
  baseline?: { name: string; value: number; unit: string; detail?: string };
  /** value / baseline.value; what a ratio means is in the figure's name or note. */
  ratio?: number;
  target?: Target;
  /** Some targets are on the ratio (GraphQL <= 1.3x raw SQL, memory flat): then the ratio is compared. */
  targetOn?: "value" | "ratio";
  note?: string;
}

export interface SectionResult {
  at: string;
  seconds: number;
  environment: Record<string, string | number>;
  figures: Figure[];
  /** Measured facts that are not a figure against a baseline (a timeout hit, a plan chosen). */
  findings: string[];
  errors: string[];
}

export interface Results {
  generated: string;
  sections: Partial<Record<Section, SectionResult>>;
}

export const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "results");

export function met(f: Figure): boolean | null {
  if (!f.target) return null;
  const measured = f.targetOn === "ratio" ? f.ratio : f.value;
  if (measured === undefined || !Number.isFinite(measured)) return false;
  return f.target.op === "<=" ? measured <= f.target.value : measured >= f.target.value;
}

export function num(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString("en-US");
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  if (abs === 0) return "0";
  return value.toPrecision(2);
}

/** "n/a" alone when nothing was measured (no request completed), rather than "n/a ms". */
const amount = (value: number | null, unit: string) =>
  value !== null && Number.isFinite(value) ? `${num(value)} ${unit}` : "n/a";

const ratioText = (r: number | undefined | null) =>
  r === undefined || r === null ? "" : Number.isFinite(r) ? `${num(r)}x` : "n/a";

function targetText(f: Figure): string {
  if (!f.target) return "";
  const what = f.targetOn === "ratio" ? `${num(f.target.value)}x` : `${num(f.target.value)} ${f.unit}`;
  return `${f.target.op} ${what}`;
}

function statusText(f: Figure): string {
  const ok = met(f);
  return ok === null ? "" : ok ? "met" : "MISSED";
}

function rows(figures: Figure[]): string[][] {
  return figures.map((f) => [
    f.name,
    `${amount(f.value, f.unit)}${f.detail ? ` (${f.detail})` : ""}`,
    f.baseline
      ? `${f.baseline.name}: ${amount(f.baseline.value, f.baseline.unit)}${f.baseline.detail ? ` (${f.baseline.detail})` : ""}`
      : "",
    ratioText(f.ratio),
    targetText(f),
    statusText(f),
  ]);
}

const HEADER = ["figure", "measured", "baseline (same run)", "ratio", "target", ""];

function grouped(figures: Figure[]): [string, Figure[]][] {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  return [...groups];
}

export function consoleTable(figures: Figure[]): string {
  const groups = grouped(figures).map(
    ([group, members]) => [group, rows(members).map((r) => [`  ${r[0]}`, ...r.slice(1)])] as const,
  );
  const all = [HEADER, ...groups.flatMap(([, r]) => r)];
  const widths = HEADER.map((_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join("  ")
      .trimEnd();
  const out = [line(HEADER), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const [group, members] of groups) out.push(group, ...members.map(line));
  return out.join("\n");
}

/** Tables padded the way `biome format` writes them, so `npm run lint` passes on the committed file. */
function markdownTables(figures: Figure[]): string[] {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const out: string[] = [];
  for (const [group, members] of grouped(figures)) {
    const body = rows(members).map((r) => r.map(esc));
    const widths = HEADER.map((h, c) => Math.max(3, h.length, ...body.map((r) => r[c]!.length)));
    const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
    out.push(`### ${group}`, "", line(HEADER), line(widths.map((w) => "-".repeat(w))), ...body.map(line), "");
  }
  return out;
}

export function readResults(): Results {
  const file = join(resultsDir, "latest.json");
  if (!existsSync(file)) return { generated: new Date().toISOString(), sections: {} };
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Results;
  } catch {
    return { generated: new Date().toISOString(), sections: {} };
  }
}

const SECTION_TITLES: Record<Section, string> = {
  ingest: "Ingest throughput",
  coverage: "Coverage queries",
  api: "API under load",
  web: "Dashboard page weight",
};

export function writeResults(results: Results) {
  mkdirSync(resultsDir, { recursive: true });
  const write = (name: string, content: string) => {
    // Written beside and renamed, so an interrupted run never leaves a half file.
    const tmp = join(resultsDir, `${name}.tmp`);
    writeFileSync(tmp, content);
    renameSync(tmp, join(resultsDir, name));
  };
  write("latest.json", `${JSON.stringify(results, null, 2)}\n`);
  const md: string[] = [
    "# Storyline benchmarks: latest results",
    "",
    "Written by `npm run bench` (see bench/README.md). Every figure is compared with a baseline measured in the",
    "same run on the same machine; ratio = measured / baseline. Sections run separately keep their own date.",
    "",
  ];
  for (const section of ["ingest", "coverage", "api", "web"] as const) {
    const s = results.sections[section];
    if (!s) continue;
    md.push(`## ${SECTION_TITLES[section]}`, "");
    md.push(
      `Run ${s.at} (${Math.round(s.seconds)} s). ${Object.entries(s.environment)
        .map(([k, v]) => `${k}: ${v}`)
        .join("; ")}.`,
      "",
    );
    if (s.figures.length) md.push(...markdownTables(s.figures));
    const notes = [...new Set(s.figures.flatMap((f) => (f.note ? [f.note] : [])))];
    if (notes.length) md.push("Notes:", "", ...notes.map((n) => `- ${n}`), "");
    if (s.findings?.length) md.push("Findings:", "", ...s.findings.map((e) => `- ${e}`), "");
    if (s.errors.length) md.push("Errors:", "", ...s.errors.map((e) => `- ${e}`), "");
  }
  write("latest.md", `${md.join("\n").trimEnd()}\n`);
}
