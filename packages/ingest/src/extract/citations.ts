// Outlets an article cites: "Reuters reports", "as TASS reports", "according to Kyodo", "From Reuters:",
// "Source: Voice of Russia, RIA, Interfax", a dateline "(UPI) —", and agencies named in the byline.
import { type KnownOutlet, lookupOutlet, outletNamePatterns } from "./known-outlets.ts";
import type { ExtractedCitation } from "./types.ts";

export interface CitationContext {
  bylineAgencies?: string[];
  /** The outlet a portal page carries the article from. */
  syndicatedFrom?: { name: string; domain: string | null } | null;
}

// Aliases that are ordinary words: only counted in a citing construction, never as a bare mention.
const AMBIGUOUS_ALIASES = new Set([
  "Time",
  "Hill",
  "Guardian",
  "Independent",
  "Telegraph",
  "Insider",
  "Vice",
  "Slate",
  "Vox",
  "Times",
  "Economist",
  "Yahoo",
  "Daily News",
  "Post",
  "PBS",
  "NBC",
  "CBS",
  "Fox",
  "Nikkei",
  "Jiji",
  "FT",
  "DW",
  "VOA",
  "VoR",
  "CSM",
  "IJR",
  "OAN",
  "US News",
  "TIME",
  "VICE",
  "USA TODAY",
  "Daily Beast",
  "Daily Wire",
  "Daily Caller",
  "Atlantic",
  "Sky News",
  "RF",
]);

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
let aliasRegex: RegExp | null = null;
function outletRegex(): RegExp {
  if (!aliasRegex) {
    const aliases = outletNamePatterns().map((p) => p.alias);
    aliasRegex = new RegExp(`(?<![\\p{L}\\p{N}@.])(?:${aliases.map(escapeRegex).join("|")})(?![\\p{L}\\p{N}]|\\.[a-z])`, "gu");
  }
  return aliasRegex;
}

const REPORT_VERB_AFTER =
  /^\s*(?:\)\s*)?(?:also\s+|has\s+|had\s+|first\s+|previously\s+|earlier\s+)?(?:reports?|reported|reporting|says|said|writes|wrote|noted|cited|quoted|quotes|added|claimed|claims|revealed|learned|published|broke the news|obtained)\b/;
const ACCORDING_BEFORE = /according to\s+(?:a\s+report\s+(?:by|from|in)\s+|reports?\s+(?:by|from|in)\s+)?(?:the\s+)?$/i;
const REPORT_BY_BEFORE =
  /\b(?:reported by|report(?:ed)? (?:from|in)|report by|cited by|quoted by|told|via|as reported by|reporting by|per)\s+(?:the\s+)?$/i;
const FROM_LINE = /(?:^|\n)\s*From\s+(?:the\s+)?$/;
const DATELINE = /\(\s*$/;

export function extractCitations(body: string, ctx: CitationContext = {}): ExtractedCitation[] {
  const out: ExtractedCitation[] = [];
  const push = (
    outlet: KnownOutlet | null,
    asWritten: string,
    kind: ExtractedCitation["kind"],
    start: number | null,
    end: number | null,
  ) => {
    out.push({ outlet: outlet?.name ?? asWritten, domain: outlet?.domain ?? null, kind, asWritten, start, end });
  };

  // Source lines first: every item on them is a citation, known outlet or not.
  const sourceLines = new Set<number>();
  for (const m of body.matchAll(/(?:^|\n)[ \t]*(Sources?|Source\(s\))[ \t]*:[ \t]*([^\n]+)/g)) {
    const listStart = (m.index ?? 0) + m[0].length - (m[2] as string).length;
    sourceLines.add(listStart);
    let offset = listStart;
    for (const raw of (m[2] as string).split(/[,;]|\s+and\s+/)) {
      const at = body.indexOf(raw, offset);
      offset = at + raw.length;
      const item = raw.trim();
      if (!item || item.length > 60 || !/^\p{Lu}|^\p{N}/u.test(item)) continue;
      const start = at + raw.indexOf(item);
      push(lookupOutlet(item), item, "SOURCE_LINE", start, start + item.length);
    }
  }
  // Asked for offsets in increasing order: the line start moves forward with them, so a long line is not read
  // back to its start for every outlet named in it.
  let lineStart = 0;
  let nextNewline = body.indexOf("\n");
  const onSourceLine = (at: number) => {
    while (nextNewline >= 0 && nextNewline < at) {
      lineStart = nextNewline + 1;
      nextNewline = body.indexOf("\n", lineStart);
    }
    return /^[ \t]*(?:Sources?|Source\(s\))[ \t]*:/.test(body.slice(lineStart, lineStart + 20));
  };

  const mentionedOnly = new Map<string, ExtractedCitation>();
  for (const m of body.matchAll(outletRegex())) {
    const start = m.index ?? 0;
    const alias = m[0];
    const end = start + alias.length;
    if (onSourceLine(start)) continue;
    const outlet = lookupOutlet(alias);
    if (!outlet) continue;
    const before = body.slice(Math.max(0, start - 40), start);
    const after = body.slice(end, end + 40);
    let kind: ExtractedCitation["kind"] | null = null;
    if (FROM_LINE.test(before) && /^\s*:/.test(after)) kind = "FROM";
    else if (ACCORDING_BEFORE.test(before)) kind = "ACCORDING_TO";
    else if (DATELINE.test(before) && /^\s*\)\s*[—–-]/.test(after)) kind = "SOURCE_LINE";
    else if (REPORT_VERB_AFTER.test(after) || REPORT_BY_BEFORE.test(before))
      kind = /\btold\s+(?:the\s+)?$/i.test(before) ? "MENTION" : "REPORTS";
    if (kind) {
      push(outlet, alias, kind, start, end);
      continue;
    }
    if (AMBIGUOUS_ALIASES.has(alias)) continue;
    if (!mentionedOnly.has(outlet.name))
      mentionedOnly.set(outlet.name, {
        outlet: outlet.name,
        domain: outlet.domain,
        kind: "MENTION",
        asWritten: alias,
        start,
        end,
      });
  }
  // Bylines never create outlets: whatever a byline credits besides people ("a Facebook post:", a bio line) is
  // cited only when it is an outlet Storyline knows.
  for (const agency of ctx.bylineAgencies ?? []) {
    const outlet = lookupOutlet(agency);
    if (outlet) push(outlet, agency, "BYLINE", null, null);
  }
  const supplier = ctx.syndicatedFrom;
  if (supplier) {
    const known = lookupOutlet(supplier.name) ?? (supplier.domain ? lookupOutlet(supplier.domain) : null);
    out.push({
      outlet: known?.name ?? supplier.name,
      domain: known?.domain ?? supplier.domain,
      kind: "FROM",
      asWritten: supplier.domain ?? supplier.name,
      start: null,
      end: null,
    });
  }
  // A bare mention is listed only for outlets not already cited some other way.
  const cited = new Set(out.map((c) => c.outlet));
  for (const c of mentionedOnly.values()) if (!cited.has(c.outlet)) out.push(c);
  return out.sort((a, b) => (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER));
}

/** Outlets cited in a way that says "this came from them" (everything but a bare mention), deduplicated. */
export function citedOutlets(citations: ExtractedCitation[]): string[] {
  return [...new Set(citations.filter((c) => c.kind !== "MENTION").map((c) => c.outlet))];
}
