import { readFileSync } from "node:fs";
import { structurePlainText } from "../src/extract/text-clean.ts";
const q = readFileSync("/work/shared/eval/quotes/dev.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text as string);
const texts: string[] = [];
for (let i = 0; i < 1000; i++) { let t = q[i % q.length]!; while (t.length < 4096) t += "\n\n" + q[(i + 7) % q.length]; texts.push(t.slice(0, 4096)); }
for (let r = 0; r < 5; r++) for (const t of texts) structurePlainText(t);
