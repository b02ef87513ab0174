import { readFileSync, readdirSync } from "node:fs";
import { extractArticle } from "../src/extract/article.ts";
const dir = "/work/shared/seeds/";
for (const f of readdirSync(dir).sort()) {
  const a = extractArticle({ id: f, format: "text", content: readFileSync(dir + f, "utf8"), meta: {}, inputKind: "TEXT", origin: f });
  const { body, ...rest } = a;
  console.log("=====", f, JSON.stringify(rest, null, 0));
  console.log(body.split("\n\n").map((p) => "  | " + p.slice(0, 90)).join("\n"));
}
