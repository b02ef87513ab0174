// Rule-based people, places and organisations: capitalised runs of words, split into a role prefix and a name,
// classified with the gazetteer, the outlet table, the first-name lexicon and the context (a speech verb after a
// name makes it a person), then merged within the article ("Putin", "President Putin" -> "Vladimir Putin").
import { type KnownOutlet, lookupOutlet } from "../known-outlets.ts";
import { isCueWord } from "../quotes/cues.ts";
import type { ExtractedEntity } from "../types.ts";
import { type GazetteerEntry, lookupDemonym, lookupGazetteer, memo } from "./gazetteer.ts";
import {
  AMBIGUOUS_FIRST_NAMES,
  firstNameGender,
  formalGivenName,
  GENDERED_ROLE_WORDS,
  type Gender,
  HONORIFICS,
  isFirstName,
  MORE_TITLE_WORDS,
  NOT_NAME_WORDS,
  ORG_HEADS,
  ROLE_NOUNS,
  TITLE_QUALIFIERS,
  TITLE_WORDS,
} from "./lexicon.ts";
import { parseRole, type RoleInfo } from "./roles.ts";
import { findNames, type NameType } from "./tagger/index.ts";
import { inSpans, type Span, splitSentences, type Token, tokenize } from "./tokens.ts";

export type MentionKind = "PERSON" | "PLACE" | "ORGANIZATION" | "ROLE" | "UNKNOWN";

export interface Mention {
  kind: MentionKind;
  /** The name itself, without role prefix or possessive: "Vladimir Putin". */
  start: number;
  end: number;
  text: string;
  /** Token indices of the name (for ROLE mentions: of the role). */
  firstToken: number;
  lastToken: number;
  /** Start including a role prefix ("Russian President Vladimir Putin"). */
  outerStart: number;
  role: RoleInfo | null;
  /** Gender said by an honorific or a gendered title ("Mr", "Congresswoman"). */
  titleGender: Gender | null;
  possessive: boolean;
  gazetteer: GazetteerEntry | null;
  outlet: KnownOutlet | null;
  sentence: number;
  inQuote: boolean;
  /** Index into EntityIndex.clusters, or -1. */
  entity: number;
  /** Countries tied to the person by the words around the name ("Russia’s Putin"). */
  countries: string[];
  /** Found in a title-case line (headline), where capitals say nothing. */
  headline: boolean;
}

export interface EntityCluster {
  id: number;
  kind: "PERSON" | "PLACE" | "ORGANIZATION";
  name: string;
  aliases: Set<string>;
  gender: Gender | null;
  roles: RoleInfo[];
  countries: Set<string>;
  mentions: Mention[];
  outlet: KnownOutlet | null;
  /** Name tokens of the canonical name, lower case. */
  nameParts: string[];
}

export interface EntityIndex {
  body: string;
  tokens: Token[];
  sentences: Span[];
  mentions: Mention[];
  clusters: EntityCluster[];
  /** Sentence index of an offset. */
  sentenceAt(offset: number): number;
}

const NAME_SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);
const SPACE_ONLY = /^ $/;

const isRoleWord = (t: Token) => {
  if (TITLE_WORDS.has(t.lower) || MORE_TITLE_WORDS.has(t.lower) || TITLE_QUALIFIERS.has(t.lower)) return true;
  if (t.cap && lookupDemonym(t.bare) && !t.possessive) return true;
  return false;
};
const isTitleWord = (t: Token) => TITLE_WORDS.has(t.lower) || MORE_TITLE_WORDS.has(t.lower);
/** A given name that is no everyday word: "Leonard", not "Will" or "May". */
const isGivenName = (t: Token) =>
  t.cap && isFirstName(t.bare) && !AMBIGUOUS_FIRST_NAMES.has(t.lower) && !NOT_NAME_WORDS.has(t.lower);
const isHonorific = (t: Token) => HONORIFICS.has(t.lower) && !["father", "sister", "brother"].includes(t.lower);

