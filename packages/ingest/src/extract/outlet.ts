// Who published the piece. Order of trust: what the input said, a known outlet at the page's URL, the name the
// page gives itself (site-name metadata, JSON-LD publisher, app names, the title's suffix), the domain as the page
// spells it, and only then the bare domain or clues in the text. Outlets merely cited ("Reuters reports") are
// citations, not the publisher.
import { getDomain, getDomainWithoutSuffix, getHostname, getSubdomain } from "tldts";
import { lookupOutlet } from "./known-outlets.ts";
import type { OutletGuess, ProvenanceSource } from "./types.ts";

/** A name the page gives itself, with where it said so. */
export interface NameClue {
  value: string;
  evidence: string;
  /**
   * How to read it: a site name may carry a slogan or sections after a separator ("Isthmus | Madison,
   * Wisconsin"; the name comes first); a title suffix or prefix is what the title adds around the headline (the
   * name is the part farthest from the headline); a hint (an author or copyright field) counts only when it
   * spells the page's domain; a guess (the title's last part when no headline tells where it ends) counts when
   * it spells the domain or no domain is known.
   */
  kind: "site" | "suffix" | "prefix" | "hint" | "guess";
  /** The candidate parts, when the clue was already split (a title affix splits only at its own separator). */
  parts?: string[];
}

export interface OutletClues {
  metaOutlet?: string | null;
  /** The page's address as the input gave it: its host is authoritative. */
  url?: string | null;
  /** The page's own canonical link: a hint only, since portals and syndicated copies point it at the supplier. */
  canonicalUrl?: string | null;
  /** Names the page gives itself, most trusted first. */
  names?: NameClue[];
  /** Text in which the page may write its domain with its own styling ("Hawaii News Now", "DITIB"). */
  spellings?: string[];
  /** Lines of the raw text, before boilerplate removal (the clues often live in boilerplate). */
  lines?: string[];
}

interface Site {
  domain: string;
  /** Compact forms of the registrable label and of the whole domain ("scinews" for sci.news). */
  keys: string[];
  /** The words of a hyphenated label ("offshore", "stiftung"). */
  words: string[];
  /** Compact subdomain labels ("arsnova" of arsnova.thm.de), weaker evidence than the registrable label. */
  subKeys: string[];
}

export function guessOutlet(clues: OutletClues): OutletGuess | null {
  if (clues.metaOutlet?.trim()) return named(clues.metaOutlet.trim(), null, "INPUT", "input outlet");

  const host = clues.url ? getHostname(clues.url) : null;
  const domain = clues.url ? getDomain(clues.url) : null;
  if (host || domain) {
    const known = lookupOutlet(host ?? "") ?? lookupOutlet(domain ?? "");
    if (known) return { name: known.name, domain: known.domain, source: "URL", evidence: host ?? domain ?? "" };
  }
  const canonicalHost = !domain && clues.canonicalUrl ? getHostname(clues.canonicalUrl) : null;
  const site = siteOf(domain ? clues.url : canonicalHost ? clues.canonicalUrl : null);
  const pick = pickName(clues.names ?? [], site);
  // Without the page's own URL, its name beats a canonical link to another site (a syndicated copy).
  const ownDomain = domain ?? (pick && pick.level < 2 ? null : (site?.domain ?? null));
  if (pick && pick.level >= 2) return named(pick.name, ownDomain, "METADATA", pick.evidence);
  if (!domain && canonicalHost && !pick) {
    const known = lookupOutlet(canonicalHost) ?? lookupOutlet(site?.domain ?? "");
    if (known) return { name: known.name, domain: known.domain, source: "METADATA", evidence: "canonical link" };
  }
  if (pick) return named(pick.name, ownDomain, "METADATA", pick.evidence);
  const spelled = site ? spelledDomain(clues.spellings ?? [], site) : null;
  if (spelled && site)
    return { name: spelled, domain: site.domain, source: "METADATA", evidence: "domain as written on the page" };
  if (domain) return { name: domain, domain, source: "URL", evidence: host ?? domain };
  if (site) return { name: site.domain, domain: site.domain, source: "METADATA", evidence: "canonical link" };

  return clues.lines ? outletFromText(clues.lines) : null;
}

