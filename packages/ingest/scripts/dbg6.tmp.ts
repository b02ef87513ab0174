import { readFileSync } from "node:fs";
import { parseHtml, type HtmlElement, walkElements } from "../src/extract/html.ts";
import { Context } from "../src/extract/html-content.ts";
const [file, needle] = process.argv.slice(2);
const page = parseHtml(readFileSync(file!, "utf8"));
const ctx = new Context(page.root);
let found = false;
walkElements(page.root, (el) => {
  if (found) return false;
  if (el.children.some((c) => typeof c === "string" && c.replace(/\s+/g, " ").includes(needle!))) {
    found = true;
    for (let p: HtmlElement | null = el; p; p = p.parent) { const s = ctx.stats(p); console.log(p.tag, (p.attrs.class ?? "").slice(0, 60), p.attrs.id ?? "", "skip=" + ctx.skip(p), JSON.stringify(s)); }
    return false;
  }
});
if (!found) console.log("not found as text");
