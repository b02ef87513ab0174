// Who published the piece. Order of trust: what the input said, the URL's domain, the page's own metadata,
// then clues in the text. Outlets merely cited ("Reuters reports") are citations, not the publisher.
import { getDomain, getHostname } from "tldts";
import { lookupOutlet } from "./known-outlets.ts";
import type { OutletGuess, ProvenanceSource } from "./types.ts";

export interface OutletClues {
  metaOutlet?: string | null;
  url?: string | null;
  siteName?: string | null;
  jsonLdPublisher?: string | null;
  /** Lines of the raw text, before boilerplate removal (the clues often live in boilerplate). */
  lines?: string[];
}

export function guessOutlet(clues: OutletClues): OutletGuess | null {
  if (clues.metaOutlet?.trim()) return named(clues.metaOutlet.trim(), null, "INPUT", "input outlet");

  const hostname = clues.url ? getHostname(clues.url) : null;
  const domain = clues.url ? getDomain(clues.url) : null;
  if (hostname || domain) {
    const known = lookupOutlet(hostname ?? "") ?? lookupOutlet(domain ?? "");
    if (known) return { name: known.name, domain: known.domain, source: "URL", evidence: hostname ?? domain ?? "" };
  }
  for (const [value, evidence] of [
    [clues.siteName, "og:site_name"],
    [clues.jsonLdPublisher, "JSON-LD publisher"],
  ] as const) {
    const name = value?.trim();
    if (name && !/^https?:/i.test(name) && name.length <= 80) return named(name, domain, "METADATA", evidence);
  }
  if (domain) return { name: domain, domain, source: "URL", evidence: hostname ?? domain };

  return clues.lines ? outletFromText(clues.lines) : null;
}

function named(name: string, domain: string | null, source: ProvenanceSource, evidence: string): OutletGuess {
  const known = lookupOutlet(name);
  return known ? { name: known.name, domain: known.domain ?? domain, source, evidence } : { name, domain, source, evidence };
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
