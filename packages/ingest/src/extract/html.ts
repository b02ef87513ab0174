// A small HTML tree built straight from htmlparser2 events, plus the page metadata harvested while building it.
// We build our own tree rather than a DOM: the extractor only needs tags, attributes and text, and skipping
// script/style bodies during the parse keeps a 250 KB page at a few milliseconds.
import { Parser } from "htmlparser2";

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
}
export type HtmlNode = HtmlElement | string;

export interface ParsedPage {
  root: HtmlElement;
  /** The <title> element's text. */
  titleTag: string | null;
  /** <meta> values keyed by lower-cased name / property / itemprop / http-equiv. */
  meta: Map<string, string[]>;
  /** Parsed JSON-LD blocks, flattened (@graph and arrays unrolled). */
  jsonLd: Record<string, unknown>[];
  lang: string | null;
  canonicalUrl: string | null;
  /** Elements that carry microdata or machine-readable dates: <time>, [itemprop], [datetime]. */
  dated: HtmlElement[];
}

// Real pages nest a few dozen levels; unclosed <font> or <b> tags in legacy markup can nest thousands deep, which
// would exhaust the stack of every recursive pass. Past this depth new tags are flattened into their parent.
const MAX_DEPTH = 300;

// htmlparser2 keeps its open tags in an array it shifts and unshifts at the front, so each tag costs as much as
// the nesting is deep: 100,000 nested <div> took 16 s. Tags nested deeper than this are dropped before the parse
// (their text stays); the tree above is flattened at MAX_DEPTH anyway, so a page this deep loses nothing more.
const MAX_PARSER_DEPTH = 1000;

// Their text is code or invisible; JSON-LD is the one script we read.
const RAW_TEXT_SKIP = new Set(["script", "style", "noscript", "template", "textarea"]);

export function parseHtml(html: string): ParsedPage {
  const root: HtmlElement = { tag: "#root", attrs: {}, children: [], parent: null };
  const meta = new Map<string, string[]>();
  const jsonLdTexts: string[] = [];
  const dated: HtmlElement[] = [];
  let current = root;
  let titleTag: string | null = null;
  let lang: string | null = null;
  let canonicalUrl: string | null = null;
  let inTitle = false;
  let inSvg = 0;
  let jsonLdBuffer: string | null = null;
  let depth = 0;
  let flattened = 0;

  const addMeta = (key: string, value: string) => {
    const k = key.trim().toLowerCase();
    if (!k || !value) return;
    const list = meta.get(k);
    if (list) list.push(value);
    else meta.set(k, [value]);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (depth >= MAX_DEPTH) {
          flattened++;
          return;
        }
        const el: HtmlElement = { tag: name, attrs, children: [], parent: current };
        current.children.push(el);
        current = el;
        depth++;
        switch (name) {
          case "html":
            if (attrs.lang) lang = attrs.lang;
            break;
          case "title":
            if (titleTag === null && inSvg === 0) inTitle = true;
            break;
          case "meta": {
            const value = attrs.content ?? attrs.value;
            if (value != null) {
              for (const key of [attrs.name, attrs.property, attrs.itemprop, attrs["http-equiv"]]) if (key) addMeta(key, value);
            }
            if (attrs["http-equiv"]?.toLowerCase() === "content-language" && !lang && attrs.content) lang = attrs.content;
            break;
          }
          case "link":
            if (attrs.rel?.toLowerCase().split(/\s+/).includes("canonical") && attrs.href) canonicalUrl = attrs.href;
            break;
          case "script":
            if (attrs.type?.toLowerCase().includes("ld+json")) jsonLdBuffer = "";
            break;
          case "svg":
            inSvg++;
            break;
        }
        if (name === "time" || attrs.itemprop || attrs.datetime) dated.push(el);
      },
      ontext(text) {
        const tag = current.tag;
        if (RAW_TEXT_SKIP.has(tag)) {
          if (jsonLdBuffer !== null && tag === "script") jsonLdBuffer += text;
          return;
        }
        if (inTitle) titleTag = (titleTag ?? "") + text;
        const last = current.children[current.children.length - 1];
        if (typeof last === "string") current.children[current.children.length - 1] = last + text;
        else current.children.push(text);
      },
      onclosetag(name) {
        if (flattened > 0) {
          flattened--;
          return;
        }
        if (name === "title") inTitle = false;
        if (name === "svg" && inSvg > 0) inSvg--;
        if (name === "script" && jsonLdBuffer !== null) {
          jsonLdTexts.push(jsonLdBuffer);
          jsonLdBuffer = null;
        }
        // htmlparser2 reports implied closes too, so the stack normally matches; the walk guards stray tags.
        let el: HtmlElement | null = current;
        let levels = 1;
        while (el && el !== root && el.tag !== name) {
          el = el.parent;
          levels++;
        }
        if (el && el !== root) {
          current = el.parent ?? root;
          depth -= levels;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(limitNesting(html, MAX_PARSER_DEPTH));
  parser.end();

  return {
    root,
    titleTag: titleTag === null ? null : collapseWhitespace(titleTag) || null,
    meta,
    jsonLd: jsonLdTexts.flatMap(parseJsonLd),
    lang,
    canonicalUrl,
    dated,
  };
}

function parseJsonLd(text: string): Record<string, unknown>[] {
  let value: unknown;
  try {
    value = JSON.parse(text.trim().replace(/^<!--|-->$/g, ""));
  } catch {
    // Some CMSs emit raw newlines inside strings; one lenient retry is cheap.
    try {
      value = JSON.parse(text.replace(/[\r\n\t]+/g, " "));
    } catch {
      return [];
    }
  }
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === "object") {
      const obj = v as Record<string, unknown>;
      out.push(obj);
      if (obj["@graph"]) visit(obj["@graph"]);
      // WebPage.mainEntity holds the NewsArticle on many sites.
      if (obj.mainEntity && typeof obj.mainEntity === "object") visit(obj.mainEntity);
    }
  };
  visit(value);
  return out;
}