const lookupKnown = memo(lookupKnownUncached);
function lookupKnownUncached(text: string): { gazetteer: GazetteerEntry | null; outlet: KnownOutlet | null } | null {
  const g = lookupGazetteer(text);
  if (g) return { gazetteer: g, outlet: null };
  // Outlets by name only when the name is distinctive: "Time" or "Hill" alone are ordinary words.
  const words = text.split(/\s+/);
  const o = lookupOutlet(text);
  if (o && (words.length > 1 || /^[A-Z]{2,}$/.test(text) || text === o.name || DISTINCT_OUTLET_WORDS.has(text))) {
    if (!AMBIGUOUS_OUTLET_WORDS.has(text)) return { gazetteer: null, outlet: o };
  }
  return null;
}
const DISTINCT_OUTLET_WORDS = new Set([
  "Reuters",
  "Bloomberg",
  "Interfax",
  "Kyodo",
  "Xinhua",
  "Yonhap",
  "Sputnik",
  "Politico",
  "Axios",
  "Breitbart",
  "Newsweek",
  "Newsmax",
  "Forbes",
  "HuffPost",
  "MarketWatch",
  "Euronews",
  "TASS",
  "Tass",
  "RIA",
]);
const AMBIGUOUS_OUTLET_WORDS = new Set([
  "Time",
  "Hill",
  "Guardian",
  "Independent",
  "Telegraph",
  "Insider",
  "Vice",
  "Slate",
  "Vox",
  "Daily News",
  "Times",
  "Economist",
  "Yahoo",
  "Nikkei",
  "Jiji",
  "PBS",
  "Post",
]);

// Words a Title Case headline leaves in lower case; any other lower-case word means an ordinary sentence.
const TITLE_CASE_LOWER = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "but",
  "nor",
  "of",
  "in",
  "on",
  "at",
  "to",
  "for",
  "by",
  "with",
  "as",
  "vs",
  "via",
  "from",
  "into",
  "per",
  "up",
  "off",
  "out",
  "over",
  "is",
  "are",
]);

function isTitleCaseLine(tokens: Token[], from: number, to: number): boolean {
  let words = 0;
  let caps = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    const c = t.text.charCodeAt(0);
    if (c >= 48 && c <= 57) continue; // numbers
    if (!t.cap && !TITLE_CASE_LOWER.has(t.lower)) return false;
    words++;
    if (t.cap) caps++;
  }
  return words >= 3 && caps / words >= 0.7 && to - from <= 25;
}

export interface EntityIndexOptions {
  /** False for text in a language the tagger was not trained on: no names rather than junk. */
  names?: boolean;
}

