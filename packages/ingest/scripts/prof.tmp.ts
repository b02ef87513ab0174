import { readFileSync } from "node:fs";
import { structurePlainText } from "../src/extract/text-clean.ts";
import { inferPublicationDate, findDates } from "../src/extract/dates.ts";
import { detectLanguage } from "../src/extract/language.ts";
import { guessOutlet } from "../src/extract/outlet.ts";
const q = readFileSync("/work/shared/eval/quotes/dev.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text as string);
const texts: string[] = [];
for (let i = 0; i < 1000; i++) { let t = q[i % q.length]!; while (t.length < 4096) t += "\n\n" + q[(i + 7) % q.length]; texts.push(t.slice(0, 4096)); }
const time = (name: string, fn: (t: string) => unknown) => { const t0 = performance.now(); for (const t of texts) fn(t); console.log(name, ((performance.now() - t0) / texts.length).toFixed(3), "ms"); };
for (let r = 0; r < 2; r++) {
time("structure", (t) => structurePlainText(t));
time("infer", (t) => inferPublicationDate(t));
time("findDates", (t) => findDates(t));
time("lang", (t) => detectLanguage(t));
time("outlet", (t) => guessOutlet({ lines: t.split("\n") }));
}