function named(name: string, domain: string | null, source: ProvenanceSource, evidence: string): OutletGuess {
  const known = lookupOutlet(name);
  return known ? { name: known.name, domain: known.domain ?? domain, source, evidence } : { name, domain, source, evidence };
}

/**
 * The site a page was syndicated from: a canonical link to another registrable domain than the page's own
 * (portals such as MSN or AOL carry other outlets' articles and point their canonical link home). Null when the
 * canonical link is the page's own site or names the outlet itself.
 */
export function syndicationSource(
  url: string | null | undefined,
  canonicalUrl: string | null | undefined,
  outlet: OutletGuess | null,
): { name: string; domain: string } | null {
  if (!canonicalUrl) return null;
  const canonical = getDomain(canonicalUrl);
  if (!canonical) return null;
  const known = lookupOutlet(getHostname(canonicalUrl) ?? "") ?? lookupOutlet(canonical);
  const own = url ? getDomain(url) : null;
  // Without the page's URL only a known outlet other than the publisher is trusted as the supplier.
  if (!own && !known) return null;
  if (own === canonical || (own && getDomainWithoutSuffix(url ?? "") === getDomainWithoutSuffix(canonicalUrl))) return null;
  const name = known?.name ?? canonical;
  if (!outlet || outlet.domain === canonical || compact(outlet.name) === compact(name)) return null;
  return { name, domain: known?.domain ?? canonical };
}

// ---- the name a page gives itself ---------------------------------------------------------------------------

// Separators between a name and its slogan, sections or the headline. A hyphen needs spaces ("L-MAG" is a name).
const NAME_SEPARATORS = /\s+[|–—•·»›~]\s+|\s+-\s+|:\s+|\s*::\s*/;
const MAX_NAME_LENGTH = 80;

/** Lower case, accents and "the" dropped, letters and digits only: how names and domains are compared. */
function compact(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .replace(/œ/g, "oe")
    .replace(/ß/g, "ss")
    .replace(/đ|ð/g, "d")
    .replace(/ł/g, "l")
    .replace(/^the\s+/, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function siteOf(url: string | null | undefined): Site | null {
  if (!url) return null;
  const domain = getDomain(url);
  if (!domain) return null;
  const label = getDomainWithoutSuffix(url) ?? "";
  const keys = [...new Set([compact(label), compact(domain)])].filter((k) => k.length >= 2);
  // Names drop a leading "the" when compared: "The Crimson" spells thecrimson.com.
  const unprefixed = compact(label).replace(/^the(?=.{3})/, "");
  if (unprefixed !== compact(label)) keys.push(unprefixed);
  const subKeys = (getSubdomain(url) ?? "")
    .split(".")
    .filter((l) => l && !/^(?:www\d?|m|amp|mobile|blog|blogs|news|en|de|fr|es)$/i.test(l))
    .map(compact)
    .filter((k) => k.length >= 3);
  const words = label.includes("-")
    ? label
        .split("-")
        .map(compact)
        .filter((w) => w.length >= 3)
    : [];
  return { domain, keys, words, subKeys };
}

/** 3: the name spells the domain; 2: one begins with the other; 1: it spells a subdomain; 0: unrelated. */
function matchLevel(name: string, site: Site | null): number {
  if (!site) return 0;
  const key = compact(name);
  if (!key) return 0;
  if (site.keys.includes(key) || lookupOutlet(name)?.domain === site.domain) return 3;
  const prefixed = (a: string, b: string) => Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a));
  if (site.keys.some((k) => prefixed(key, k))) return 2;
  if (site.words.length > 1) {
    const nameWords = name.split(/[^\p{L}\p{N}]+/u).map(compact);
    if (site.words.every((w) => nameWords.some((n) => n.startsWith(w)))) return 2;
  }
  if (site.subKeys.some((k) => k === key || prefixed(key, k))) return 1;
  return 0;
}

function cleanName(raw: string): string | null {
  const name = raw
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[\s|–—•·»›~:,-]+|[\s|–—•·»›~:,-]+$/g, "");
  if (!name || name.length > MAX_NAME_LENGTH || /^https?:|^www\.|@|\bmailto\b/i.test(name)) return null;
  if (!/\p{L}/u.test(name) || name.split(" ").length > 8) return null;
  return name;
}

interface Pick {
  name: string;
  evidence: string;
  level: number;
}

