// People who wrote the piece, kept apart from the agencies credited alongside them.
import { lookupOutlet } from "./known-outlets.ts";

export interface Byline {
  authors: string[];
  agencies: string[];
}

const BY_PREFIX =
  /^(?:by|written by|words by|reporting by|story by|posted by|published by|author|authors|veröffentlicht von|geschrieben von|verfasst von|autor(?:in)?|von|par|écrit par|publié par|por|escrito por|publicado por|door|di|автор|text|texte|texto)\s*[:\-–]?\s+/i;
// Degrees trailing a name ("Jane Doe, PhD") are not a second author.
const CREDENTIAL =
  /^(?:ph\.?\s?d\.?|m\.?d\.?|rdn?|r\.?n\.?|ms|m\.?s\.?|m\.?a\.?|mba|mph|j\.?d\.?|cpa|llm|bsc|msc|dds|pharmd|cfa|cfp|psyd|lcsw|edd|facs|faan|jr\.?|sr\.?|ii|iii|iv)$/i;
const TRAILING_CREDENTIALS = /(?:\s+(?:MS|MA|MD|RDN?|RN|PhD|Ph\.D\.?|MPH|MBA|CPA|JD|CFA|CFP|PsyD|LCSW))+\s*$/;
// Placeholder names CMSs print where an author would be.
const GENERIC_NAMES =
  /^(?:contributors?|admin|administrator|guest|anonymous|unknown|editor|webmaster|user|autor|author|redaktion|rédaction|redacción)$/i;
// Mastheads and desks that CMSs put in author fields.
const ORGANIZATION_WORDS =
  /\b(?:daily|times|news|journal|telegram|reporter|press|post|tribune|gazette|herald|chronicle|courier|mostrador|magazine|media|network|staff|desk|editors|editorial|team|redaktion|rédaction|redacción|agency|agencies|institute|university|foundation|stiftung|inc|ltd|llc|gmbh|ag|online|digital|service|services|group)\b/i;
// Titles and desk labels that trail a name in bylines ("Jane Doe, Senior Correspondent").
const ROLE_WORDS =
  /\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|producer|journalist|senior|chief|political|foreign|business|sports?|science|health|tech(?:nology)?|national|international|investigative|deputy|associate|managing|news|desk|team|bureau|analyst|special|guest|freelance|photographer|photos?|video|graphics|updated|published|redakteur(?:in)?|korrespondent(?:in)?|journaliste|periodista|in [A-Z][a-z]+)\b/i;

/** "By Louise Miner with Reuters" -> { authors: ["Louise Miner"], agencies: ["Reuters"] }; null if not a byline. */
export function parseByline(line: string, opts: { requirePrefix?: boolean; allowSingleName?: boolean } = {}): Byline | null {
  let t = line.trim().replace(/\s+/g, " ");
  if (t.length > 160) return null;
  const prefixed = BY_PREFIX.test(t);
  if (opts.requirePrefix !== false && !prefixed) return null;
  t = t.replace(BY_PREFIX, "");
  // Dates and times glued to bylines ("By Jane Doe | Dec 2, 2018") are not part of the name.
  t = t.split(/\s+[|•·]\s+|\s+[-–—]\s+(?=\d|updated|published|posted)/i)[0] ?? t;
  t = t.replace(/\b(?:updated|published|posted)\b.*$/i, "").trim();

  const authors: string[] = [];
  const agencies: string[] = [];
  // Conjunctions are matched case-sensitively: "Robert E. Lee" is one person.
  for (const piece of t.split(/\s*(?:[,;&/]|\s(?:and|And|AND|with|With|WITH|und|et|y|e|mit)\s)\s*/)) {
    const name = piece.replace(/^\(|\)$/g, "").trim();
    if (!name) continue;
    const outlet = lookupOutlet(name);
    if (outlet || ORGANIZATION_WORDS.test(name)) {
      agencies.push(outlet?.name ?? name);
      continue;
    }
    if (CREDENTIAL.test(name)) continue;
    if (ROLE_WORDS.test(name) && !looksLikeName(name.replace(new RegExp(ROLE_WORDS.source, "gi"), "").trim())) continue;
    if (GENERIC_NAMES.test(name)) continue;
    const clean = cleanPersonName(name.replace(TRAILING_CREDENTIALS, ""));
    // Metadata fields may hold a pen name ("HansG"); a line of running text needs a real two-part name.
    if (clean && (looksLikeName(clean) || (opts.allowSingleName && /^\p{L}[\p{L}-]{2,30}$/u.test(clean)))) authors.push(clean);
    else if (prefixed && authors.length === 0 && agencies.length === 0) return null;
  }
  if (!authors.length && !agencies.length) return null;
  return { authors: dedupe(authors), agencies: dedupe(agencies) };
}

/** A metadata author value: "Jane Doe", "Jane Doe, John Roe", "By Jane Doe", a URL (ignored). */
export function authorsFromValue(value: string): Byline {
  const t = value.trim();
  if (!t || /^https?:\/\//i.test(t) || /^@\w+$/.test(t)) return { authors: [], agencies: [] };
  return parseByline(t, { requirePrefix: false, allowSingleName: true }) ?? { authors: [], agencies: [] };
}

export function cleanPersonName(raw: string): string | null {
  let s = raw
    .replace(/\S+@\S+\.\S+/g, "")
    .replace(/https?:\/\/\S+/g, "")
    .replace(/@\w+/g, "")
    .replace(/[|•·]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[,.:;\-–—\s]+|[,.:;\-–—\s]+$/g, "");
  if (!s) return null;
  // Shouted bylines ("JOHN SMITH") read better in title case; "McDONALD"-style mixes are left alone.
  if (s === s.toUpperCase() && /[A-Z]{2}/.test(s))
    s = s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, p, c: string) => p + c.toUpperCase());
  return s;
}

/** Two to six capitalised words, allowing particles (van, de, bin) and initials. */
export function looksLikeName(s: string): boolean {
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length < 1 || words.length > 6) return false;
  if (words.length === 1) return false;
  let capitalised = 0;
  for (const w of words) {
    if (/^\p{Lu}/u.test(w)) capitalised++;
    else if (!/^(?:van|von|der|den|de|del|della|di|da|dos|das|du|la|le|bin|ibn|al|el|ter|ten|y|e)$/i.test(w)) return false;
    if (/\d/.test(w)) return false;
  }
  return capitalised >= 2;
}

export function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const k = n.toLowerCase().replace(/[^\p{L}]+/gu, "");
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}