/** Decodes HTML entities left in strings that bypassed the parser (JSON-LD values are often double-encoded). */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  let out = "";
  const parser = new Parser({ ontext: (t) => (out += t) }, { decodeEntities: true });
  parser.write(s.replace(/</g, "&lt;"));
  parser.end();
  return out;
}

export function collapseWhitespace(s: string): string {
  return (
    s
      // Soft hyphens and zero-width characters are invisible on the page and split words for search.
      .replace(/\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g, "")
      .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, " ")
      .trim()
  );
}

/** All text under a node, whitespace collapsed. */
export function textOf(node: HtmlNode): string {
  const parts: string[] = [];
  const walk = (n: HtmlNode) => {
    if (typeof n === "string") parts.push(n);
    else if (!RAW_TEXT_SKIP.has(n.tag)) for (const c of n.children) walk(c);
  };
  walk(node);
  return collapseWhitespace(parts.join(" "));
}

export function metaFirst(page: ParsedPage, ...keys: string[]): { key: string; value: string } | null {
  for (const key of keys) {
    const values = page.meta.get(key);
    const value = values?.find((v) => v.trim());
    if (value) return { key, value: value.trim() };
  }
  return null;
}

export function jsonLdTypes(obj: Record<string, unknown>): string[] {
  const t = obj["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

const ARTICLE_TYPES = /article|posting|report|blog|newsarticle|webpage|creativework|liveblog|review|analysis|opinion/i;

/** JSON-LD objects that describe the page's article, most specific first. */
export function jsonLdArticles(page: ParsedPage): Record<string, unknown>[] {
  const scored = page.jsonLd
    .map((obj) => {
      const types = jsonLdTypes(obj);
      const article = types.some((t) => ARTICLE_TYPES.test(t));
      const rank = types.some((t) => /article|posting|report|blog/i.test(t)) ? 0 : article ? 1 : 2;
      return { obj, rank };
    })
    .filter((x) => x.rank < 2 || x.obj.datePublished || x.obj.headline);
  return scored.sort((a, b) => a.rank - b.rank).map((x) => x.obj);
}

/** Depth-first visit of every element; return false from `fn` to skip an element's children. */
export function walkElements(root: HtmlElement, fn: (el: HtmlElement) => unknown): void {
  for (const child of root.children) {
    if (typeof child === "string") continue;
    if (fn(child) !== false) walkElements(child, fn);
  }
}

// Never nest in htmlparser2's stack: void elements, and tags a sibling closes implicitly (<p><p>, <li><li>).
const NOT_NESTING = new Set([
  "area",
  "base",
  "basefont",
  "bgsound",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "image",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "p",
  "li",
  "dt",
  "dd",
  "tr",
  "td",
  "th",
  "option",
  "optgroup",
  "thead",
  "tbody",
  "tfoot",
  "rb",
  "rt",
  "rp",
  "rtc",
  "html",
  "head",
  "body",
]);
// Their content is text, not tags.
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);
const TAG_RE = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/g;

/**
 * The page with tags nested deeper than `maxDepth` removed, text kept; the page itself when it nests less
 * (every real page). One pass to measure, a second only for a page that needs it. The count is approximate
 * (no misnesting rules), which is enough to keep the parser's work linear.
 */
export function limitNesting(html: string, maxDepth: number): string {
  const walk = (keep: ((from: number, to: number) => void) | null): boolean => {
    let depth = 0;
    let excess = 0;
    let copied = 0;
    TAG_RE.lastIndex = 0;
    for (let m = TAG_RE.exec(html); m; m = TAG_RE.exec(html)) {
      const name = m[2]?.toLowerCase();
      if (!name || NOT_NESTING.has(name) || m[0].endsWith("/>")) continue;
      const tagEnd = m.index + m[0].length;
      if (m[1]) {
        if (excess > 0) {
          excess--;
          keep?.(copied, m.index);
          copied = tagEnd;
        } else depth = Math.max(0, depth - 1);
        continue;
      }
      if (RAW_TEXT.has(name)) {
        const close = new RegExp(`</${name}\\s*>`, "gi");
        close.lastIndex = tagEnd;
        if (!close.exec(html)) break;
        TAG_RE.lastIndex = close.lastIndex;
        continue;
      }
      if (depth < maxDepth) depth++;
      else {
        if (!keep) return true;
        excess++;
        keep(copied, m.index);
        copied = tagEnd;
      }
    }
    keep?.(copied, html.length);
    return false;
  };
  if (!walk(null)) return html;
  const pieces: string[] = [];
  walk((from, to) => pieces.push(html.slice(from, to)));
  return pieces.join("");
}