function pickName(clues: NameClue[], site: Site | null): Pick | null {
  const options: (Pick & { order: number; kind: NameClue["kind"] })[] = [];
  clues.forEach((clue, order) => {
    const parts = (clue.parts ?? clue.value.split(NAME_SEPARATORS)).map(cleanName).filter((p): p is string => p !== null);
    if (!parts.length) return;
    // "Rezept von Backen.de": the words that spell the domain are the name, though less surely than a whole part.
    const levels = parts.map((p, i) => {
      const level = matchLevel(p, site);
      const spelled = site && level < 2 ? spelledDomain([p], site) : null;
      if (!spelled) return level;
      parts[i] = spelled;
      return 1;
    });
    const best = Math.max(...levels);
    // Unless a part spells the domain, a site name comes first and a title affix farthest from the headline.
    const at = best > 0 ? levels.indexOf(best) : clue.kind === "suffix" ? parts.length - 1 : 0;
    const name = parts[at] as string;
    if ((clue.kind === "hint" || (clue.kind === "guess" && site)) && best < 2) return;
    options.push({ name, evidence: clue.evidence, level: best, order, kind: clue.kind });
  });
  if (!options.length) return null;
  // Sources that agree on a name outvote one that differs ("Premium" against two "National Geographic").
  const votes = new Map<string, number>();
  for (const o of options) votes.set(compact(o.name), (votes.get(compact(o.name)) ?? 0) + 1);
  options.sort(
    (a, b) => b.level - a.level || (votes.get(compact(b.name)) ?? 0) - (votes.get(compact(a.name)) ?? 0) || a.order - b.order,
  );
  return options[0] ?? null;
}

