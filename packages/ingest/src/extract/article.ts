// The clean/metadata stage: one RawDocument in, title, body, people and provenance out. Pure; no I/O.
import { authorsFromValue, type Byline, dedupe, parseByline } from "./authors.ts";
import { dateFromUrl, findDates, inferPublicationDate, type ParsedDate, parseDatelineLine, parseDateValue } from "./dates.ts";
import { extractMainText } from "./html-content.ts";
import {
  collapseWhitespace,
  type HtmlElement,
  jsonLdArticles,
  jsonLdTypes,
  metaFirst,
  type ParsedPage,
  parseHtml,
  textOf,
  walkElements,
} from "./html.ts";
import { detectLanguage, normalizeLanguageTag } from "./language.ts";
import { guessOutlet } from "./outlet.ts";
import { compareKey, structurePlainText, wordCount } from "./text-clean.ts";
import type { ArticleMetadata, InputMeta, PublishedDate, RawDocument } from "./types.ts";

export function extractArticle(doc: RawDocument): ArticleMetadata {
  return doc.format === "html" ? extractFromHtml(doc) : extractFromText(doc);
}

// ---- plain text ---------------------------------------------------------------------------------------------

function extractFromText(doc: RawDocument): ArticleMetadata {
  const meta = doc.meta ?? {};
  const s = structurePlainText(doc.content, meta.title);
  const body = s.paragraphs.join("\n\n");
  const byline = mergeBylines(meta, s.byline ? [s.byline] : []);
  const language = normalizeLanguageTag(meta.language) ?? detectLanguage(body);
  const usDates = prefersUsDates(doc.url, language);

  let published = inputPublished(meta);
  if (!published) published = urlPublished(doc.url);
  if (!published && s.dateline) {
    published = {
      value: s.dateline.value,
      offset: s.dateline.offset,
      precision: s.dateline.precision,
      source: "TEXT",
      confidence: 0.8,
      evidence: s.dateline.line,
    };
  }
  if (!published) published = inferPublicationDate(body, { usDates });

  const outlet = guessOutlet({ metaOutlet: meta.outlet, url: doc.url, lines: s.rawLines });
  return {
    title: s.title,
    body,
    authors: byline.authors,
    bylineAgencies: byline.agencies,
    outlet,
    published,
    modifiedAt: meta.modifiedAt ?? null,
    language,
    wordCount: wordCount(body),
  };
}

// ---- HTML ---------------------------------------------------------------------------------------------------

function extractFromHtml(doc: RawDocument): ArticleMetadata {
  const meta = doc.meta ?? {};
  const page = parseHtml(doc.content);
  const url = doc.url ?? absoluteUrl(page.canonicalUrl);
  const articles = jsonLdArticles(page);
  const title = meta.title?.trim() || chooseTitle(page, articles);
  const main = extractMainText(page.root, title);
  const body = main.blocks.map((b) => b.text).join("\n\n");

  const byline = mergeBylines(meta, htmlBylines(page, articles));
  const language = normalizeLanguageTag(meta.language) ?? detectLanguage(body) ?? normalizeLanguageTag(page.lang);
  const usDates = prefersUsDates(url, language, page.lang);
  const published =
    inputPublished(meta) ??
    metadataPublished(page, articles) ??
    urlPublished(url) ??
    textPublished(page, main.blocks.map((b) => b.text), usDates) ??
    inferPublicationDate(body, { usDates });

  const outlet = guessOutlet({
    metaOutlet: meta.outlet,
    url,
    siteName: metaFirst(page, "og:site_name", "application-name", "al:android:app_name", "twitter:app:name:iphone")?.value,
    jsonLdPublisher: publisherName(articles),
    lines: body.split("\n\n"),
  });

  return {
    title,
    body,
    authors: byline.authors,
    bylineAgencies: byline.agencies,
    outlet,
    published,
    modifiedAt: meta.modifiedAt ?? metadataModified(page, articles),
    language,
    wordCount: wordCount(body),
  };
}

function absoluteUrl(u: string | null): string | null {
  return u && /^https?:\/\//i.test(u) ? u : null;
}

