import { readFileSync } from "node:fs";
import { Parser } from "htmlparser2";
const html = readFileSync(process.argv[2]!, "utf8");
let depth = 0; let on = false;
const p = new Parser({
  onopentag(n, a) { if (a.class === "submitted-wrp") on = true; if (on) console.log(" ".repeat(depth) + "<" + n + " " + (a.class ?? "")); depth++; },
  onclosetag(n, implied) { depth--; if (on) console.log(" ".repeat(depth) + "</" + n + (implied ? " implied" : "")); if (n === "h2") on = false; },
}, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
p.write(html); p.end();
