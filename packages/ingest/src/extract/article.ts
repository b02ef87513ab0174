// The clean/metadata stage: one RawDocument in, title, body, people and provenance out. Pure; no I/O.
import { authorsFromValue, type Byline, dedupe, parseByline } from "./authors.ts";
import { dateFromUrl, findDates, inferPublicationDate, type ParsedDate, parseDatelineLine, parseDateValue } from "./dates.ts";
import {
  collapseWhitespace,
  decodeEntities,
  type HtmlElement,
  jsonLdArticles,
  jsonLdTypes,
  metaFirst,
  type ParsedPage,
  parseHtml,
  textOf,
  walkElements,
} from "./html.ts";
import { extractMainText } from "./html-content.ts";
import { detectLanguage, normalizeLanguageTag } from "./language.ts";
import { guessOutlet, type NameClue, syndicationSource, titleAffixes } from "./outlet.ts";
import { compareKey, structurePlainText, wordCount } from "./text-clean.ts";
import type { ArticleMetadata, InputMeta, PublishedDate, RawDocument } from "./types.ts";
import { homeZone, inPublisherZone, type PublisherZone, statedPageOffset } from "./zones.ts";

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
    syndicatedFrom: null,
    canonicalUrl: null,
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
  const canonicalUrl = absoluteUrl(page.canonicalUrl, doc.url);
  const url = doc.url ?? canonicalUrl;
  const articles = jsonLdArticles(page);
  const title = meta.title?.trim() || chooseTitle(page, articles);
  const main = extractMainText(page.root, title);
  const body = main.blocks.map((b) => b.text).join("\n\n");

  const siteName = metaFirst(page, "og:site_name", "application-name")?.value ?? null;
  const publisher = publisherName(articles, page.jsonLd);
  const masthead = new Set([siteName, publisher].filter((x): x is string => Boolean(x)).map(compareKey));
  const byline = mergeBylines(
    meta,
    htmlBylines(page, articles).map((b) => ({
      authors: b.authors.filter((a) => !masthead.has(compareKey(a))),
      agencies: b.agencies,
    })),
  );
  const language = normalizeLanguageTag(meta.language) ?? detectLanguage(body) ?? normalizeLanguageTag(page.lang);
  const usDates = prefersUsDates(url, language, page.lang);
  const zone = publisherZone(page, articles, url ?? canonicalUrl);
  let published = inputPublished(meta) ?? preferUrlDay(metadataPublished(page, articles, zone), url);
  if (!published) {
    const fromUrl = urlPublished(url);
    if (fromUrl?.precision === "DAY") published = fromUrl;
    else {
      const fromText = textPublished(
        page,
        main.blocks.map((b) => b.text),
        usDates,
      );
      // A month from the URL ("/2015/01/") is refined by a printed date in that month.
      if (fromUrl && fromText && !fromText.value.startsWith(fromUrl.value)) published = fromUrl;
      else published = fromText ?? fromUrl ?? inferPublicationDate(body, { usDates });
    }
  }

  const outlet = guessOutlet({
    metaOutlet: meta.outlet,
    url: doc.url,
    canonicalUrl,
    names: nameClues(page, articles, publisher, title),
    spellings: [
      page.titleTag ?? "",
      title ?? "",
      ...(page.meta.get("author") ?? []),
      ...(page.meta.get("copyright") ?? []),
      body,
    ],
    lines: body.split("\n\n"),
  });
  const supplier = syndicationSource(doc.url, canonicalUrl, outlet);

  return {
    title,
    body,
    authors: byline.authors,
    bylineAgencies: byline.agencies,
    outlet,
    syndicatedFrom: supplier,
    canonicalUrl,
    published,
    modifiedAt: meta.modifiedAt ?? metadataModified(page, articles),
    language,
    wordCount: wordCount(body),
  };
}