// ---- title --------------------------------------------------------------------------------------------------

const TITLE_SEPARATORS = /\s+[|–—•·»:]\s+|\s+[-~]\s+|\s*::\s*/;

function chooseTitle(page: ParsedPage, articles: Record<string, unknown>[]): string | null {
  const headline = articles.map((a) => a.headline ?? a.name).find((h): h is string => typeof h === "string" && h.trim().length > 0);
  const og = metaFirst(page, "og:title", "twitter:title", "title", "dc.title", "sailthru.title", "parsely-title")?.value;
  const h1s: string[] = [];
  walkElements(page.root, (el) => {
    if (el.tag === "script" || el.tag === "style" || el.tag === "nav" || el.tag === "footer") return false;
    if (el.tag === "h1") {
      const t = textOf(el);
      if (t.length >= 10 && t.length <= 300) h1s.push(t);
      return false;
    }
  });
  const candidates = [og, headline, page.titleTag].filter((t): t is string => Boolean(t?.trim())).map((t) => collapseWhitespace(t));
  // The page's <h1> is the clean headline when some metadata title agrees with it (often with a site suffix).
  for (const h1 of h1s) {
    const k = compareKey(h1);
    if (candidates.some((c) => compareKey(c) === k || compareKey(c).startsWith(`${k} `) || compareKey(c).endsWith(` ${k}`))) return h1;
  }
  const siteName = metaFirst(page, "og:site_name", "application-name")?.value;
  const best = candidates[0];
  if (best) return stripSiteName(best, siteName);
  return h1s[0] ?? null;
}

function stripSiteName(title: string, siteName: string | null | undefined): string {
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return title;
  const site = siteName ? compareKey(siteName) : null;
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  if (site && compareKey(last) === site) return title.slice(0, title.lastIndexOf(last)).replace(/[\s|–—•·»:~-]+$/, "");
  if (site && compareKey(first) === site) return title.slice(first.length).replace(/^[\s|–—•·»:~-]+/, "");
  // Without a site name, a short last segment after a pipe is almost always the brand.
  if (/\s\|\s/.test(title) && wordCount(last) <= 4) return title.slice(0, title.lastIndexOf("|")).trim();
  return title;
}

// ---- authors ------------------------------------------------------------------------------------------------

function mergeBylines(meta: InputMeta, found: Byline[]): Byline {
  if (meta.authors?.length) return { authors: dedupe(meta.authors.map((a) => a.trim()).filter(Boolean)), agencies: dedupe(found.flatMap((b) => b.agencies)) };
  for (const b of found) if (b.authors.length) return { authors: dedupe(b.authors), agencies: dedupe(found.flatMap((x) => x.agencies)) };
  return { authors: [], agencies: dedupe(found.flatMap((b) => b.agencies)) };
}

// Ordered by how often each source is right: JSON-LD and meta tags name people cleanly; visible bylines need parsing.
function htmlBylines(page: ParsedPage, articles: Record<string, unknown>[]): Byline[] {
  const out: Byline[] = [];
  for (const a of articles) {
    const fromLd = jsonLdPeople(a.author ?? a.creator);
    if (fromLd.authors.length || fromLd.agencies.length) {
      out.push(fromLd);
      break;
    }
  }
  for (const key of ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "cxenseparse:author", "author_name"]) {
    for (const v of page.meta.get(key) ?? []) {
      const b = authorsFromValue(v);
      if (b.authors.length) out.push(b);
    }
  }
  const visible: string[] = [];
  walkElements(page.root, (el) => {
    if (el.tag === "script" || el.tag === "style" || el.tag === "head") return false;
    const rel = el.attrs.rel?.toLowerCase();
    const itemprop = el.attrs.itemprop?.toLowerCase();
    const cls = `${el.attrs.class ?? ""} ${el.attrs.id ?? ""}`.toLowerCase();
    if (rel === "author" || itemprop === "author" || /(?:^|[\s_-])(?:byline|author-?name|article-?author|story-?author)(?:$|[\s_-])/.test(cls)) {
      const nameEl = findDescendant(el, (c) => c.attrs.itemprop?.toLowerCase() === "name");
      const t = nameEl ? nameEl.attrs.content ?? textOf(nameEl) : textOf(el);
      if (t && t.length < 200) visible.push(t);
      return false;
    }
  });
  for (const v of visible.slice(0, 6)) {
    const b = parseByline(v) ?? authorsFromValue(v);
    if (b.authors.length || b.agencies.length) out.push(b);
  }
  return out;
}

