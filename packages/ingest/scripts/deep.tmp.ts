import { extractArticle } from "../src/extract/article.ts";
for (const n of [1000, 5000, 20000, 100000]) {
  const content = "<html><body>" + "<div><b>word, ".repeat(n) + "</body></html>";
  try {
    const t = performance.now();
    const a = extractArticle({ id: "x", format: "html", content, meta: {}, inputKind: "HTML", origin: "x" });
    console.log(n, "ok", a.body.length, (performance.now() - t).toFixed(0), "ms");
  } catch (e) { console.log(n, "FAIL", String(e).slice(0, 100)); }
}
