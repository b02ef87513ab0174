// One document in, everything Storyline knows about it out: clean text and metadata, then who said what.
import { analyzeText, quoteSpans } from "./analyze.ts";
import { extractArticle } from "./article.ts";
import type { ExtractedDocument, RawDocument, RoleAliasLookup } from "./types.ts";

export interface ExtractContext {
  resolveRole?: RoleAliasLookup;
}

export function extractDocument(raw: RawDocument, context: ExtractContext = {}): ExtractedDocument {
  const article = extractArticle(raw);
  const analysis = analyzeText(article.body, {
    title: article.title,
    publishedAt: article.published?.value ?? null,
    bylineAgencies: article.bylineAgencies,
    syndicatedFrom: article.syndicatedFrom,
    resolveRole: context.resolveRole,
    authors: article.authors,
    language: article.language,
  });
  return { ...article, ...analysis, id: raw.id, url: raw.url ?? null, inputKind: raw.inputKind, origin: raw.origin };
}

/** The JSON line `storyline extract` prints: the evaluation contract of ../shared/eval/README.md. */
export function toContractRow(doc: ExtractedDocument) {
  const names = (kind: "PERSON" | "PLACE" | "ORGANIZATION") => doc.entities.filter((e) => e.kind === kind).map((e) => e.name);
  // Places and organisations as the text writes them ("U.S." and "United States" both, when both are written): the
  // contract asks which names a document uses; the store keeps one canonical entity with these as aliases.
  const written = (kind: "PLACE" | "ORGANIZATION") => {
    const seen = new Map<string, string>();
    for (const e of doc.entities)
      if (e.kind === kind)
        for (const form of [e.name, ...e.aliases])
          if (doc.body.includes(form) && !seen.has(form.toLowerCase())) seen.set(form.toLowerCase(), form);
    return [...seen.values()];
  };
  return {
    id: doc.id,
    title: doc.title,
    body: doc.body,
    authors: doc.authors,
    outlet: doc.outlet?.name ?? null,
    canonicalUrl: doc.canonicalUrl ?? null,
    publishedAt: doc.published?.value ?? null,
    publishedAtSource: doc.published ? contractSource(doc.published.source) : null,
    publishedAtPrecision: doc.published?.precision ?? null,
    modifiedAt: doc.modifiedAt,
    // One row per part of a split quote: that is how quotes are annotated and scored.
    quotes: doc.quotes.flatMap((q) =>
      quoteSpans(doc.body, q).map((span) => ({
        ...span,
        speaker: q.speaker,
        speakerAsWritten: q.speakerAsWritten,
        kind: q.kind,
        attribution: q.attribution,
      })),
    ),
    people: names("PERSON"),
    places: written("PLACE"),
    organizations: written("ORGANIZATION"),
    cites: [...new Set(doc.citations.map((c) => c.outlet))],
  };
}

function contractSource(source: string): "metadata" | "url" | "text" | "inferred" | null {
  switch (source) {
    case "INPUT":
    case "FEED":
    case "METADATA":
      return "metadata";
    case "URL":
      return "url";
    case "TEXT":
      return "text";
    case "INFERRED":
      return "inferred";
    default:
      return null;
  }
}

export type { ExtractedDocument, RawDocument } from "./types.ts";
