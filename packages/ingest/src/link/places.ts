// Where a happening took place: the place an article's lead names with a locative cue ("talks held in Moscow",
// "the G20 summit in Buenos Aires", a dateline "MOSCOW —"), not the first country it names. Sentences that look
// back at another happening ("in Vladivostok in September") are kept apart as recalls: they place that other
// happening, which the index finds by the sentence's words.

import { lookupGazetteer } from "../extract/entities/gazetteer.ts";
import { type EntityRef, entityKey } from "./text.ts";

export interface PlaceRef {
  key: string;
  kind: string;
  name: string;
  /** A city or region rather than a country: the more telling answer to "where". */
  specific: boolean;
}

export interface PlaceRecall {
  place: PlaceRef;
  sentence: string;
}

export interface ArticlePlaces {
  /** Places the lead names with a locative cue, in order, about the article's own happening. */
  lead: PlaceRef[];
  /** Places named with a locative cue in sentences about an earlier happening. */
  recalls: PlaceRecall[];
}

const LEAD_PARAGRAPHS = 3;
const LEAD_CHARS = 900;
const MAX_RECALLS = 4;
const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const CUE =
  /\b(?:held in|hosted in|took place in|taking place in|summit in|talks in|in|at|near|outside)\s+(?:the\s+)?([A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3})/gu;
const DATELINE =
  /^\s*([A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]{2,}){0,2})(?:,\s*[A-Z][\p{L}. ]{1,30})?\s*(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s/u;
/** A sentence about another, earlier happening: a month, a year, "last week", "ago". */
const LOOK_BACK = new RegExp(
  `\\b(?:(?:in|since|last|earlier this)\\s+(?:${MONTHS})|(?:${MONTHS})\\s+\\d{4}|in (?:19|20)\\d\\d|last (?:year|month|week)|ago|earlier (?:this|that) (?:year|month)|previously)\\b`,
);

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?]["”’']?)\s+(?=["“‘']?[A-Z])/);
}

/** The article's places by locative cue. Only names its entities list as places (or the gazetteer knows) count. */
export function articlePlaces(title: string | null, body: string, entities: readonly EntityRef[] | undefined): ArticlePlaces {
  const known = new Map<string, PlaceRef>();
  for (const e of entities ?? []) {
    if (e.kind.toUpperCase() !== "PLACE") continue;
    const ref = placeRef(e.name);
    known.set(norm(e.name), ref);
    const canonical = lookupGazetteer(e.name);
    if (canonical) known.set(norm(canonical.name), ref);
  }
  const find = (phrase: string): PlaceRef | null => {
    // "Moscow Monday": the longest run of words that names a place.
    const words = phrase.split(/\s+/);
    for (let n = words.length; n > 0; n--) {
      const name = words
        .slice(0, n)
        .join(" ")
        .replace(/[’']s$|[.,]$/, "");
      const hit = known.get(norm(name)) ?? known.get(norm(lookupGazetteer(name)?.name ?? ""));
      if (hit) return hit;
    }
    return null;
  };
  const lead: PlaceRef[] = [];
  const recalls: PlaceRecall[] = [];
  const paragraphs = body.split(/\n\s*\n|\n/).filter((p) => p.trim().split(/\s+/).length >= 6);
  const dateline = paragraphs[0]?.match(DATELINE);
  if (dateline?.[1]) {
    const hit = find(dateline[1].toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()));
    if (hit) lead.push(hit);
  }
  let leadChars = 0;
  const texts = [...(title ? [title] : []), ...paragraphs];
  for (let p = 0; p < texts.length; p++) {
    const inLead = p < LEAD_PARAGRAPHS + (title ? 1 : 0) && leadChars < LEAD_CHARS;
    leadChars += texts[p]!.length;
    for (const sentence of sentences(texts[p]!)) {
      const lookBack = LOOK_BACK.test(sentence);
      if (!inLead && !lookBack) continue;
      for (const m of sentence.matchAll(CUE)) {
        const hit = find(m[1]!);
        if (!hit) continue;
        if (!lookBack) lead.push(hit);
        else if (recalls.length < MAX_RECALLS && !recalls.some((r) => r.place.key === hit.key && r.sentence === sentence)) {
          recalls.push({ place: hit, sentence });
        }
      }
    }
  }
  return { lead, recalls };
}

export function placeRef(name: string): PlaceRef {
  return { key: entityKey({ kind: "PLACE", name }), kind: "PLACE", name, specific: lookupGazetteer(name)?.kind !== "COUNTRY" };
}

function norm(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