function jsonLdPeople(value: unknown): Byline {
  const authors: string[] = [];
  const agencies: string[] = [];
  const visit = (v: unknown) => {
    if (!v) return;
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (typeof v === "string") {
      const b = authorsFromValue(v);
      authors.push(...b.authors);
      agencies.push(...b.agencies);
    } else if (typeof v === "object") {
      const obj = v as Record<string, unknown>;
      const name = typeof obj.name === "string" ? obj.name : null;
      if (!name) return;
      if (jsonLdTypes(obj).some((t) => /organization/i.test(t))) agencies.push(name.trim());
      else {
        const b = authorsFromValue(name);
        authors.push(...b.authors);
        agencies.push(...b.agencies);
      }
    }
  };
  visit(value);
  return { authors, agencies };
}

function findDescendant(el: HtmlElement, pred: (e: HtmlElement) => boolean): HtmlElement | null {
  let hit: HtmlElement | null = null;
  walkElements(el, (c) => {
    if (hit) return false;
    if (pred(c)) {
      hit = c;
      return false;
    }
  });
  return hit;
}

function publisherName(articles: Record<string, unknown>[]): string | null {
  for (const a of articles) {
    const p = a.publisher;
    const first = Array.isArray(p) ? p[0] : p;
    if (typeof first === "string") return first;
    if (first && typeof first === "object" && typeof (first as Record<string, unknown>).name === "string") return (first as Record<string, string>).name ?? null;
  }
  return null;
}

// ---- dates --------------------------------------------------------------------------------------------------

function inputPublished(meta: InputMeta): PublishedDate | null {
  if (!meta.publishedAt) return null;
  const parsed = parseDateValue(meta.publishedAt);
  const source = meta.fromFeed ? "FEED" : "INPUT";
  if (!parsed) return { value: meta.publishedAt, offset: null, precision: "DAY", source, confidence: 0.5, evidence: meta.publishedAt };
  return { ...parsed, source, confidence: 1, evidence: meta.publishedAt };
}

function urlPublished(url: string | null | undefined): PublishedDate | null {
  const d = dateFromUrl(url);
  return d ? { value: d.value, offset: null, precision: d.precision, source: "URL", confidence: 0.75, evidence: d.evidence } : null;
}

const PUBLISHED_META = [
  "article:published_time", "og:article:published_time", "article:published", "og:published_time", "published_time",
  "datepublished", "publishdate", "publish-date", "publish_date", "published-date", "published_date", "date_published",
  "pubdate", "pub_date", "article.published", "article_date_original", "originalpublicationdate", "sailthru.date",
  "parsely-pub-date", "cxenseparse:recs:publishtime", "dc.date.issued", "dcterms.issued", "dc.date.created",
  "dcterms.created", "dc.date", "dcterms.date", "date", "citation_publication_date", "citation_date",
  "rnews:datepublished", "release_date", "displaydate", "og:pubdate", "article:post_date", "creation_date", "created",
];
const MODIFIED_META = [
  "article:modified_time", "og:updated_time", "article:modified", "datemodified", "dc.date.modified", "dcterms.modified",
  "last-modified", "lastmod", "updated_time", "modified_time", "sailthru.lastmodified",
];

