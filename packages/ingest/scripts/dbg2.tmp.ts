import { readFileSync } from "node:fs";
import { parseHtml, type HtmlElement } from "/work/main/packages/ingest/src/extract/html.ts";
const page = parseHtml(readFileSync(process.argv[2]!, "utf8"));
const show = (el: HtmlElement, depth: number) => {
  if (depth > +(process.argv[3] ?? 4)) return;
  for (const c of el.children) if (typeof c !== "string") { console.log(" ".repeat(depth*2) + c.tag + (c.attrs.class ? "." + c.attrs.class.slice(0,40) : "") + (c.attrs.id ? "#" + c.attrs.id : "") + " children=" + c.children.length); show(c, depth + 1); }
};
show(page.root, 0);