export function buildEntityIndex(body: string, quoteInteriors: Span[] = [], options: EntityIndexOptions = {}): EntityIndex {
  const tokens = tokenize(body);
  const sentences = splitSentences(body, quoteInteriors);
  const sentenceStarts = sentences.map((s) => s.start);
  const sentenceAt = (offset: number) => {
    let lo = 0;
    let hi = sentenceStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((sentenceStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const inQuote = (offset: number) => inSpans(quoteInteriors, offset);

  const mentions: Mention[] = [];
  const make = (kind: MentionKind, a: number, b: number, extra: Partial<Mention> = {}): Mention => {
    const first = tokens[a] as Token;
    const last = tokens[b] as Token;
    const end = last.possessive
      ? last.end - 2
      : last.dotted && !last.text.endsWith(".") && !NAME_SUFFIXES.has(last.lower)
        ? last.end - 1
        : last.end;
    return {
      kind,
      start: first.start,
      end,
      text: body.slice(first.start, end),
      firstToken: a,
      lastToken: b,
      outerStart: first.start,
      role: null,
      titleGender: null,
      possessive: last.possessive,
      gazetteer: null,
      outlet: null,
      sentence: sentenceAt(first.start),
      inQuote: inQuote(first.start),
      entity: -1,
      countries: [],
      headline: titleCaseToken[a] === 1,
      ...extra,
    };
  };

  // Paragraph-level title-case detection: headlines capitalise every word, so runs there are split up.
  const titleCaseToken = new Uint8Array(tokens.length);
  {
    let lineStart = 0;
    for (let k = 0; k <= tokens.length; k++) {
      const endOfLine = k === tokens.length || (tokens[k - 1] && (tokens[k - 1] as Token).gapAfter.includes("\n"));
      if (k > lineStart && endOfLine) {
        if (isTitleCaseLine(tokens, lineStart, k)) for (let j = lineStart; j < k; j++) titleCaseToken[j] = 1;
        lineStart = k;
      }
    }
  }

  // Names come from the trained tagger (tagger/); the rules below only split titles from names, find role-only
  // runs ("Prime Minister"), attach gazetteer and outlet entries, and judge headline words against the body.
  const names = options.names === false ? [] : findNames(body, sentences);
  const covered = new Uint8Array(tokens.length);
  const nameMentions: Mention[] = [];
  const surnames = new Set<string>();
  for (const name of names) {
    let a = tokenAt(tokens, name.start);
    let b = tokenAt(tokens, name.end - 1);
    if (a < 0 || b < a) continue;
    // A name never runs over a line break or a sentence's end, whatever the tagger says.
    for (let j = a; j < b; j++) if (/\n|[.!?]\s/.test((tokens[j] as Token).gapAfter) && !(tokens[j] as Token).dotted) b = j;
    if (name.type === "PER") {
      // A quoted nickname inside a name (Robert C. "Bobby" Scott): the name is what follows the marks.
      for (let j = a; j < b; j++) if (/["“”]/.test((tokens[j] as Token).gapAfter)) a = j + 1;
      // Given names and initials the tagger left before a surname: "Leonard E. [Burman]".
      while (a > 0 && !covered[a - 1]) {
        const prev = tokens[a - 1] as Token;
        const initial = prev.dotted && prev.bare.length === 1 && prev.cap;
        if (!SPACE_ONLY.test(prev.gapAfter) || prev.possessive || !(initial || isGivenName(prev))) break;
        a--;
      }
      surnames.add((tokens[b] as Token).bare);
    }
    const m = nameMention(a, b, name.type);
    if (m) nameMentions.push(m);
  }
  const outletLastWords = new Set<string>();
  for (const m of nameMentions)
    if (m.outlet && m.lastToken > m.firstToken) outletLastWords.add((tokens[m.lastToken] as Token).lower);
  // Label consistency, as taggers are usually post-processed: a word after an honorific ("Mr. Holtz-Eakin"), or a
  // surname the tagger found elsewhere in the article, is that person wherever the tagger missed it.
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (covered[k] || !t.cap || titleCaseToken[k] || NOT_NAME_WORDS.has(t.lower) || isRoleWord(t)) continue;
    const prev = tokens[k - 1];
    const afterHonorific = !!prev && isHonorific(prev) && prev.cap && SPACE_ONLY.test(prev.gapAfter) && !prev.possessive;
    const knownSurname = surnames.has(t.bare) && !lookupKnown(t.bare);
    if (!afterHonorific && !knownSurname) {
      // "the Post" after "The Washington Post": left unknown here, made the outlet when clusters form.
      if (ORG_HEADS.has(t.lower) && outletLastWords.has(t.lower) && !tokens[k + 1]?.cap) mentions.push(make("UNKNOWN", k, k));
      // A one-word publisher from the outlet table ("Reuters", "TASS"): only distinctive names are listed there,
      // and an outlet the tagger missed would otherwise drop out of citations and "Reuters reports" speakers.
      else if (!tokens[k + 1]?.cap && lookupKnown(t.bare)?.outlet) {
        const m = nameMention(k, k, "ORG");
        if (m) nameMentions.push(m);
      }
      continue;
    }
    const next = tokens[k + 1];
    if (next?.cap && !covered[k + 1] && SPACE_ONLY.test(t.gapAfter) && !t.possessive) continue;
    const m = nameMention(k, k, "PER");
    if (m) nameMentions.push(m);
  }
  // Capitalised runs of title words that name no one: "Prime Minister", "the Russian President".
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (covered[k] || !t.cap || !isRoleWord(t) || titleCaseToken[k]) continue;
    let b = k;
    while (
      b + 1 < tokens.length &&
      !covered[b + 1] &&
      SPACE_ONLY.test((tokens[b] as Token).gapAfter) &&
      !(tokens[b] as Token).possessive
    ) {
      const next = tokens[b + 1] as Token;
      if (next.cap && isRoleWord(next)) b++;
      else if (next.lower === "of" && tokens[b + 2]?.cap && isRoleWord(tokens[b + 2] as Token) && !covered[b + 2]) b += 2;
      else break;
    }
    let hasTitle = false;
    for (let j = k; j <= b; j++) if (isTitleWord(tokens[j] as Token)) hasTitle = true;
    if (hasTitle && !(NOT_NAME_WORDS.has(t.lower) && !TITLE_QUALIFIERS.has(t.lower) && !TITLE_WORDS.has(t.lower))) {
      const m = make("ROLE", k, b);
      m.role = parseRole(body.slice(t.start, m.end));
      if (m.role) mentions.push(m);
    }
    k = b;
  }
  mentions.push(...nameMentions);
  mentions.sort((x, y) => x.start - y.start);
  judgeHeadlineMentions(mentions);

  /** A mention for tagger tokens a..b: titles split off persons as roles, known entries attached. */
  function nameMention(a: number, b: number, type: NameType): Mention | null {
    let kind: MentionKind = type === "PER" ? "PERSON" : type === "LOC" ? "PLACE" : "ORGANIZATION";
    // Titles the tagger left inside a person's name: "President Putin" -> role "President", name "Putin".
    let first = a;
    if (kind === "PERSON") {
      while (first < b && (isRoleWord(tokens[first] as Token) || isHonorific(tokens[first] as Token))) first++;
      // A title after other words: "Illinois Sen. Barack Obama", "Hewlett-Packard CEO Carly Fiorina". The last
      // title word ends the role.
      for (let j = b - 1; j >= first; j--)
        // (A lone "M." inside a name is an initial, not the French honorific.)
        if (isTitleWord(tokens[j] as Token) || (isHonorific(tokens[j] as Token) && (tokens[j] as Token).bare.length > 1)) {
          first = j + 1;
          break;
        }
    }
    if (kind === "PERSON" && first === b && isRoleWord(tokens[b] as Token)) return null;
    // The title before the name: "Russian President", "Sen.", "Foreign Minister Sergei Lavrov".
    let pos = first;
    if (kind === "PERSON") {
      while (pos > 0) {
        const prev = tokens[pos - 1] as Token;
        if (covered[pos - 1] || !SPACE_ONLY.test(prev.gapAfter) || prev.possessive) break;
        if (prev.cap && (isRoleWord(prev) || isHonorific(prev))) pos--;
        else if (prev.lower === "of" && pos - 2 >= 0 && (tokens[pos - 2] as Token).cap && isRoleWord(tokens[pos - 2] as Token))
          pos -= 2;
        else break;
      }
    }
    for (let j = pos; j <= b; j++) covered[j] = 1;
    const text = body.slice(
      (tokens[first] as Token).start,
      (tokens[b] as Token).possessive ? (tokens[b] as Token).end - 2 : (tokens[b] as Token).end,
    );
    const known = lookupKnown(text);
    // A known outlet is an organisation whatever the words around it suggest; other entries only name what the tagger
    // already typed the same way (a team called after its city stays an organisation).
    if (known?.outlet) kind = "ORGANIZATION";
    const m = make(kind, first, b);
    if (known?.outlet) m.outlet = known.outlet;
    else if (known?.gazetteer && (known.gazetteer.kind === "ORGANIZATION") === (kind === "ORGANIZATION") && kind !== "PERSON")
      m.gazetteer = known.gazetteer;
    if (kind !== "PERSON") return m;
    if (pos < first) {
      m.outerStart = (tokens[pos] as Token).start;
      const prefixTokens = tokens.slice(pos, first);
      for (const x of prefixTokens) {
        const g = HONORIFICS.get(x.lower) ?? GENDERED_ROLE_WORDS.get(x.lower);
        if (g) m.titleGender = g;
      }
      if (!prefixTokens.every((x) => isHonorific(x))) {
        const roleRaw = prefixTokens
          .filter((x) => !isHonorific(x))
          .map((x) => x.text)
          .join(" ");
        m.role = parseRole(extendRoleBackwards(pos, roleRaw));
      }
    } else {
      const roleRaw = extendRoleBackwards(first, "");
      if (roleRaw) {
        m.role = parseRole(roleRaw);
        // "9/11 widow Terry Strada": the role word says the gender even when it is not a known title.
        for (const w of roleRaw.toLowerCase().split(/\s+/)) {
          const g = GENDERED_ROLE_WORDS.get(w);
          if (g) m.titleGender = g;
        }
      }
    }
    if (m.role?.country) m.countries.push(m.role.country);
    // "Russia’s Putin": the country before a name belongs to the person.
    const before = tokens[pos - 1];
    if (before?.possessive && SPACE_ONLY.test(before.gapAfter)) {
      const country = lookupDemonym(before.bare);
      if (country) m.countries.push(country.name);
    }
    return m;
  }

  /**
   * Headlines capitalise every word, so a name found only there is doubtful: it stays when the body names it too
   * (same text, or a person's surname), or when it is a known place or organisation; otherwise it is dropped.
   */
  function judgeHeadlineMentions(all: Mention[]) {
    // Words the document writes in lower case somewhere ("says", "talks") are ordinary words in a headline.
    const lowerWords = new Set<string>();
    for (const t of tokens) if (!t.cap) lowerWords.add(t.lower);
    const bodyTexts = new Map<string, MentionKind>();
    for (const m of all) if (!m.headline && m.kind !== "ROLE") bodyTexts.set(m.text.toLowerCase(), m.kind);
    const surnames = new Set<string>();
    for (const m of all) if (!m.headline && m.kind === "PERSON") surnames.add((tokens[m.lastToken] as Token).bare.toLowerCase());
    for (const m of all) {
      if (!m.headline || m.kind === "ROLE") continue;
      const same = bodyTexts.get(m.text.toLowerCase());
      if (same) m.kind = same;
      else if (m.lastToken > m.firstToken && !tokens.slice(m.firstToken, m.lastToken + 1).some((t) => lowerWords.has(t.lower))) {
        // A name of several words none of which the text uses as an ordinary word: the tagger's call stands.
      } else if (m.kind === "PERSON" && surnames.has((tokens[m.lastToken] as Token).bare.toLowerCase())) m.kind = "PERSON";
      else if (!(m.gazetteer || m.outlet)) m.kind = "UNKNOWN";
    }
  }

  /** Lower-case roles and place or party words just before a name: "former Wisconsin Gov.", "psychotherapist". */
  function extendRoleBackwards(firstIndex: number, roleSoFar: string): string {
    const words: string[] = [];
    let j = firstIndex - 1;
    while (j >= 0 && words.length < 5) {
      const t = tokens[j] as Token;
      if (!SPACE_ONLY.test(t.gapAfter)) break;
      const ok =
        ROLE_NOUNS.has(t.lower) ||
        TITLE_QUALIFIERS.has(t.lower) ||
        TITLE_WORDS.has(t.lower) ||
        (t.cap && (lookupDemonym(t.bare) !== null || lookupGazetteer(t.bare) !== null || ORG_HEADS.has(t.lower)));
      if (!ok || (t.cap && NOT_NAME_WORDS.has(t.lower) && !TITLE_QUALIFIERS.has(t.lower))) break;
      words.unshift(t.possessive ? t.text : t.bare);
      if (t.possessive) break;
      j--;
    }
    const joined = [...words, roleSoFar].filter(Boolean).join(" ");
    // A lone country word ("Russia’s Putin") is not a role.
    if (!roleSoFar && !words.some((w) => ROLE_NOUNS.has(w.toLowerCase()) || TITLE_WORDS.has(w.toLowerCase()))) return "";
    return joined;
  }

  // A lower-case place word after a place name joins it: "Kurile islands", "Habomai islands".
  for (const m of mentions) {
    if (m.kind !== "PLACE" && m.kind !== "UNKNOWN") continue;
    const next = tokens[m.lastToken + 1];
    if (!next || m.possessive || !SPACE_ONLY.test((tokens[m.lastToken] as Token).gapAfter)) continue;
    if (next.lower === "islands" || next.lower === "island" || next.lower === "islets") {
      const g = lookupGazetteer(`${m.text} ${next.lower}`) ?? lookupGazetteer(m.text);
      if (g || (m.kind === "UNKNOWN" && !m.text.includes("-"))) {
        m.kind = "PLACE";
        m.gazetteer = g ?? m.gazetteer;
        m.end = next.possessive ? next.end - 2 : next.end;
        m.text = body.slice(m.start, m.end);
        m.lastToken = next.i;
      }
    }
  }

  const clusters = clusterMentions(body, tokens, mentions);
  return { body, tokens, sentences, mentions, clusters, sentenceAt };
}

/** The words that follow a mention decide unknown names: a speech verb or an appositive role makes a person. */
function contextSaysPerson(tokens: Token[], m: Mention): boolean {
  const last = tokens[m.lastToken] as Token;
  let j = m.lastToken + 1;
  const next = tokens[j];
  if (!m.possessive && next && /^\s+$/.test(last.gapAfter)) {
    // "Detectives say": a plural verb means a plural noun, not a person.
    if (next.lower === "say" || next.lower === "tell") return false;
    if (isCueWord(next.lower)) return true;
    if (
      /^(?:also|later|then|again|reportedly|previously|recently|has|had|once|further|publicly|privately)$/.test(next.lower) &&
      tokens[j + 1] &&
      isCueWord((tokens[j + 1] as Token).lower)
    )
      return true;
  }
  // Appositive: "Alan Cole, an economist at ...", "Mulgrew, who ..."
  if (!m.possessive && /^,\s+$/.test(last.gapAfter) && next) {
    if (next.lower === "who") return true;
    // "Jo-Renee Formicola, political science professor at ..." — a role noun before the next comma.
    for (j = m.lastToken + 1; j < Math.min(tokens.length, m.lastToken + 8); j++) {
      const t = tokens[j] as Token;
      if (ROLE_NOUNS.has(t.lower) && !t.cap) return true;
      if (/[,.;:]/.test(t.gapAfter)) break;
    }
  }
  // Inverted attribution: ", said Douglas Holtz-Eakin"
  const prev = tokens[m.firstToken - 1];
  if (prev && isCueWord(prev.lower) && /^\s+$/.test(prev.gapAfter) && /[,”"']\s*$/.test(tokens[m.firstToken - 2]?.gapAfter ?? ""))
    return true;
  // Lower-case role just before: "psychotherapist Fran Sherman".
  if (prev && !prev.cap && ROLE_NOUNS.has(prev.lower) && /^ $/.test(prev.gapAfter)) return true;
  return false;
}

function clusterMentions(body: string, tokens: Token[], mentions: Mention[]): EntityCluster[] {
  const clusters: EntityCluster[] = [];
  const nameParts = (m: Mention) =>
    tokens
      .slice(m.firstToken, m.lastToken + 1)
      .map((t) => t.bare)
      .filter((w) => !NAME_SUFFIXES.has(w.toLowerCase().replace(/\.$/, "")));

  // Persons with full names first: they anchor the surnames and given names that follow.
  const fullPersons = new Map<string, EntityCluster>();
  const bySurname = new Map<string, EntityCluster[]>();
  const byGiven = new Map<string, EntityCluster[]>();
  const newCluster = (kind: EntityCluster["kind"], name: string, parts: string[]): EntityCluster => {
    const c: EntityCluster = {
      id: clusters.length,
      kind,
      name,
      aliases: new Set(),
      gender: null,
      roles: [],
      countries: new Set(),
      mentions: [],
      outlet: null,
      nameParts: parts.map((p) => p.toLowerCase()),
    };
    clusters.push(c);
    return c;
  };
  const attach = (c: EntityCluster, m: Mention) => {
    m.entity = c.id;
    c.mentions.push(m);
    c.aliases.add(m.text);
    if (m.role && !c.roles.some((r) => r.text === m.role?.text)) c.roles.push(m.role);
    for (const country of m.countries) c.countries.add(country);
  };

  const promote = (m: Mention) => {
    if (m.kind !== "UNKNOWN") return;
    const parts = nameParts(m);
    if (!parts.length) return;
    // "Chinese", "Russians": people of a country, not a person.
    if (parts.length === 1 && lookupDemonym(parts[0] as string)) return;
    if (m.headline) {
      const w = (parts[0] as string).toLowerCase();
      if (parts.length === 1 && (bySurname.has(w) || byGiven.has(w))) m.kind = "PERSON";
      return;
    }
    if (parts.length === 1) {
      const w = (parts[0] as string).toLowerCase();
      if (bySurname.has(w) || byGiven.has(w)) m.kind = "PERSON";
      else if (contextSaysPerson(tokens, m) && !lookupGazetteer(m.text) && !NOT_NAME_WORDS.has(w)) m.kind = "PERSON";
      else if (
        isFirstName(parts[0] as string) &&
        !AMBIGUOUS_FIRST_NAMES.has(w) &&
        !lookupGazetteer(m.text) &&
        !NOT_NAME_WORDS.has(w) &&
        !(tokens[m.firstToken] as Token).sentenceInitial
      )
        m.kind = "PERSON";
      else if (
        isFirstName(parts[0] as string) &&
        !AMBIGUOUS_FIRST_NAMES.has(w) &&
        !lookupGazetteer(m.text) &&
        !NOT_NAME_WORDS.has(w) &&
        !isCueWord(w) &&
        /^\s+\p{Ll}/u.test((tokens[m.lastToken] as Token).gapAfter + ((tokens[m.lastToken + 1] as Token | undefined)?.text ?? ""))
      )
        m.kind = "PERSON";
    } else {
      const last = (parts[parts.length - 1] as string).toLowerCase();
      if (bySurname.has(last) && parts.length <= 3) m.kind = "PERSON";
      else if (contextSaysPerson(tokens, m) && parts.length <= 4) m.kind = "PERSON";
    }
  };

  const registerFull = (m: Mention) => {
    const parts = nameParts(m);
    const key = parts.join(" ").toLowerCase();
    let c = fullPersons.get(key);
    if (!c) {
      // Same surname and same given name: "Hillary Clinton" = "Hillary Rodham Clinton".
      const surname = (parts[parts.length - 1] as string).toLowerCase();
      const given = (parts[0] as string).toLowerCase();
      const sameSurname = bySurname.get(surname) ?? [];
      // "Chuck Schumer" = "Charles Schumer": short forms of a given name count as that name.
      c = sameSurname.find(
        (x) =>
          x.nameParts[0] === given ||
          (x.nameParts[0]?.length === 1 && x.nameParts[0] === given[0]) ||
          formalGivenName(x.nameParts[0] ?? "") === formalGivenName(given),
      );
      // "Liberal Oscar-winner Sarandon": words before a known surname that are no given name describe that person.
      if (!c && sameSurname.length && !isFirstName(parts[0] as string)) {
        const joined = sameSurname[0] as EntityCluster;
        fullPersons.set(key, joined);
        attach(joined, m);
        return;
      }
      if (!c) {
        c = newCluster("PERSON", displayName(m), parts);
        const list = bySurname.get(surname) ?? [];
        list.push(c);
        bySurname.set(surname, list);
        const gl = byGiven.get(given) ?? [];
        gl.push(c);
        byGiven.set(given, gl);
      } else if (parts.length > c.nameParts.length) {
        c.name = displayName(m);
        c.nameParts = parts.map((p) => p.toLowerCase());
      }
      fullPersons.set(key, c);
    }
    attach(c, m);
  };

  // The name as written, without a possessive or a trailing suffix: "Harry B. Harris", "Vladimir Putin".
  const displayName = (m: Mention) => {
    let last = m.lastToken;
    while (last > m.firstToken && NAME_SUFFIXES.has((tokens[last] as Token).lower)) last--;
    const lastTok = tokens[last] as Token;
    const end = last === m.lastToken ? m.end : lastTok.possessive ? lastTok.end - 2 : lastTok.end;
    return body.slice(m.start, end).replace(/[,\s]+$/, "");
  };

  // A bare last word of an outlet named in full ("Times" after "The New York Times", "the Post"): the outlet,
  // not a person with that surname. Only institution words ("times", "post", "journal"), which no one is called.
  const outletMentions = mentions.filter((m) => m.outlet && m.lastToken > m.firstToken);
  for (const m of mentions) {
    if (m.kind !== "UNKNOWN" || m.firstToken !== m.lastToken) continue;
    const w = (tokens[m.firstToken] as Token).lower;
    if (!ORG_HEADS.has(w)) continue;
    const same = outletMentions.filter((o) => (tokens[o.lastToken] as Token).lower === w);
    if (!same.length) continue;
    // The latest one named before it, else the first named after.
    const source = [...same].reverse().find((o) => o.start < m.start) ?? (same[0] as Mention);
    m.kind = "ORGANIZATION";
    m.outlet = source.outlet;
  }

  // Pass 1: confident multi-word persons.
  for (const m of mentions) if (m.kind === "PERSON" && nameParts(m).length >= 2) registerFull(m);
  // Pass 2: unknown runs that context or known surnames make people.
  for (const m of mentions) {
    promote(m);
    if (m.kind === "PERSON" && m.entity < 0 && nameParts(m).length >= 2) registerFull(m);
  }
  // Pass 3: one-word persons join the full name with that surname (or given name), else stand alone.
  const singles = new Map<string, EntityCluster>();
  for (const m of mentions) {
    if (m.kind !== "PERSON" || m.entity >= 0) continue;
    const parts = nameParts(m);
    if (!parts.length) continue;
    const w = (parts[parts.length - 1] as string).toLowerCase();
    let candidates = bySurname.get(w) ?? [];
    if (!candidates.length && parts.length === 1) candidates = byGiven.get(w) ?? [];
    if (candidates.length > 1 && m.titleGender) {
      const g = candidates.filter((c) => guessGender(c) === m.titleGender);
      if (g.length) candidates = g;
    }
    let chosen: EntityCluster | undefined;
    if (candidates.length === 1) chosen = candidates[0];
    else if (candidates.length > 1) {
      // Several people share the surname: the one mentioned most so far, then the first named.
      chosen = [...candidates].sort((x, y) => y.mentions.length - x.mentions.length || x.id - y.id)[0];
    }
    if (!chosen) {
      chosen = singles.get(w);
      if (!chosen) {
        chosen = newCluster("PERSON", parts.join(" "), parts);
        singles.set(w, chosen);
      }
    }
    attach(chosen, m);
  }

  // Places and organisations merge on their gazetteer entry or outlet, else on their text.
  const byKey = new Map<string, EntityCluster>();
  for (const m of mentions) {
    if (m.kind !== "PLACE" && m.kind !== "ORGANIZATION") continue;
    const name = m.outlet?.name ?? m.gazetteer?.name ?? m.text.replace(/^the\s+/i, "");
    const key = `${m.kind}:${name.toLowerCase()}`;
    let c = byKey.get(key);
    if (!c) {
      c = newCluster(m.kind, name, name.split(" "));
      c.outlet = m.outlet;
      byKey.set(key, c);
    }
    attach(c, m);
  }

  // Headline words and other one-word unknowns that match a person's surname join that person.
  for (const m of mentions) {
    if (m.kind !== "UNKNOWN") continue;
    const w = m.text.toLowerCase();
    const c = bySurname.get(w)?.[0] ?? singles.get(w);
    if (c) {
      m.kind = "PERSON";
      attach(c, m);
    }
  }

  // A person named by one word only needs some sign of being a person: a title or honorific, a role, a given
  // name, a speech verb or an apposition ("Costco said" is a company). Otherwise it leaves the People page.
  for (const c of clusters) {
    if (c.kind !== "PERSON" || c.nameParts.length !== 1 || !c.mentions.length) continue;
    const evidence = c.mentions.some(
      (m) =>
        m.role !== null ||
        m.titleGender !== null ||
        m.outerStart < m.start ||
        contextSaysPerson(tokens, m) ||
        isFirstName((tokens[m.firstToken] as Token).bare),
    );
    if (evidence) continue;
    for (const m of c.mentions) {
      m.kind = "UNKNOWN";
      m.entity = -1;
    }
    c.mentions = [];
  }
  for (const c of clusters) if (c.kind === "PERSON") c.gender = guessGender(c);
  // Roles found in appositions ("Yoshihide Suga, Japan's chief cabinet secretary, ...").
  const personStarts = mentions.filter((m) => m.kind === "PERSON").map((m) => m.start);
  for (const m of mentions)
    if (m.kind === "PERSON" && m.entity >= 0) addAppositiveRoles(body, personStarts, m, clusters[m.entity] as EntityCluster);
  return clusters;
}

function guessGender(c: EntityCluster): Gender | null {
  let male = 0;
  let female = 0;
  for (const m of c.mentions) {
    if (m.titleGender === "male") male += 2;
    if (m.titleGender === "female") female += 2;
  }
  for (const r of c.roles) {
    if (r.gender === "male") male += 2;
    if (r.gender === "female") female += 2;
  }
  if (c.nameParts.length >= 2 || c.mentions.some((m) => m.firstToken !== m.lastToken)) {
    const g = firstNameGender(c.nameParts[0] ?? "");
    if (g === "male") male += 1;
    if (g === "female") female += 1;
  } else if (c.nameParts.length === 1) {
    // A one-word person named by given name only ("Melanie").
    const g = firstNameGender(c.nameParts[0] ?? "");
    if (g && !c.mentions.some((m) => m.titleGender)) {
      if (g === "male") male += 1;
      else female += 1;
    }
  }
  if (male > female) return "male";
  if (female > male) return "female";
  return null;
}

const APPOSITIVE_RE = /^,\s+((?:the|a|an)\s+)?([^,;:"“”()—–]{3,90}?)(?=,|\s+(?:who|which)\b|\.\s|\s*[;:—–]|$)/;
const APPOSITIVE_CUT = /\s+(?:at|for|in|with|from|who|which|whose|on|to|since|during|under|after|before|until|when)\s.*$/;

function addAppositiveRoles(body: string, personStarts: number[], m: Mention, c: EntityCluster) {
  if (m.possessive) return;
  const after = body.slice(m.end, m.end + 160);
  const match = APPOSITIVE_RE.exec(after);
  if (!match) return;
  // A list of people ("Carly Fiorina, Ohio Democratic Party Chairman David Pepper and ...") is no apposition.
  const phraseEnd = m.end + match[0].length;
  if (personStarts.some((p) => p > m.end && p < phraseEnd)) return;
  const phrase = (match[2] as string).replace(APPOSITIVE_CUT, "");
  // An apposition is a noun phrase: a verb in it ("..., recently asked Admiral Harris") means it is a clause.
  if (
    /\b(?:\w+ed|said|says|told|is|was|has|had|will|would)\b/i.test(
      phrase.replace(/\b(?:retired|elected|appointed|named|acting)\b/gi, ""),
    )
  )
    return;
  for (const piece of phrase.split(/\s+and\s+/)) {
    const words = piece.trim().split(/\s+/);
    if (!words.some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[’']s$/, "")) || TITLE_WORDS.has(w.toLowerCase()))) continue;
    // A name after the role ("..., President Obama") is another person, not an apposition.
    if (words.length > 8) continue;
    const role = parseRole(piece);
    if (role && !c.roles.some((r) => r.text === role.text)) {
      c.roles.push(role);
      if (role.country) c.countries.add(role.country);
    }
  }
}

/** Entities in the shape the store wants. */
export function toExtractedEntities(index: EntityIndex): ExtractedEntity[] {
  const out: ExtractedEntity[] = [];
  for (const c of index.clusters) {
    if (!c.mentions.length) continue;
    const offsets: number[] = [];
    for (const m of c.mentions) offsets.push(m.start, m.end);
    out.push({
      kind: c.kind,
      name: c.name,
      aliases: [...c.aliases].filter((a) => a !== c.name),
      gender: c.kind === "PERSON" ? c.gender : null,
      offsets,
      count: c.mentions.length,
      roles: c.kind === "PERSON" ? [...new Set(c.roles.map((r) => r.text))] : [],
    });
  }
  return out.sort((a, b) => b.count - a.count || (a.offsets[0] ?? 0) - (b.offsets[0] ?? 0));
}

/** Index of the token that contains `offset` (or the first after it), -1 past the end. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end > offset) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}
