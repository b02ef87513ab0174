// RSS 2.0 and Atom feeds to items. An item's own metadata (pubDate, author, link) beats guesses from its text.
import { XMLParser } from "fast-xml-parser";

export interface FeedItem {
  id: string;
  url: string | null;
  title: string | null;
  html: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  authors: string[];
  feedTitle: string | null;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  cdataPropName: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === "item" || name === "entry" || name === "link" || name === "author" || name === "dc:creator",
});

const text = (v: unknown): string | null => {
  if (v == null) return null;
  if (typeof v === "string" || typeof v === "number") return String(v).trim() || null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "object") return text((v as Record<string, unknown>)["#text"] ?? (v as Record<string, unknown>).name);
  return null;
};

export function looksLikeFeed(content: string): boolean {
  const head = content.slice(0, 2000);
  return /<rss[\s>]|<feed[\s>][\s\S]*?xmlns=["']http:\/\/www\.w3\.org\/2005\/Atom|<rdf:RDF/i.test(head);
}

/** Converts RFC 822 feed dates to ISO while keeping the wall-clock time and offset as written. */
export function feedDateToIso(value: string | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d{4}-\d\d-\d\d/.test(trimmed)) return trimmed;
  const m = trimmed.match(/(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})(?:\s+(\d\d):(\d\d)(?::(\d\d))?)?\s*([+-]\d{4}|[A-Z]{1,4})?/);
  if (!m) return null;
  const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
  const month = months.indexOf((m[2] ?? "").toLowerCase()) + 1;
  if (!month) return null;
  const pad = (n: string | number) => String(n).padStart(2, "0");
  let iso = `${m[3]}-${pad(month)}-${pad(m[1] ?? 1)}`;
  if (m[4]) iso += `T${m[4]}:${m[5]}:${m[6] ?? "00"}`;
  const zone = m[7];
  if (m[4] && zone && /^[+-]\d{4}$/.test(zone)) iso += `${zone.slice(0, 3)}:${zone.slice(3)}`;
  else if (m[4] && (zone === "GMT" || zone === "UT" || zone === "Z")) iso += "+00:00";
  return iso;
}

export function parseFeed(xml: string): FeedItem[] {
  const doc = parser.parse(xml) as Record<string, any>;
  if (doc.rss?.channel || doc["rdf:RDF"]) {
    const channel = doc.rss?.channel ?? doc["rdf:RDF"]?.channel ?? {};
    const items: any[] = doc.rss?.channel?.item ?? doc["rdf:RDF"]?.item ?? [];
    return items.map((item, index) => ({
      id: text(item.guid) ?? text(item.link) ?? `item-${index + 1}`,
      url: text(item.link),
      title: text(item.title),
      html: text(item["content:encoded"]) ?? text(item.description),
      publishedAt: feedDateToIso(text(item.pubDate) ?? text(item["dc:date"])),
      modifiedAt: null,
      authors: [...(item["dc:creator"] ?? []), ...(item.author ?? [])].map(text).filter((a): a is string => !!a),
      feedTitle: text(channel.title),
    }));
  }
  if (doc.feed) {
    const entries: any[] = doc.feed.entry ?? [];
    return entries.map((entry, index) => {
      const links: any[] = entry.link ?? [];
      const alternate = links.find((l) => !l["@rel"] || l["@rel"] === "alternate") ?? links[0];
      return {
        id: text(entry.id) ?? `entry-${index + 1}`,
        url: alternate?.["@href"] ?? null,
        title: text(entry.title),
        html: text(entry.content) ?? text(entry.summary),
        publishedAt: text(entry.published) ?? text(entry.updated),
        modifiedAt: text(entry.updated),
        authors: (entry.author ?? []).map((a: any) => text(a?.name ?? a)).filter((a: string | null): a is string => !!a),
        feedTitle: text(doc.feed.title),
      };
    });
  }
  throw new Error("not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)");
}
