import { readFileSync } from "node:fs";
import { parseHtml, type HtmlElement } from "../src/extract/html.ts";
import { Context } from "../src/extract/html-content.ts";
const page = parseHtml(readFileSync(process.argv[2]!, "utf8"));
const ctx = new Context(page.root);
const show = (el: HtmlElement, depth: number) => {
  if (depth > +(process.argv[3] ?? 4)) return;
  for (const c of el.children) if (typeof c !== "string") { const s = ctx.stats(c); console.log(" ".repeat(depth*2) + c.tag + (c.attrs.class ? "." + c.attrs.class.slice(0,50) : "") + (c.attrs.id ? "#" + c.attrs.id : "") + ` skip=${ctx.skip(c)} text=${s.textLen} para=${s.paraLen} link=${s.linkLen}`); if (!ctx.skip(c)) show(c, depth + 1); }
};
show(page.root, 0);
