import { readFileSync } from "node:fs";
import { extractArticle } from "../src/extract/article.ts";
import { decodeBytes } from "../src/sources/decode.ts";
import type { RawDocument } from "../src/extract/types.ts";
const rows = readFileSync("/tmp/art/pages/input.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const html: RawDocument[] = rows.map((r) => ({ id: r.id, format: "html", content: decodeBytes(readFileSync(r.file)).text, url: r.url, meta: {}, inputKind: "HTML", origin: r.id }));
for (let r = 0; r < 3; r++) for (const d of html) extractArticle(d);