function metadataPublished(page: ParsedPage, articles: Record<string, unknown>[]): PublishedDate | null {
  for (const key of PUBLISHED_META) {
    for (const v of page.meta.get(key) ?? []) {
      const parsed = parseDateValue(v);
      if (parsed) return { ...parsed, source: "METADATA", confidence: 0.95, evidence: `meta ${key}` };
    }
  }
  for (const a of articles) {
    for (const key of ["datePublished", "dateCreated", "uploadDate"]) {
      const v = a[key];
      const parsed = typeof v === "string" ? parseDateValue(v) : null;
      if (parsed) return { ...parsed, source: "METADATA", confidence: 0.95, evidence: `JSON-LD ${key}` };
    }
  }
  // Microdata and <time> elements: those marked as the publication date first, then any <time datetime>.
  let marked: PublishedDate | null = null;
  let firstTime: PublishedDate | null = null;
  for (const el of page.dated) {
    const raw = el.attrs.datetime ?? el.attrs.content ?? (el.tag === "time" ? textOf(el) : null);
    if (!raw) continue;
    const prop = `${el.attrs.itemprop ?? ""} ${el.attrs.class ?? ""} ${el.attrs.pubdate !== undefined ? "pubdate" : ""}`.toLowerCase();
    if (/modif|updat/.test(prop)) continue;
    const parsed = parseDateValue(raw);
    if (!parsed) continue;
    if (/datepublished|pubdate|publish|posted|created/.test(prop)) {
      marked = { ...parsed, source: "METADATA", confidence: 0.9, evidence: `<${el.tag} ${el.attrs.itemprop ? `itemprop=${el.attrs.itemprop}` : "datetime"}>` };
      break;
    }
    if (!firstTime && el.tag === "time" && el.attrs.datetime) firstTime = { ...parsed, source: "METADATA", confidence: 0.7, evidence: "<time datetime>" };
  }
  return marked ?? firstTime;
}

function metadataModified(page: ParsedPage, articles: Record<string, unknown>[]): string | null {
  for (const key of MODIFIED_META) {
    for (const v of page.meta.get(key) ?? []) {
      const parsed = parseDateValue(v);
      if (parsed) return parsed.value;
    }
  }
  for (const a of articles) {
    const v = a.dateModified;
    const parsed = typeof v === "string" ? parseDateValue(v) : null;
    if (parsed) return parsed.value;
  }
  return null;
}

const DATEISH = /date|time|publi|posted|datum|dateline|stamp|byline|meta|fecha|data|datetime|zeit/i;

// Visible dates: first in elements the page marks as dates or bylines, then a dateline among the body's
// first blocks. Pages without machine-readable dates still print one next to the headline.
function textPublished(page: ParsedPage, blocks: string[], usDates: boolean): PublishedDate | null {
  let found: (ParsedDate & { evidence: string }) | null = null;
  walkElements(page.root, (el) => {
    if (found) return false;
    if (el.tag === "script" || el.tag === "style" || el.tag === "head" || el.tag === "nav" || el.tag === "footer") return false;
    const names = `${el.attrs.class ?? ""} ${el.attrs.id ?? ""}`;
    if (!names.trim() || !DATEISH.test(names) || /updat|modif|comment/i.test(names)) return;
    const text = textOf(el);
    if (!text || text.length > 200) return;
    const hit = findDates(text, { usDates, minYear: 1995 }).find((d) => d.precision !== "MONTH");
    if (hit) {
      found = { value: hit.value, offset: null, precision: hit.precision, evidence: text.slice(0, 80) };
      return false;
    }
  });
  if (found) {
    const f = found as ParsedDate & { evidence: string };
    return { value: f.value, offset: null, precision: f.precision, source: "TEXT", confidence: 0.6, evidence: f.evidence };
  }
  for (const line of blocks.slice(0, 8)) {
    const d = parseDatelineLine(line, { usDates });
    if (d) return { value: d.value, offset: null, precision: d.precision, source: "TEXT", confidence: 0.7, evidence: line };
  }
  return null;
}

// Month-first numeric dates (12/02/2018 as December 2) are a US habit; everyone else writes day first.
function prefersUsDates(url: string | null | undefined, language: string | null, htmlLang?: string | null): boolean {
  if (htmlLang && /^en-us/i.test(htmlLang)) return true;
  if (language !== "en" || !url) return false;
  try {
    return /\.(?:com|org|net|us|gov|edu)$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}
