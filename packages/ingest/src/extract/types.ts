// The shapes that flow through extraction. Pure data: no Prisma, no I/O.

import type { PrecomputedTerms } from "../link/types.ts";

export type ProvenanceSource = "INPUT" | "FEED" | "METADATA" | "URL" | "TEXT" | "INFERRED" | "LINKED" | "NONE";
export type DatePrecision = "MINUTE" | "DAY" | "WEEK" | "MONTH" | "YEAR";
export type InputKind = "TEXT" | "HTML" | "JSON" | "JSONL" | "FEED" | "URL" | "STDIN";

/** Metadata that arrived with an input; it beats anything guessed from the text. */
export interface InputMeta {
  title?: string | null;
  publishedAt?: string | null;
  modifiedAt?: string | null;
  outlet?: string | null;
  authors?: string[] | null;
  language?: string | null;
  /** True when publishedAt came from an RSS/Atom item rather than a record field. */
  fromFeed?: boolean;
}

/** One document, decoded to a string, before extraction. */
export interface RawDocument {
  /** The input's own id (record id, or file path / URL when it has none). */
  id: string;
  format: "text" | "html";
  content: string;
  url?: string | null;
  meta: InputMeta;
  inputKind: InputKind;
  /** How the user named the input (file path, URL, "stdin#3"): used in error messages and rawRef. */
  origin: string;
}

export interface OutletGuess {
  name: string;
  /** Registrable domain, when known. */
  domain: string | null;
  source: ProvenanceSource;
  /** The words or field that said so, e.g. 'og:site_name', 'Also on rt.com'. */
  evidence: string;
}

export interface PublishedDate {
  /** Wall-clock ISO without zone: "2018-12-02T01:05:00" or "2018-12-02". */
  value: string;
  /** "+03:00" when the input stated an offset, else null. Never applied. */
  offset: string | null;
  precision: DatePrecision;
  source: ProvenanceSource;
  /** 0..1 */
  confidence: number;
  /** For inferred ranges: the earliest and latest plausible days. */
  earliest?: string | null;
  latest?: string | null;
  evidence: string;
}

/** What the clean/metadata stage yields for one document. */
export interface ArticleMetadata {
  title: string | null;
  /** Main text, paragraphs separated by blank lines. */
  body: string;
  authors: string[];
  /** Agencies named in a byline ("By Louise Miner with Reuters" -> ["Reuters"]). */
  bylineAgencies: string[];
  outlet: OutletGuess | null;
  /** The outlet a portal page carries the article from (its canonical link points there); cited as FROM. */
  syndicatedFrom: { name: string; domain: string | null } | null;
  /** The page's own canonical link (absolute), so readers can go back to the original. */
  canonicalUrl: string | null;
  published: PublishedDate | null;
  modifiedAt: string | null;
  language: string | null;
  wordCount: number;
}

export type AttributionMethod =
  | "CUE_AFTER"
  | "CUE_BEFORE"
  | "COLON"
  | "DASH"
  | "ACCORDING_TO"
  | "OUTLET_REPORT"
  | "CARRY_OVER"
  | "PRONOUN"
  | "ROLE_NOUN"
  | "ALIAS_TABLE"
  | "UNRESOLVED"
  | "NONE";

export interface ExtractedQuote {
  text: string;
  /** Offsets into the body: start of the first part, end of the last (inside the marks). */
  start: number;
  end: number;
  /** Split quotes: each part's offsets. */
  parts: { start: number; end: number }[] | null;
  kind: "FULL" | "FRAGMENT";
  /** Resolved canonical speaker name, or null (better none than a wrong one). */
  speaker: string | null;
  speakerAsWritten: string | null;
  attribution: AttributionMethod;
  confidence: number;
}

export interface ExtractedEntity {
  kind: "PERSON" | "PLACE" | "ORGANIZATION";
  /** Canonical (fullest) name within the article, e.g. "Vladimir Putin". */
  name: string;
  /** Every surface form seen: "Putin", "President Putin". */
  aliases: string[];
  gender: "male" | "female" | null;
  /** Flat [start, end, ...] offsets into the body. */
  offsets: number[];
  count: number;
  /** Roles the article attached to this person: "russian president". */
  roles: string[];
}

export interface ExtractedCitation {
  /** Outlet name as canonicalised by the known-outlets table where possible. */
  outlet: string;
  domain: string | null;
  kind: "REPORTS" | "SOURCE_LINE" | "BYLINE" | "ACCORDING_TO" | "FROM" | "MENTION";
  asWritten: string;
  start: number | null;
  end: number | null;
}

/** Context for resolving role nouns when the article never names the holder. */
export interface RoleAliasLookup {
  /** e.g. ("russian president", "2018-12-02") -> "Vladimir Putin" | null */
  (role: string, onDay: string | null): string | null;
}

export interface TextAnalysis {
  quotes: ExtractedQuote[];
  entities: ExtractedEntity[];
  citations: ExtractedCitation[];
}

export interface ExtractedDocument extends ArticleMetadata, TextAnalysis {
  id: string;
  url: string | null;
  inputKind: InputKind;
  origin: string;
  /** The body's SimHash, when the extraction thread computed it for the store (see extract/thread.ts). */
  simhash?: bigint;
  /** Event-clustering terms of title, body and entities, likewise computed on the extraction thread. */
  clusterTerms?: PrecomputedTerms;
  /** articleHash() of the document, likewise; whoever changes its body, outlet, id or kind must clear it. */
  contentHash?: string;
}
