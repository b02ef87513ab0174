import { readFileSync } from "node:fs";
import { parseHtml, textOf, walkElements, type HtmlElement } from "../src/extract/html.ts";
import { Context } from "../src/extract/html-content.ts";
const [file, needle] = process.argv.slice(2);
const page = parseHtml(readFileSync(file!, "utf8"));
const ctx = new Context(page.root);
walkElements(page.root, (el) => {
  if (el.children.some((c) => typeof c === "string" && c.includes(needle!))) {
    for (let p: HtmlElement | null = el; p; p = p.parent) { const s = ctx.stats(p); console.log(p.tag, (p.attrs.class ?? "").slice(0, 60), p.attrs.id ?? "", "skip=" + ctx.skip(p), JSON.stringify(s)); }
    return false;
  }
});