/** An http(s) URL, a relative one resolved against the page's address; null for anything else. */
function absoluteUrl(u: string | null, base?: string | null): string | null {
  if (!u) return null;
  try {
    const resolved = new URL(u.trim(), base && /^https?:\/\//i.test(base) ? base : undefined);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : null;
  } catch {
    return null;
  }
}

// ---- outlet -------------------------------------------------------------------------------------------------

// Where a page names its site, most trusted first; outlet.ts decides among them.
function nameClues(
  page: ParsedPage,
  articles: Record<string, unknown>[],
  publisher: string | null,
  title: string | null,
): NameClue[] {
  const clues: NameClue[] = [];
  const add = (value: string | null | undefined, evidence: string, kind: NameClue["kind"] = "site") => {
    const v = value ? collapseWhitespace(decodeEntities(value)) : "";
    if (v) clues.push({ value: v, evidence, kind });
  };
  const headlines = [
    ...["og:title", "twitter:title", "title", "dc.title"].flatMap((k) => page.meta.get(k) ?? []),
    ...articles.map((a) => (typeof a.headline === "string" ? decodeEntities(a.headline) : null)),
    ...headingCandidates(page).map((h) => h.text),
    title,
  ].filter((h): h is string => Boolean(h));
  const pageTitles = new Set(headlines.map(compareKey));
  add(metaFirst(page, "og:site_name")?.value, "og:site_name");
  add(publisher, "JSON-LD publisher");
  const website = page.jsonLd.find((o) => jsonLdTypes(o).includes("WebSite"));
  if (typeof website?.name === "string") add(website.name, "JSON-LD WebSite");
  // An application name that repeats the headline is a CMS filling the field, not a name.
  const app = metaFirst(page, "application-name")?.value;
  if (app && !pageTitles.has(compareKey(app))) add(app, "application-name");
  for (const key of ["al:android:app_name", "al:ios:app_name", "twitter:app:name:iphone", "twitter:app:name:googleplay"]) {
    const v = metaFirst(page, key)?.value.replace(/\s+app$/i, "");
    if (v) {
      add(v, "app name");
      break;
    }
  }
  for (const a of titleAffixes(page.titleTag, headlines)) clues.push(a);
  for (const key of ["publisher", "copyright", "author"])
    for (const v of page.meta.get(key) ?? [])
      add(v.replace(/^\s*(?:(?:copyright|©|\(c\))\s*)*(?:\d{4}\s*[-–]?\s*)*/i, ""), key, "hint");
  return clues;
}

// ---- title --------------------------------------------------------------------------------------------------

const TITLE_SEPARATORS = /\s+[|–—•·»:]\s+|\s+[-~]\s+|\s*::\s*/;

function chooseTitle(page: ParsedPage, articles: Record<string, unknown>[]): string | null {
  const headline = articles
    .map((a) => a.headline ?? a.name)
    .find((h): h is string => typeof h === "string" && h.trim().length > 0);
  const decodedHeadline = headline ? decodeEntities(headline) : undefined;
  const og = metaFirst(page, "og:title", "twitter:title", "title", "dc.title", "sailthru.title", "parsely-title")?.value;
  const siteName = metaFirst(page, "og:site_name", "application-name")?.value;
  const candidates = [og, decodedHeadline, page.titleTag]
    .filter((t): t is string => Boolean(t?.trim()))
    .map((t) => collapseWhitespace(t));
  const h1s = headingCandidates(page);
  // The page's <h1> is the clean headline when some metadata title agrees with it (often with a site suffix).
  for (const h of h1s) {
    const k = compareKey(h.text);
    if (candidates.some((c) => compareKey(c) === k || compareKey(c).startsWith(`${k} `) || compareKey(c).endsWith(` ${k}`)))
      return h.text;
  }
  // Otherwise an <h1> inside the article is the headline as readers see it; metadata titles are often SEO rewrites.
  // A logo <h1> in the page header, or one naming the site, is not.
  const site = siteName ? compareKey(siteName) : null;
  const inArticle = h1s.find((h) => h.inArticle && wordCount(h.text) >= 3 && compareKey(h.text) !== site);
  if (inArticle) return inArticle.text;
  const best = candidates[0];
  if (best) return stripSiteName(best, siteName);
  return h1s[0]?.text ?? null;
}

function headingCandidates(page: ParsedPage): { text: string; inArticle: boolean }[] {
  const out: { text: string; inArticle: boolean }[] = [];
  const visit = (el: HtmlElement, inArticle: boolean) => {
    for (const c of el.children) {
      if (typeof c === "string") continue;
      if (
        c.tag === "script" ||
        c.tag === "style" ||
        c.tag === "nav" ||
        c.tag === "footer" ||
        c.tag === "aside" ||
        c.tag === "head"
      )
        continue;
      if (c.tag === "h1") {
        const text = textOf(c);
        if (text.length >= 3 && text.length <= 300) out.push({ text, inArticle });
        continue;
      }
      const articleish =
        c.tag === "article" ||
        c.tag === "main" ||
        c.attrs.itemprop === "articleBody" ||
        /(?:^|\s)(?:article|post|entry|story)(?:[-_]?(?:header|head|title|content|body))?(?:\s|$)/i.test(c.attrs.class ?? "");
      visit(c, inArticle || articleish);
    }
  };
  visit(page.root, false);
  return out;
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
  if (meta.authors?.length)
    return {
      authors: dedupe(meta.authors.map((a) => a.trim()).filter(Boolean)),
      agencies: dedupe(found.flatMap((b) => b.agencies)),
    };
  for (const b of found)
    if (b.authors.length) return { authors: dedupe(b.authors), agencies: dedupe(found.flatMap((x) => x.agencies)) };
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
  for (const key of [
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "cxenseparse:author",
    "author_name",
  ]) {
    for (const v of page.meta.get(key) ?? []) {
      const b = authorsFromValue(v);
      if (b.authors.length) out.push(b);
    }
  }
  const visible: string[] = [];
  const printedBy: string[] = [];
  walkElements(page.root, (el) => {
    if (el.tag === "script" || el.tag === "style" || el.tag === "head" || el.tag === "footer") return false;
    const rel = el.attrs.rel?.toLowerCase();
    const itemprop = el.attrs.itemprop?.toLowerCase();
    const cls = `${el.attrs.class ?? ""} ${el.attrs.id ?? ""}`;
    if (rel === "author" || itemprop === "author" || (BYLINE_CLASS.test(cls) && !AUTHOR_BIO_CLASS.test(cls))) {
      const nameEl = findDescendant(el, (c) => c.attrs.itemprop?.toLowerCase() === "name");
      const t = nameEl ? (nameEl.attrs.content ?? textOf(nameEl)) : textOf(el);
      if (t && t.length < 200) visible.push(t);
      return false;
    }
    // Unmarked bylines: a short element whose own text starts "By ".
    if (printedBy.length < 3 && /^\s*by\b/i.test(firstText(el))) {
      const t = textOf(el);
      if (t.length < 120) printedBy.push(t);
    }
  });
  visible.push(...printedBy);
  for (const v of visible.slice(0, 6)) {
    const b = parseByline(v) ?? authorsFromValue(v);
    if (b.authors.length || b.agencies.length) out.push(b);
  }
  return out;
}

const BYLINE_CLASS = /byline|author|authname|writer|contributor/i;
const AUTHOR_BIO_CLASS = /bio\b|about|description|avatar|image|photo|social|follow/i;

function firstText(el: HtmlElement): string {
  for (const c of el.children) if (typeof c === "string") return c;
  return "";
}

function jsonLdPeople(value: unknown): Byline {
  const authors: string[] = [];
  const agencies: string[] = [];
  const visit = (v: unknown) => {
    if (!v) return;
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (typeof v === "string") {
      const b = authorsFromValue(decodeEntities(v));
      authors.push(...b.authors);
      agencies.push(...b.agencies);
    } else if (typeof v === "object") {
      const obj = v as Record<string, unknown>;
      const name = typeof obj.name === "string" ? decodeEntities(obj.name) : null;
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

function publisherName(articles: Record<string, unknown>[], graph: Record<string, unknown>[] = []): string | null {
  for (const a of articles) {
    const p = a.publisher;
    let first = Array.isArray(p) ? p[0] : p;
    if (typeof first === "string") return decodeEntities(first);
    // A reference into the page's @graph ({"@id": "https://site/#organization"}) names the node that has the name.
    const ref = first && typeof first === "object" ? (first as Record<string, unknown>)["@id"] : null;
    if (typeof ref === "string" && typeof (first as Record<string, unknown>).name !== "string")
      first = graph.find((o) => o["@id"] === ref) ?? first;
    if (first && typeof first === "object" && typeof (first as Record<string, unknown>).name === "string")
      return decodeEntities((first as Record<string, string>).name ?? "") || null;
  }
  return null;
}

// ---- dates --------------------------------------------------------------------------------------------------

function inputPublished(meta: InputMeta): PublishedDate | null {
  if (!meta.publishedAt) return null;
  const parsed = parseDateValue(meta.publishedAt);
  const source = meta.fromFeed ? "FEED" : "INPUT";
  if (!parsed)
    return { value: meta.publishedAt, offset: null, precision: "DAY", source, confidence: 0.5, evidence: meta.publishedAt };
  return { ...parsed, source, confidence: 1, evidence: meta.publishedAt };
}

function urlPublished(url: string | null | undefined): PublishedDate | null {
  const d = dateFromUrl(url);
  return d
    ? { value: d.value, offset: null, precision: d.precision, source: "URL", confidence: 0.75, evidence: d.evidence }
    : null;
}

// Keys that name the publication itself, before keys that are only "a date" (Dublin Core's dc.date, "date",
// "created"), which CMSs fill with the day a record was made or last touched.
const PUBLISHED_META = [
  "article:published_time",
  "og:article:published_time",
  "article:published",
  "og:published_time",
  "published_time",
  "datepublished",
  "publishdate",
  "publish-date",
  "publish_date",
  "published-date",
  "published_date",
  "date_published",
  "pubdate",
  "pub_date",
  "article.published",
  "article_date_original",
  "originalpublicationdate",
  "sailthru.date",
  "parsely-pub-date",
  "cxenseparse:recs:publishtime",
  "dc.date.issued",
  "dcterms.issued",
  "citation_publication_date",
  "rnews:datepublished",
  "release_date",
  "og:pubdate",
  "article:post_date",
];
const GENERIC_DATE_META = [
  "dc.date.created",
  "dcterms.created",
  "dc.date",
  "dcterms.date",
  "date",
  "citation_date",
  "displaydate",
  "creation_date",
  "created",
];
const MODIFIED_META = [
  "article:modified_time",
  "og:updated_time",
  "article:modified",
  "datemodified",
  "dc.date.modified",
  "dcterms.modified",
  "last-modified",
  "lastmod",
  "updated_time",
  "modified_time",
  "sailthru.lastmodified",
];

// The zone the publisher writes in: offsets the page states (its own stamps), else the outlet's home zone.
function publisherZone(page: ParsedPage, articles: Record<string, unknown>[], url: string | null): PublisherZone {
  const stamps: ParsedDate[] = [];
  const add = (v: unknown) => {
    const parsed = typeof v === "string" ? parseDateValue(v) : null;
    if (parsed) stamps.push(parsed);
  };
  for (const key of [...PUBLISHED_META, ...GENERIC_DATE_META, ...MODIFIED_META]) for (const v of page.meta.get(key) ?? []) add(v);
  for (const a of articles) for (const key of ["datePublished", "dateModified", "dateCreated", "uploadDate"]) add(a[key]);
  for (const el of page.dated) if (el.attrs.datetime) add(el.attrs.datetime);
  return { offset: statedPageOffset(stamps), iana: homeZone(url) };
}

function localized(parsed: ParsedDate, zone: PublisherZone, evidence: string): { parsed: ParsedDate; evidence: string } {
  const local = inPublisherZone(parsed, zone);
  if (local === parsed) return { parsed, evidence };
  return { parsed: local, evidence: `${evidence} (UTC ${parsed.value}, publisher's time ${local.offset})` };
}

function metadataPublished(page: ParsedPage, articles: Record<string, unknown>[], zone: PublisherZone): PublishedDate | null {
  const declared: PublishedDate[] = [];
  const declare = (parsed: ParsedDate, confidence: number, evidence: string) => {
    const local = localized(parsed, zone, evidence);
    declared.push({ ...local.parsed, source: "METADATA", confidence, evidence: local.evidence });
  };
  const fromMeta = (keys: readonly string[]) => {
    for (const key of keys)
      for (const v of page.meta.get(key) ?? []) {
        const parsed = parseDateValue(v);
        if (parsed) declare(parsed, 0.95, `meta ${key}`);
      }
  };
  const fromJsonLd = (keys: readonly string[]) => {
    for (const a of articles)
      for (const key of keys) {
        const v = a[key];
        const parsed = typeof v === "string" ? parseDateValue(v) : null;
        if (parsed) declare(parsed, 0.95, `JSON-LD ${key}`);
      }
  };
  fromMeta(PUBLISHED_META);
  fromJsonLd(["datePublished"]);
  fromMeta(GENERIC_DATE_META);
  fromJsonLd(["dateCreated", "uploadDate"]);
  // The same instant is often declared twice, once in UTC and once in newsroom time; the page prints the local day.
  const local = declared.find((d) => d.offset && d.offset !== "+00:00");
  const first = declared[0];
  if (local && first && local.value.slice(0, 10) !== first.value.slice(0, 10) && first.offset === "+00:00") return local;
  if (first) return first;

  // Microdata and <time> elements: those marked as the publication date first, then any <time datetime>.
  let marked: PublishedDate | null = null;
  let firstTime: PublishedDate | null = null;
  for (const el of page.dated) {
    const prop =
      `${el.attrs.itemprop ?? ""} ${el.attrs.class ?? ""} ${el.attrs.pubdate !== undefined ? "pubdate" : ""}`.toLowerCase();
    if (/modif|updat/.test(prop)) continue;
    const raw = el.attrs.datetime ?? el.attrs.content;
    // Some templates put a human date in datetime=""; the element's text is the fallback.
    const parsed =
      (raw ? parseDateValue(raw) : null) ?? (el.tag === "time" || el.attrs.itemprop ? parseDateValue(textOf(el)) : null);
    if (!parsed) continue;
    if (/datepublished|pubdate|publish|posted|created/.test(prop)) {
      const local = localized(parsed, zone, `<${el.tag} ${el.attrs.itemprop ? `itemprop=${el.attrs.itemprop}` : "datetime"}>`);
      marked = { ...local.parsed, source: "METADATA", confidence: 0.9, evidence: local.evidence };
      break;
    }
    if (!firstTime && el.tag === "time") {
      const local = localized(parsed, zone, "<time>");
      firstTime = { ...local.parsed, source: "METADATA", confidence: 0.7, evidence: local.evidence };
    }
  }
  return marked ?? firstTime;
}

/**
 * A URL day one off a UTC stamp is the same moment in newsroom time, and the page prints the URL's day; a URL day
 * beats a bare <time> element that nothing marks as the publication date (it may date a teaser or a comment).
 */
function preferUrlDay(published: PublishedDate | null, url: string | null): PublishedDate | null {
  if (published?.source !== "METADATA") return published;
  const fromUrl = dateFromUrl(url);
  if (fromUrl?.precision !== "DAY") return published;
  const a = Date.parse(`${published.value.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${fromUrl.value}T00:00:00Z`);
  const apart = Math.abs(a - b);
  const unmarked = published.evidence === "<time>" && apart > 86_400_000;
  if (a === b || !(unmarked || (apart === 86_400_000 && published.offset === "+00:00"))) return published;
  return {
    value: fromUrl.value,
    offset: null,
    precision: "DAY",
    source: "URL",
    confidence: 0.8,
    evidence: `${fromUrl.evidence} (metadata said ${published.value})`,
  };
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

const DATEISH = /date|time|publi|posted|submitted|datum|dateline|stamp|byline|meta|fecha|data|datetime|zeit|author|autor|info/i;

// Visible dates, most trusted first: elements the page marks as dates or bylines, a dateline opening the body,
// then the first plausible date printed anywhere outside navigation. Pages without machine-readable dates still
// print one next to the headline.
function textPublished(page: ParsedPage, blocks: string[], usDates: boolean): PublishedDate | null {
  const maxYear = new Date().getUTCFullYear() + 1;
  let found: (ParsedDate & { evidence: string }) | null = null;
  walkElements(page.root, (el) => {
    if (found) return false;
    if (NON_CONTENT.has(el.tag)) return false;
    const names = `${el.attrs.class ?? ""} ${el.attrs.id ?? ""}`;
    if (!PAGE_ROOTS.has(el.tag) && /comment|related|sidebar|teaser|recirc|popular|footer/i.test(names)) return false;
    if (!names.trim() || !DATEISH.test(names) || /updat|modif/i.test(names)) return;
    const text = textOf(el);
    if (!text || text.length > 200) return;
    const hit = findDates(text, { usDates, minYear: 1995, maxYear }).find((d) => d.precision !== "MONTH");
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
  // Press releases open with their date: "01.02.2022 The labour market..." or "BERLIN, 1. Februar 2022 –".
  for (const line of blocks.slice(0, 3)) {
    const d = findDates(line.slice(0, 60), { usDates, minYear: 1995, maxYear }).find(
      (x) => x.precision !== "MONTH" && x.index <= 30,
    );
    if (d)
      return {
        value: d.value,
        offset: null,
        precision: d.precision,
        source: "TEXT",
        confidence: 0.6,
        evidence: line.slice(0, 80),
      };
  }
  const first = firstPrintedDate(page, usDates, maxYear);
  return first ? { ...first, offset: null, source: "TEXT", confidence: 0.35 } : null;
}

// Their classes describe the page's state ("has-sidebar"), not the element.
const PAGE_ROOTS = new Set(["html", "body", "main", "article"]);
const NON_CONTENT = new Set([
  "script",
  "style",
  "head",
  "nav",
  "footer",
  "aside",
  "noscript",
  "template",
  "svg",
  "form",
  "select",
]);

function firstPrintedDate(page: ParsedPage, usDates: boolean, maxYear: number): (ParsedDate & { evidence: string }) | null {
  let hit: (ParsedDate & { evidence: string }) | null = null;
  const visit = (el: HtmlElement): void => {
    for (const c of el.children) {
      if (hit) return;
      if (typeof c === "string") {
        if (!/\d{4}/.test(c)) continue;
        const d = findDates(collapseWhitespace(c), { usDates, minYear: 1995, maxYear }).find((x) => x.precision !== "MONTH");
        if (d) hit = { value: d.value, offset: null, precision: d.precision, evidence: `first date on the page: ${d.text}` };
      } else if (
        !NON_CONTENT.has(c.tag) &&
        !/comment|related|sidebar|footer|copyright/i.test(`${c.attrs.class ?? ""} ${c.attrs.id ?? ""}`)
      )
        visit(c);
    }
  };
  visit(page.root);
  return hit;
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