/** The domain's label as the page writes it: "Hawaii News Now" for hawaiinewsnow.com, "DITIB" for ditib.de. */
function spelledDomain(texts: string[], site: Site): string | null {
  // Words are matched with their "the", so "The Harvard Crimson" does not spell thecrimson.com as "Crimson".
  const keys = site.keys.filter((k) => k.length >= 3 && site.keys.includes(`the${k}`) === false);
  let single: string | null = null;
  for (const text of texts) {
    const words = text.match(/[\p{L}\p{N}]+(?:[-.'’&][\p{L}\p{N}]+)*/gu) ?? [];
    for (let i = 0; i < words.length; i++) {
      let joined = "";
      for (let n = 0; n < 4 && i + n < words.length; n++) {
        joined += compact(words[i + n] as string);
        if (keys.includes(joined)) {
          // Words with spaces beat a handle or hashtag ("Hawaii News Now" over "HawaiiNewsNow").
          if (n > 0) return words.slice(i, i + n + 1).join(" ");
          single ??= words[i] as string;
        }
        if (!keys.some((k) => k.startsWith(joined))) break;
      }
    }
    if (single && !/\p{Ll}\p{Lu}/u.test(single)) return single;
  }
  return single;
}

/**
 * What a <title> adds around the headline: "Headline | Section | Site" yields a suffix clue "Section | Site".
 * Headlines are the page's other titles (og:title, h1, ...); the affix must be set off by a separator.
 */
export function titleAffixes(titleTag: string | null, headlines: (string | null | undefined)[]): NameClue[] {
  if (!titleTag) return [];
  const title = titleTag.replace(/\s+/g, " ").trim();
  const lower = title.toLowerCase();
  for (const raw of headlines) {
    const h = raw?.replace(/\s+/g, " ").trim().toLowerCase();
    if (!h || h.length < 8 || h.length >= title.length) continue;
    if (lower.startsWith(h)) {
      const rest = title.slice(h.length);
      const sep = /^(\s*)([|–—•·»›~:\-/]+)(\s*)/.exec(rest);
      if (sep) return [affix(rest, sep, "suffix")];
    }
    if (lower.endsWith(h)) {
      const rest = title.slice(0, title.length - h.length);
      const sep = /(\s*)([|–—•·»›~:\-/]+)(\s*)$/.exec(rest);
      if (sep) return [affix(rest, sep, "prefix")];
    }
  }
  // No headline to subtract: the last part after a pipe or dash is a guess at the brand.
  const parts = title.split(/\s+\|\s+/).length > 1 ? title.split(/\s+\|\s+/) : title.split(/\s+[-–—]\s+/);
  const last = parts.length > 1 ? parts[parts.length - 1]?.trim() : null;
  if (last && last.split(/\s+/).length <= 5 && !/\d/.test(last))
    return [{ value: last, evidence: "title suffix", kind: "guess" }];
  return [];
}

// An affix splits only at the separator that set it off the headline: "| HVW - Handballverband" is one name.
function affix(rest: string, sep: RegExpExecArray, kind: "suffix" | "prefix"): NameClue {
  const mark = (sep[2] as string).replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  const spaced = Boolean(sep[1] || sep[3]);
  const parts = rest
    .split(new RegExp(spaced ? `\\s+${mark}\\s+|^\\s*${mark}\\s*|\\s*${mark}\\s*$` : mark))
    .map((p) => p.trim())
    .filter(Boolean);
  return { value: rest.trim(), evidence: `title ${kind}`, kind, parts };
}

// Lines where a page names itself: cross-promotion of its own site, a closing source line, a copyright notice.
const ALSO_ON =
  /^(?:also on|more on|read more on|more at|continue reading on|originally published (?:on|at|by))\s+([a-z0-9-]+(?:\.[a-z0-9-]+)+)\b/i;
const SOURCE_LINE = /^(?:source|sources|quelle|source\s*\(s\))\s*[:\-–]\s*(.{2,160})$/i;
const COPYRIGHT =
  /^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?([^.|]{2,60}?)(?:[.|]|\s+all rights reserved|$)/i;

/**
 * Site chrome that survives into copied text and names its outlet: skip links, sister-site links in the
 * navigation, fixed share widgets. Only strings particular to one outlet belong here; a match is an
 * inference (weaker than a line that names the outlet), so it is tried last.
 */
const CHROME_SIGNATURES: { outlet: string; pattern: RegExp }[] = [
  { outlet: "Euronews", pattern: /^go to accessibility shortcuts$/i },
  { outlet: "Euronews", pattern: /\bpodcasts videos africanews\b/i },
  { outlet: "Reuters", pattern: /^our standards: the thomson reuters trust principles\.?$/i },
  { outlet: "Associated Press", pattern: /^copyright \d{4} the associated press\. all rights reserved\.?/i },
  { outlet: "RT", pattern: /^if you like this story, share it with a friend!$/i },
  { outlet: "BBC News", pattern: /^related internet links$|^the bbc is not responsible for the content of external sites\.?/i },
  { outlet: "The Guardian", pattern: /^support the guardian$|^this article is more than \d+ (?:years?|months?) old$/i },
];

export function outletFromChrome(lines: string[]): OutletGuess | null {
  for (const raw of lines) {
    const line = raw.trim();
    for (const { outlet, pattern } of CHROME_SIGNATURES) {
      if (pattern.test(line)) {
        const known = lookupOutlet(outlet);
        return {
          name: known?.name ?? outlet,
          domain: known?.domain ?? null,
          source: "INFERRED",
          evidence: `site chrome: "${line.slice(0, 80)}"`,
        };
      }
    }
  }
  return null;
}

export function outletFromText(lines: string[]): OutletGuess | null {
  for (const raw of lines) {
    const line = raw.trim();
    const also = ALSO_ON.exec(line);
    if (also?.[1]) {
      const domain = getDomain(also[1]) ?? also[1].toLowerCase();
      const known = lookupOutlet(domain);
      return {
        name: known?.name ?? domain,
        domain: known?.domain ?? domain,
        source: "TEXT",
        evidence: line.slice(0, also[0].length),
      };
    }
  }
  // Source and copyright lines close an article; read from the end so the page's own line wins over quoted ones.
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 15; i--) {
    const line = (lines[i] ?? "").trim();
    const source = SOURCE_LINE.exec(line);
    if (source?.[1]) {
      // "Source: Voice of Russia, RIA, Interfax": the first listed is the publisher, the rest its wires.
      const first = source[1].split(/\s*[,;/]\s*|\s+and\s+/)[0]?.trim();
      if (first && first.split(/\s+/).length <= 6) {
        const known = lookupOutlet(first);
        return { name: known?.name ?? first, domain: known?.domain ?? null, source: "TEXT", evidence: line };
      }
    }
    const copyright = COPYRIGHT.exec(line);
    if (copyright?.[1]) {
      const known = lookupOutlet(copyright[1].trim());
      if (known) return { name: known.name, domain: known.domain, source: "TEXT", evidence: line };
    }
  }
  return outletFromChrome(lines);
}
