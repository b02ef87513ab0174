// Direct quotes and quoted fragments with their speakers. Pure: body + entity index in, quotes out.
//
// A quote's speaker comes from, in order: a cue after it ("...," Abe said / said Abe / Reuters reports), a cue
// before it in the same sentence (Suga told reporters: "..."), a colon or a dash, "according to", and failing all
// of those the speaker of the quote just before (carry-over). Pronouns and role nouns ("the Russian President")
// are resolved to people named in the article; a role the article never ties to a name goes to ctx.resolveRole.
import type { EntityCluster, EntityIndex, Mention } from "../entities/extract.ts";
import { type Gender, NOT_NAME_WORDS, ROLE_NOUNS, TITLE_WORDS } from "../entities/lexicon.ts";
import { normalizeRoleText, parseRole, type RoleInfo, roleFit } from "../entities/roles.ts";
import { inSpans, type Span, type Token } from "../entities/tokens.ts";
import type { AttributionMethod, ExtractedQuote, RoleAliasLookup } from "../types.ts";
import { resolveReferences } from "./coref.ts";
import { CUE_ADVERBS, isCueWord, NAMING_CUES } from "./cues.ts";
import type { MarkedPart, MarkedSpan } from "./marks.ts";

export interface QuoteContext {
  publishedAt?: string | null;
  resolveRole?: RoleAliasLookup;
  /** The article's writers (metadata): they report quotes, they never speak them. */
  authors?: readonly string[] | null;
}

interface Speaker {
  speaker: string | null;
  asWritten: string | null;
  method: AttributionMethod;
  confidence: number;
  cluster: EntityCluster | null;
}

/** The speaker of the latest attributed quote, and where that quote opened. */
interface LastSpeaker {
  cluster: EntityCluster | null;
  speaker: Speaker;
  at: number;
}

interface Candidate {
  span: MarkedSpan;
  parts: MarkedPart[];
  openAt: number;
  /** Offset just after the closing mark of the last part, or the paragraph end. */
  closeEnd: number;
  closed: boolean;
  kind: "FULL" | "FRAGMENT";
  speaker: Speaker | null;
  /** Token index of the cue that attributed it, to join split quotes. */
  cueEndOffset: number;
  /** Words between the cue verb and the quote (before-cues), for judging fragments. */
  cueDistance: number;
  drop: boolean;
}

const PRONOUNS = new Map<string, Gender | "plural" | "first" | null>([
  ["he", "male"],
  ["she", "female"],
  ["they", "plural"],
  ["it", null],
  ["i", "first"],
  ["we", "first"],
]);
const DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "one",
  "another",
  "this",
  "that",
  "these",
  "those",
  "his",
  "her",
  "their",
  "its",
  "our",
  "two",
  "three",
  "several",
  "some",
  "many",
]);
const INDEFINITE = new Set(["a", "an", "one", "another", "two", "three", "several", "some", "many"]);
const QUOTE_CHARS = /["“”„«»‘’'`]/;
const CLAUSE_END = /[.!?;]\s|\n|[.!?;]$/;
const NAMING_BEFORE =
  /\b(?:so-called|known as|referred to as|dubbed|nicknamed|titled|entitled|the words?|the terms?|the phrases?|the slogans?|hashtag|the label|the motto|headlined|headline)\s*$/i;

// Nouns that stand for an organisation already named ("the company said").
const ORG_NOUNS = new Set([
  "company",
  "group",
  "team",
  "bank",
  "network",
  "firm",
  "organization",
  "organisation",
  "agency",
  "campaign",
  "committee",
  "newspaper",
  "paper",
  "website",
  "site",
  "outlet",
  "article",
  "piece",
  "magazine",
  "broadcaster",
  "channel",
  "station",
  "ministry",
  "department",
  "union",
  "party",
  "foundation",
  "institute",
  "university",
  "school",
  "club",
  "council",
  "board",
  "airline",
  "retailer",
  "automaker",
  "publication",
]);
const OUTLET_NOUNS = new Set([
  "newspaper",
  "paper",
  "website",
  "site",
  "outlet",
  "article",
  "piece",
  "magazine",
  "broadcaster",
  "channel",
  "station",
  "publication",
  "network",
]);

// "fired back", "shot back", "hit back": speech verbs only with "back".
const BACK_VERBS = new Set(["shot", "fired", "hit", "pushed", "struck", "snapped", "wrote"]);

// More people than an article names with one role: a roll call of senators, not "the senator" of a story.
const MAX_ROLE_FITTING = 200;

// Longer than any real sentence.
const COLON_CLAUSE_TOKENS = 400;

// Far more words than eight real sentences hold (about 200).
const EARLIER_NOUN_TOKENS = 1000;

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

export function extractQuotes(body: string, marks: MarkedSpan[], index: EntityIndex, ctx: QuoteContext = {}): ExtractedQuote[] {
  const { tokens } = index;
  const tokenStarts = tokens.map((t) => t.start);
  const firstTokenAtOrAfter = (offset: number) => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokenStarts[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Which mention covers each token (name or role prefix).
  const mentionAt: (Mention | undefined)[] = new Array(tokens.length);
  for (const m of index.mentions) {
    const from = firstTokenAtOrAfter(m.outerStart);
    for (let j = from; j <= m.lastToken; j++) if (!mentionAt[j] || mentionAt[j]?.kind === "ROLE") mentionAt[j] = m;
  }
  const quoteRanges = marks
    .flatMap((s) => s.parts.map((p) => ({ start: p.openAt + 1, end: p.closeAt < 0 ? p.end : p.closeAt + 1 })))
    .sort((x, y) => x.start - y.start);
  // Nested and single-quote spans may overlap others: keep the outermost so the binary search stays valid.
  const outer: Span[] = [];
  for (const r of quoteRanges) {
    const last = outer[outer.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else outer.push({ ...r });
  }
  const insideQuote = (offset: number) => inSpans(outer, offset);

  // Block quotes of reporting ("McCrummen reports:" then paragraphs in quote marks) are narration for
  // coreference: the people in them are antecedents, unlike the people a speaker talks about.
  const speech: Span[] = [];
  for (const span of marks) {
    const first = span.parts[0] as MarkedPart;
    const words = span.parts.reduce((n, p) => n + wordCount(body.slice(p.start, p.end)), 0);
    const before = body.slice(Math.max(0, first.openAt - 3), first.openAt);
    if (span.parts.length >= 2 && words >= 60 && /(?:^|:)\s*$/.test(before)) continue;
    for (const p of span.parts) speech.push({ start: p.openAt + 1, end: p.closeAt < 0 ? p.end : p.closeAt + 1 });
  }
  speech.sort((x, y) => x.start - y.start);
  const speechOuter: Span[] = [];
  for (const r of speech) {
    const last = speechOuter[speechOuter.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else speechOuter.push({ ...r });
  }
  const writers = writerClusters(body, index, ctx.authors ?? []);
  const coref = resolveReferences(index, (offset) => inSpans(speechOuter, offset), writers);

  const day = ctx.publishedAt ? ctx.publishedAt.slice(0, 10) : null;
  const candidates: Candidate[] = [];
  for (const span of marks) {
    const first = span.parts[0] as MarkedPart;
    const last = span.parts[span.parts.length - 1] as MarkedPart;
    const closeEnd = last.closeAt >= 0 ? last.closeAt + (last.closeMark?.length ?? 1) : last.end;
    candidates.push({
      span,
      parts: [...span.parts],
      openAt: first.openAt,
      closeEnd,
      closed: last.closeAt >= 0,
      kind: "FULL",
      speaker: null,
      cueEndOffset: -1,
      cueDistance: 0,
      drop: false,
    });
  }

  let lastSpeaker: LastSpeaker | null = null;

  // ---- helpers over tokens -------------------------------------------------------------------
  // Each entity's mentions by offset, for a binary search: a walk over all of them for each quote made a page
  // naming one organisation thousands of times, with "the company said" after each, quadratic.
  const mentionsByStart = new Map<EntityCluster, Mention[]>();
  /** The entity's mention that starts last before `at` (the first listed, when two start there), or null. */
  const lastMentionBefore = (c: EntityCluster, at: number): Mention | null => {
    let sorted = mentionsByStart.get(c);
    if (!sorted) {
      sorted = [...c.mentions].sort((x, y) => x.start - y.start);
      mentionsByStart.set(c, sorted);
    }
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as Mention).start < at) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return null;
    let k = lo - 1;
    while (k > 0 && (sorted[k - 1] as Mention).start === (sorted[k] as Mention).start) k--;
    return sorted[k] as Mention;
  };
  // Paragraph bounds by binary search over the newlines: a search of the body from each quote would read a
  // long paragraph once per quote in it.
  const lines = lineIndex(body);
  const paragraphStart = (offset: number) => lines.lastNewlineAtOrBefore(offset - 1) + 1;
  const paragraphEnd = (offset: number) => {
    const i = lines.firstNewlineAtOrAfter(offset);
    return i < 0 ? body.length : i;
  };

  /** Speaker described by tokens a..b (inclusive). */
  const speakerFromPhrase = (a: number, b: number, method: AttributionMethod, at: number): Speaker | null => {
    if (a > b || a < 0 || b >= tokens.length) return null;
    const asWritten = body.slice((tokens[a] as Token).start, (tokens[b] as Token).end).replace(/[’']s$/, "");
    // A pronoun.
    if (a === b) {
      const p = PRONOUNS.get((tokens[a] as Token).lower);
      if (p !== undefined) {
        const ref = coref.refAtToken.get(a);
        if (ref?.kind === "PRONOUN" && ref.cluster)
          return { speaker: ref.cluster.name, asWritten, method: "PRONOUN", confidence: ref.confidence, cluster: ref.cluster };
        // "it added": an organisation or outlet that was just quoted.
        if (
          p === null &&
          lastSpeaker?.cluster &&
          lastSpeaker.cluster.kind === "ORGANIZATION" &&
          index.sentenceAt(at) - index.sentenceAt(lastSpeaker.at) <= 3
        ) {
          return {
            speaker: lastSpeaker.cluster.name,
            asWritten,
            method: "PRONOUN",
            confidence: 0.5,
            cluster: lastSpeaker.cluster,
          };
        }
        return { speaker: null, asWritten, method: "UNRESOLVED", confidence: 0.3, cluster: null };
      }
    }
    // A mention of a person, outlet, organisation or place; the head is the last one not a possessive modifier.
    let best: Mention | undefined;
    for (let j = b; j >= a; j--) {
      const m = mentionAt[j];
      if (!m) continue;
      if (m.possessive && m.lastToken < b) continue; // "Putin's spokesman": Putin is not the speaker
      if (m.kind === "UNKNOWN") continue;
      best = m;
      break;
    }
    const firstWord = (tokens[a] as Token).lower;
    if (best && best.kind === "PERSON" && best.entity >= 0) {
      const c = index.clusters[best.entity] as EntityCluster;
      return { speaker: c.name, asWritten, method, confidence: 0.9, cluster: c };
    }
    if (best && best.kind === "ORGANIZATION" && best.outlet && best.lastToken === b) {
      return {
        speaker: best.outlet.name,
        asWritten,
        method: method === "CUE_AFTER" || method === "CUE_BEFORE" ? "OUTLET_REPORT" : method,
        confidence: 0.85,
        cluster: best.entity >= 0 ? (index.clusters[best.entity] as EntityCluster) : null,
      };
    }
    // "the company said", "the group tweeted", "the article read": the organisation just named.
    if (firstWord === "the" && !best && ORG_NOUNS.has((tokens[b] as Token).lower)) {
      const org = resolveOrganizationNoun((tokens[b] as Token).lower, at);
      if (org) return { speaker: org.name, asWritten, method: "ROLE_NOUN", confidence: 0.5, cluster: org };
    }
    // A role noun: "the Russian President", "the Japanese leader", "a government spokesman".
    const roleWords = tokens.slice(a, b + 1);
    const hasRoleHead = roleWords.some((t) => ROLE_NOUNS.has(t.lower) || TITLE_WORDS.has(t.lower));
    if ((best?.kind === "ROLE" || hasRoleHead) && !(best && best.kind === "PERSON")) {
      if (INDEFINITE.has(firstWord)) return { speaker: null, asWritten, method: "UNRESOLVED", confidence: 0.3, cluster: null };
      for (let j = a; j <= b; j++) {
        const ref = coref.refAtToken.get(j);
        if (ref?.kind === "ROLE" && ref.cluster)
          return { speaker: ref.cluster.name, asWritten, method: "ROLE_NOUN", confidence: ref.confidence, cluster: ref.cluster };
      }
      const roleText = body.slice((tokens[DETERMINERS.has(firstWord) ? a + 1 : a] as Token).start, (tokens[b] as Token).end);
      const role = parseRole(roleText);
      if (role && !/^(?:his|her|their|its)$/.test(firstWord)) {
        const c = resolveRoleNoun(role, at);
        if (c) return { speaker: c.name, asWritten, method: "ROLE_NOUN", confidence: 0.75, cluster: c };
        if (ctx.resolveRole) {
          const name = ctx.resolveRole(role.text, day) ?? ctx.resolveRole(normalizeRoleText(roleText), day);
          if (name) return { speaker: name, asWritten, method: "ALIAS_TABLE", confidence: 0.5, cluster: findClusterByName(name) };
        }
      }
      return { speaker: null, asWritten, method: "UNRESOLVED", confidence: 0.3, cluster: null };
    }
    if (best && (best.kind === "ORGANIZATION" || best.kind === "PLACE") && best.lastToken === b) {
      const c = best.entity >= 0 ? (index.clusters[best.entity] as EntityCluster) : null;
      return { speaker: c?.name ?? best.text, asWritten, method, confidence: 0.7, cluster: c };
    }
    // An unknown capitalised name right before the cue: keep it as written.
    const words = roleWords.filter((t) => !DETERMINERS.has(t.lower));
    if (words.length && words.length <= 4 && words.every((t) => t.cap) && !NOT_NAME_WORDS.has((words[0] as Token).lower)) {
      const name = body.slice((words[0] as Token).start, (words[words.length - 1] as Token).end).replace(/[’']s$/, "");
      // "the Times wrote" after "The Times" was named: the same organisation, so a later "it added" can follow it.
      return { speaker: name, asWritten, method, confidence: 0.6, cluster: organizationNamed(name) };
    }
    return null;
  };

  /** The organisation a definite noun points back to: the latest named before, preferring one whose name has
   * the noun ("the bank" -> "Royal Bank of Scotland") or that was quoted already; outlets for "the article". */
  const resolveOrganizationNoun = (noun: string, at: number): EntityCluster | null => {
    const wantsOutlet = OUTLET_NOUNS.has(noun);
    if (wantsOutlet) {
      const owner = outletOfEarlierNoun(noun, at);
      if (owner) return owner;
    }
    let best: EntityCluster | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const c of index.clusters) {
      if (c.kind !== "ORGANIZATION") continue;
      if (wantsOutlet && !c.outlet) continue;
      const lastMention = lastMentionBefore(c, at);
      if (!lastMention) continue;
      const last = lastMention.start;
      const distance = index.sentenceAt(at) - index.sentenceAt(last);
      if (distance > 8) continue;
      let score = -distance;
      if (c.name.toLowerCase().includes(noun)) score += 3;
      if (lastSpeaker?.cluster === c) score += 2;
      // "the lender's parent, Harbor Freight Holdings, said on Monday ...": an organisation last seen speaking is
      // what "the company" goes on with, even when its quote was a fragment that set no speaker.
      else if (speaksAfter(lastMention.lastToken)) score += 1.5;
      if (c.mentions.length > 1) score += 1;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  };

  /** A speech verb right after token j ("Reuters said", "Harbor Freight Holdings, said"): the mention is a speaker. */
  const speaksAfter = (j: number): boolean => {
    let k = j + 1;
    if (!/^,?\s+$/.test((tokens[j] as Token | undefined)?.gapAfter ?? "")) return false;
    while (k < tokens.length && k <= j + 3 && CUE_ADVERBS.has((tokens[k] as Token).lower)) k++;
    const t = tokens[k];
    return !!t && isCueWord(t.lower) && !NAMING_CUES.has(t.lower);
  };

  /** A speech or proposal verb after a person's name ("Putin publicly proposed", "Abe said"). */
  const reportsAfter = (j: number): boolean => {
    let k = j + 1;
    if (!/^\s+$/.test((tokens[j] as Token | undefined)?.gapAfter ?? "")) return false;
    while (
      k < tokens.length &&
      k <= j + 2 &&
      (CUE_ADVERBS.has((tokens[k] as Token).lower) || /ly$/.test((tokens[k] as Token).lower))
    )
      k++;
    const t = tokens[k];
    return !!t && ((isCueWord(t.lower) && !NAMING_CUES.has(t.lower)) || /^(?:propos|offer)(?:ed|es|s)$/.test(t.lower));
  };

  /** The organisation whose name or alias is `name`, give or take a leading "The". */
  const organizationNamed = (name: string): EntityCluster | null => {
    const bare = (x: string) => x.toLowerCase().replace(/^the\s+/, "");
    const want = bare(name);
    return (
      index.clusters.find(
        (c) => c.kind === "ORGANIZATION" && (bare(c.name) === want || [...c.aliases].some((a) => bare(a) === want)),
      ) ?? null
    );
  };

  /** "a Times article", "an article in the Post": the outlet an earlier mention of the same noun belongs to,
   * which is what "the article read" means when several outlets are named. Looks back at most 8 sentences. */
  const outletOfEarlierNoun = (noun: string, at: number): EntityCluster | null => {
    const outletWith = (t: Token | undefined): EntityCluster | null => {
      if (!t?.cap) return null;
      const m = mentionAt[t.i];
      if (m?.outlet && m.entity >= 0) return index.clusters[m.entity] as EntityCluster;
      // A bare short form ("Times") that is no mention of its own: the outlet whose name has it, latest named.
      let best: EntityCluster | null = null;
      let bestLast = -1;
      for (const c of index.clusters) {
        if (!c.outlet || !c.nameParts.includes(t.bare.toLowerCase())) continue;
        const last = lastMentionBefore(c, at)?.start ?? -1;
        if (last > bestLast) {
          best = c;
          bestLast = last;
        }
      }
      return best;
    };
    const floor = index.sentenceAt(at) - 8;
    const floorStart = floor > 0 ? (index.sentences[floor] as Span).start : Number.NEGATIVE_INFINITY;
    // Eight sentences, and at most EARLIER_NOUN_TOKENS words: text that never ends a sentence would otherwise be
    // read back to its start for every quote in it.
    const from = firstTokenAtOrAfter(at) - 1;
    for (let j = from; j > 0 && from - j < EARLIER_NOUN_TOKENS; j--) {
      const t = tokens[j] as Token;
      if (t.start < floorStart) break;
      if (t.lower !== noun || insideQuote(t.start)) continue;
      const before = outletWith(tokens[j - 1]);
      if (before && /^ $/.test((tokens[j - 1] as Token).gapAfter)) return before;
      const prep = tokens[j + 1];
      if (prep && /^(?:in|from|by)$/.test(prep.lower)) {
        const k = tokens[j + 2]?.lower === "the" ? j + 3 : j + 2;
        const after = outletWith(tokens[k]);
        if (after) return after;
      }
    }
    return null;
  };

  const findClusterByName = (name: string): EntityCluster | null => {
    const lower = name.toLowerCase();
    return index.clusters.find((c) => c.kind === "PERSON" && c.name.toLowerCase() === lower) ?? null;
  };

  // The people each role fits, worked out once per role rather than once per quote.
  const fittingByRole = new Map<string, { c: EntityCluster; fit: number }[]>();
  const resolveRoleNoun = (role: RoleInfo, at: number): EntityCluster | null => {
    const key = JSON.stringify(role);
    let fitting = fittingByRole.get(key);
    if (!fitting) {
      fitting = [];
      for (const c of index.clusters) {
        if (c.kind !== "PERSON" || writers.has(c)) continue;
        let fit = 0;
        for (const r of c.roles) fit = Math.max(fit, roleFit(role, r, c.countries));
        if (fit) fitting.push({ c, fit });
      }
      fittingByRole.set(key, fitting);
    }
    // Hundreds of people fitting one role: it names nobody in particular (and weighing them all for every
    // quote would make such a page quadratic).
    if (fitting.length > MAX_ROLE_FITTING) return null;
    let best: EntityCluster | null = null;
    let bestFit = 0;
    let bestLast = -1;
    for (const { c, fit } of fitting) {
      const lastBefore = lastMentionBefore(c, at)?.start ?? -1;
      if (fit > bestFit || (fit === bestFit && lastBefore > bestLast)) {
        best = c;
        bestFit = fit;
        bestLast = lastBefore;
      }
    }
    return best;
  };

  // The latest end of another quote at or before a candidate's opening mark. Candidates come sorted by their
  // opening marks and each ends after it opens, so only earlier candidates qualify, with their closeEnd as
  // attribution left it (a split quote takes its second part's end). Asked in candidate order, so a heap of the
  // ends not yet passed keeps this linear in the quotes rather than a scan of all candidates per quote.
  const endsAhead = new MinHeap();
  let endsQueued = 0;
  let latestEndPassed = Number.NEGATIVE_INFINITY;
  const latestQuoteEndBefore = (i: number, openAt: number): number => {
    for (; endsQueued < i; endsQueued++) endsAhead.push((candidates[endsQueued] as Candidate).closeEnd);
    while (endsAhead.size && endsAhead.peek() <= openAt) latestEndPassed = Math.max(latestEndPassed, endsAhead.pop());
    return latestEndPassed;
  };

  const gapIsBreak = (gap: string) => CLAUSE_END.test(gap) || QUOTE_CHARS.test(gap) || /[()[\]]/.test(gap);

  /** "...," Abe said / said Abe / Reuters reports / Sanders, whose ..., said. Returns the cue end offset too. */
  const cueAfter = (c: Candidate): { speaker: Speaker; end: number } | null => {
    if (!c.closed) return null;
    const from = c.closeEnd;
    const limit = paragraphEnd(from);
    const t0 = firstTokenAtOrAfter(from);
    const first = tokens[t0];
    if (!first || first.start >= limit) return null;
    const lead = body.slice(from, first.start);
    if (!/^[\s,]*$/.test(lead) && !/^\s*[,]?\s*$/.test(lead)) return null;
    // Scan up to the clause end for a cue word.
    let cue = -1;
    let firstComma = -1;
    let parenAt = -1;
    for (let j = t0; j < tokens.length && j < t0 + 45; j++) {
      const t = tokens[j] as Token;
      if (t.start >= limit) break;
      // A party-and-state tag or other short parenthesis after a name: "Rep. John Mica (R-Fla.) said".
      if (t.gapAfter.includes("(") && !/[.!?]\s/.test(t.gapAfter)) {
        let k = j + 1;
        while (k < tokens.length && k < j + 7 && !(tokens[k] as Token).gapAfter.includes(")")) k++;
        if (k < j + 7 && k < tokens.length) {
          if (parenAt < 0 && firstComma < 0) parenAt = j;
          if ((tokens[k] as Token).gapAfter.includes(",") && firstComma < 0) firstComma = j;
          j = k;
          continue;
        }
      }
      if (isCueWord(t.lower) && !NAMING_CUES.has(t.lower)) {
        const prevGap = j > t0 ? (tokens[j - 1] as Token).gapAfter : lead;
        // Within 8 words with no comma, or after an appositive closed by a comma.
        if (j - t0 <= 8 && firstComma < 0) {
          cue = j;
          break;
        }
        if (firstComma >= 0 && /,\s*$/.test(prevGap)) {
          cue = j;
          break;
        }
        if (firstComma >= 0 && j - t0 <= 8) {
          cue = j;
          break;
        }
      }
      if (gapIsBreak(t.gapAfter)) break;
      if (t.gapAfter.includes(",") && firstComma < 0) firstComma = j;
    }
    if (cue < 0) return null;
    const cueTok = tokens[cue] as Token;
    // A quote that ends its own sentence ("...ends." Moscow maintains that ...) is followed by a new sentence,
    // unless that sentence is only the attribution ("...ends." Smith said.).
    const lastPart = c.parts[c.parts.length - 1] as MarkedPart;
    if (body.charAt(lastPart.end - 1) === ".") {
      let k = cue;
      while (k < cue + 5 && k < tokens.length && !/[.,;:!?]/.test((tokens[k] as Token).gapAfter)) k++;
      if (cue - t0 > 3 || k >= cue + 5) return null;
    }
    // "," said X  (inverted)
    if (cue === t0 || (cue === t0 + 1 && CUE_ADVERBS.has((tokens[t0] as Token).lower))) {
      const np = nounPhraseAfter(cue + 1, limit);
      if (!np) return null;
      const s = speakerFromPhrase(np[0], np[1], "CUE_AFTER", cueTok.start);
      return s ? { speaker: s, end: (tokens[np[1]] as Token).end } : null;
    }
    // X (adverbs) said
    let npEnd = cue - 1;
    while (npEnd >= t0 && CUE_ADVERBS.has((tokens[npEnd] as Token).lower)) npEnd--;
    if (npEnd < t0) return null;
    // '"..." of the Clinton proposals, Mr. Holtz-Eakin said': a fragment's sentence goes on after the mark,
    // and the speaker is the phrase right before the verb.
    const lastComma = firstComma >= 0 ? lastCommaBefore(t0, npEnd) : -1;
    if (lastComma >= 0 && !/,\s*$/.test((tokens[npEnd] as Token).gapAfter) && !/^\s*,/.test(lead) && !(tokens[t0] as Token).cap) {
      const tail = nounPhraseEndingAt(npEnd, lastComma + 1);
      if (tail) {
        const s = speakerFromPhrase(tail[0], tail[1], "CUE_AFTER", (tokens[tail[0]] as Token).start);
        if (s) return { speaker: s, end: cueTok.end };
      }
    }
    if (firstComma >= 0 && firstComma < npEnd) npEnd = firstComma;
    if (parenAt >= 0 && parenAt < npEnd) npEnd = parenAt;
    const s = speakerFromPhrase(t0, npEnd, "CUE_AFTER", (tokens[t0] as Token).start);
    if (!s) return null;
    return { speaker: s, end: cueTok.end };
  };

  const lastCommaBefore = (from: number, to: number): number => {
    for (let j = to - 1; j >= from; j--) if ((tokens[j] as Token).gapAfter.includes(",")) return j;
    return -1;
  };

  /** Noun phrase after an inverted cue: "said Douglas Holtz-Eakin, an economist", "said the Russian leader". */
  const nounPhraseAfter = (from: number, limit: number): [number, number] | null => {
    const stops = (t: Token) => /[,.;:!?\n()]|["“”]/.test(t.gapAfter);
    let j = from;
    // Lower-case modifiers before a name: "said psychotherapist Fran Sherman", "said 9/11 widow Terry Strada".
    while (j < tokens.length && j < from + 6 && (tokens[j] as Token).start < limit) {
      const t = tokens[j] as Token;
      if (t.cap || DETERMINERS.has(t.lower) || PRONOUNS.has(t.lower) || stops(t)) break;
      j++;
    }
    const first = tokens[j];
    if (!first || first.start >= limit) return null;
    if (PRONOUNS.has(first.lower)) return [j, j];
    if (DETERMINERS.has(first.lower)) {
      // "said the Russian leader", "said a joint statement from the two agencies"
      let e = j;
      while (e + 1 < tokens.length && e < j + 6 && !stops(tokens[e] as Token)) {
        const next = tokens[e + 1] as Token;
        if (/^(?:from|of|at|in|with|to|for|on|who|which|that|after|before|during|about)$/.test(next.lower)) break;
        e++;
      }
      return [j, e];
    }
    if (!first.cap) return null;
    let e = j;
    while (
      e + 1 < tokens.length &&
      !stops(tokens[e] as Token) &&
      (tokens[e + 1] as Token).cap &&
      /^ $/.test((tokens[e] as Token).gapAfter) &&
      !(tokens[e] as Token).possessive
    )
      e++;
    // "said Clinton’s communications director, Jennifer Palmieri": the name after the description.
    if ((tokens[e] as Token).possessive) {
      let k = e + 1;
      while (k < tokens.length && k < e + 6 && !(tokens[k] as Token).cap && !/[.;:!?\n"“”]/.test((tokens[k] as Token).gapAfter)) {
        if ((tokens[k] as Token).gapAfter.includes(",")) break;
        k++;
      }
      const name = tokens[k + 1];
      if (k < tokens.length && (tokens[k] as Token).gapAfter.includes(",") && name?.cap) {
        let n = k + 1;
        while (
          n + 1 < tokens.length &&
          !stops(tokens[n] as Token) &&
          (tokens[n + 1] as Token).cap &&
          /^ $/.test((tokens[n] as Token).gapAfter)
        )
          n++;
        return [k + 1, n];
      }
      return [j, Math.min(k, tokens.length - 1)];
    }
    // "Clinton ally James Carville", "Trump attorney Alan Garten": the name after the role.
    const role = tokens[e + 1];
    const after = tokens[e + 2];
    if (
      role &&
      after &&
      !stops(tokens[e] as Token) &&
      !role.cap &&
      ROLE_NOUNS.has(role.lower) &&
      after.cap &&
      /^ $/.test(role.gapAfter)
    ) {
      let k = e + 2;
      while (
        k + 1 < tokens.length &&
        !stops(tokens[k] as Token) &&
        (tokens[k + 1] as Token).cap &&
        /^ $/.test((tokens[k] as Token).gapAfter)
      )
        k++;
      return [e + 2, k];
    }
    return [j, e];
  };

  /** Suga, Japan's chief cabinet secretary, told a briefing: "..." / Putin said it "would be naive". */
  const cueBefore = (c: Candidate, i: number): { speaker: Speaker; distance: number; cueIndex: number } | null => {
    const pStart = paragraphStart(c.openAt);
    const sentence = index.sentences[index.sentenceAt(c.openAt)];
    let windowStart = Math.max(pStart, sentence ? sentence.start : pStart);
    // Don't look back past an earlier quote in the same sentence.
    windowStart = Math.max(windowStart, latestQuoteEndBefore(i, c.openAt));
    const tEnd = firstTokenAtOrAfter(c.openAt) - 1;
    const tStart = firstTokenAtOrAfter(windowStart);
    if (tEnd < tStart) return null;
    for (let j = tEnd; j >= tStart && tEnd - j <= 14; j--) {
      const t = tokens[j] as Token;
      if (j < tEnd && gapIsBreak(t.gapAfter)) break;
      const firedBack = BACK_VERBS.has(t.lower) && tokens[j + 1]?.lower === "back";
      if (!isCueWord(t.lower) && !firedBack) continue;
      const distance = tEnd - j;
      // "..., saying, '...'" / "by saying": a participle's speaker is the subject of the sentence.
      if (t.lower.endsWith("ing") && !NAMING_CUES.has(t.lower)) {
        const subject = sentenceSubjectRef(tStart, j);
        if (subject) {
          const s = speakerFromPhrase(subject[0], subject[1], "CUE_BEFORE", (tokens[subject[0]] as Token).start);
          if (s) return { speaker: s, distance, cueIndex: j };
        }
        continue;
      }
      let npEnd = j - 1;
      while (npEnd >= tStart && CUE_ADVERBS.has((tokens[npEnd] as Token).lower)) npEnd--;
      if (npEnd < tStart) return null;
      const np = subjectBefore(npEnd, tStart);
      if (!np) continue;
      // Naming cues ("called") speak only with a person or pronoun subject.
      if (NAMING_CUES.has(t.lower)) {
        const head = tokens[np[1]] as Token;
        const m = mentionAt[np[1]];
        if (!(PRONOUNS.has(head.lower) || (m && m.kind === "PERSON"))) continue;
      }
      const s = speakerFromPhrase(np[0], np[1], "CUE_BEFORE", (tokens[np[0]] as Token).start);
      if (s) return { speaker: s, distance, cueIndex: j };
    }
    return null;
  };

  /** The first person, pronoun or outlet of the sentence between two tokens: a participle's subject. */
  const sentenceSubjectRef = (from: number, to: number): [number, number] | null => {
    for (let j = from; j < to; j++) {
      const t = tokens[j] as Token;
      if (PRONOUNS.has(t.lower) && t.lower !== "it") return [j, j];
      const m = mentionAt[j];
      if (m && (m.kind === "PERSON" || m.outlet) && !m.possessive) return [j, m.lastToken];
    }
    return null;
  };

  /** The subject noun phrase ending at token `end`, skipping a comma-delimited appositive. */
  const subjectBefore = (end: number, floor: number): [number, number] | null => {
    const direct = nounPhraseEndingAt(end, floor);
    if (!/,\s*$/.test((tokens[end] as Token).gapAfter)) return direct;
    // "Suga, Japan's chief cabinet secretary and top government spokesman, told" and
    // "Clinton, during a town hall meeting in Columbus, Ohio, said": walk back over comma-separated
    // stretches to the first one that ends in a person, a pronoun or a named organisation.
    let e = end;
    for (let hops = 0; hops < 4; hops++) {
      let j = e;
      while (j > floor && !/,/.test((tokens[j - 1] as Token).gapAfter) && e - j < 30) j--;
      if (!(j > floor && /,/.test((tokens[j - 1] as Token).gapAfter))) return null;
      e = j - 1;
      const m = mentionAt[e];
      const t = tokens[e] as Token;
      if (PRONOUNS.has(t.lower) || (m && (m.kind === "PERSON" || m.outlet)) || (m?.kind === "ORGANIZATION" && m.lastToken === e))
        return nounPhraseEndingAt(e, floor);
    }
    return null;
  };

  /** The noun phrase that ends at token `e`: a pronoun, a mention, or a determiner-led role noun. */
  const nounPhraseEndingAt = (e: number, floor: number): [number, number] | null => {
    const et = tokens[e] as Token;
    if (PRONOUNS.has(et.lower)) return [e, e];
    const m = mentionAt[e];
    if (m && m.kind !== "UNKNOWN") {
      let s = firstTokenAtOrAfter(m.outerStart);
      if (
        s > 0 &&
        s - 1 >= floor &&
        DETERMINERS.has((tokens[s - 1] as Token).lower) &&
        /^ $/.test((tokens[s - 1] as Token).gapAfter)
      )
        s--;
      return [Math.max(s, floor), e];
    }
    // A role noun phrase: determiner + up to five words ("the Republican lawmaker").
    let s = e;
    while (s > floor && e - s < 6) {
      const prev = tokens[s - 1] as Token;
      if (!/^ $/.test(prev.gapAfter)) break;
      if (isCueWord(prev.lower) || /^(?:and|or|but|that|which|who|when|while|as|if|because|after|before)$/.test(prev.lower))
        break;
      s--;
      if (DETERMINERS.has(prev.lower)) break;
    }
    const words = tokens.slice(s, e + 1);
    if (DETERMINERS.has((tokens[s] as Token).lower) || words.every((t) => t.cap) || (m && m.kind === "UNKNOWN")) {
      // Keep only the capitalised tail when there is no determiner ("Mulgrew", "Blackwell").
      if (!DETERMINERS.has((tokens[s] as Token).lower)) {
        let k = e;
        while (k > s && (tokens[k - 1] as Token).cap && /^ $/.test((tokens[k - 1] as Token).gapAfter)) k--;
        return [k, e];
      }
      return [s, e];
    }
    if (et.cap) return [e, e];
    return null;
  };

  /** Name: "..." and "From Reuters:" style, and sentences ending in a colon with the speaker as subject. */
  const colonBefore = (c: Candidate): Speaker | null => {
    const pStart = paragraphStart(c.openAt);
    let base = pStart;
    // The text before the quote in its paragraph, without trailing whitespace, ends at `end` (read backwards
    // from the mark only as far as the whitespace goes, not from the paragraph start).
    let end = trimEndBefore(body, base, c.openAt);
    if (end === base) {
      // The quote opens a paragraph: the previous paragraph may end in "X reports:".
      const prevEnd = body.lastIndexOf("\n", pStart - 1);
      let e = prevEnd;
      while (e > 0 && /\s/.test(body.charAt(e - 1))) e--;
      if (e <= 0 || body.charAt(e - 1) !== ":") return null;
      base = paragraphStart(e - 1);
      end = e;
    }
    if (body.charAt(end - 1) !== ":") return null;
    const sentence = index.sentences[index.sentenceAt(end - 1)];
    const sStart = Math.max(base, sentence ? sentence.start : base);
    const tEnd = firstTokenAtOrAfter(end) - 1;
    // The clause before the colon, at most COLON_CLAUSE_TOKENS words of it: text that never ends a sentence
    // would otherwise be read from its start for every quote in it.
    const tStart = Math.max(firstTokenAtOrAfter(sStart), tEnd + 1 - COLON_CLAUSE_TOKENS);
    if (tEnd < tStart) return null;
    // "From Reuters:" / "According to TASS:"
    const firstLower = (tokens[tStart] as Token).lower;
    let from = tStart;
    if (firstLower === "from" || firstLower === "via") from++;
    // A cue in the clause: "The New York Times reports:", "McCrummen reports:".
    for (let j = tEnd; j >= from; j--) {
      const t = tokens[j] as Token;
      if (isCueWord(t.lower) && !NAMING_CUES.has(t.lower)) {
        let npEnd = j - 1;
        while (npEnd >= from && CUE_ADVERBS.has((tokens[npEnd] as Token).lower)) npEnd--;
        const np = npEnd >= from ? subjectBefore(npEnd, from) : null;
        if (np) {
          const s = speakerFromPhrase(np[0], np[1], "CUE_BEFORE", (tokens[np[0]] as Token).start);
          if (s) return s;
        }
      }
    }
    // Otherwise the first name in the clause: "Peggy Drexler, CNN:", "Trump in a series of tweets:".
    for (let j = from; j <= tEnd; j++) {
      const t = tokens[j] as Token;
      const m = mentionAt[j];
      if (m && (m.kind === "PERSON" || (m.kind === "ORGANIZATION" && m.outlet))) {
        const s = speakerFromPhrase(j, m.lastToken, "COLON", t.start);
        if (s) return s;
      }
      if (j === from && PRONOUNS.has(t.lower)) {
        const s = speakerFromPhrase(j, j, "COLON", t.start);
        if (s) return s;
      }
    }
    return null;
  };

  /** "..." – Name, or "..." ― Name (a dash then a name to the end of the line or a comma). */
  const dashAfter = (c: Candidate): Speaker | null => {
    if (!c.closed) return null;
    const rest = body.slice(c.closeEnd, Math.min(paragraphEnd(c.closeEnd), c.closeEnd + 120));
    const m = /^\s*[-–—―]\s*/.exec(rest);
    if (!m) return null;
    const t0 = firstTokenAtOrAfter(c.closeEnd + m[0].length);
    const t = tokens[t0];
    if (!t?.cap) return null;
    let e = t0;
    while (e + 1 < tokens.length && (tokens[e + 1] as Token).cap && /^ $/.test((tokens[e] as Token).gapAfter)) e++;
    return speakerFromPhrase(t0, e, "DASH", t.start);
  };

  /** "...," according to X. */
  const accordingTo = (c: Candidate): Speaker | null => {
    const after = c.closed ? body.slice(c.closeEnd, c.closeEnd + 40) : "";
    let m = /^\s*,?\s*according to\s+/i.exec(after);
    let at = -1;
    if (m) at = c.closeEnd + m[0].length;
    else {
      const before = body.slice(Math.max(paragraphStart(c.openAt), c.openAt - 120), c.openAt);
      m = /according to\s+([^,.;:"“”]{2,80}?),\s*$/i.exec(before);
      if (m) at = c.openAt - before.length + (m.index ?? 0) + "according to ".length;
    }
    if (at < 0) return null;
    const t0 = firstTokenAtOrAfter(at);
    const np = nounPhraseAfter(t0, paragraphEnd(at));
    if (!np) return null;
    return speakerFromPhrase(np[0], np[1], "ACCORDING_TO", (tokens[t0] as Token).start);
  };

  // Whether a person other than the last speaker is named, outside quotes and outside the attribution
  // sentence, between the last speaker's quote and `until`. Asked with growing `until` for one speaker, so the
  // mentions are read once per speaker, not once per quote (many uncued quotes after one cue).
  const personMentions = index.mentions.filter((m) => m.kind === "PERSON").sort((x, y) => x.start - y.start);
  let namedScan: { after: LastSpeaker; next: number; found: boolean } | null = null;
  const personNamedSince = (prev: LastSpeaker, until: number): boolean => {
    if (!namedScan || namedScan.after !== prev) {
      let lo = 0;
      let hi = personMentions.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((personMentions[mid] as Mention).start <= prev.at) lo = mid + 1;
        else hi = mid;
      }
      namedScan = { after: prev, next: lo, found: false };
    }
    const scan: { next: number; found: boolean } = namedScan;
    const attributionSentence = index.sentenceAt(prev.at);
    while (!scan.found && scan.next < personMentions.length) {
      const m = personMentions[scan.next] as Mention;
      if (m.start >= until) break;
      if (!insideQuote(m.start) && m.entity !== prev.cluster?.id && m.sentence !== attributionSentence) scan.found = true;
      else scan.next++;
    }
    return scan.found;
  };

  // ---- attribution -----------------------------------------------------------------------------
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (c.drop) continue;
    const first = c.parts[0] as MarkedPart;
    const text = body.slice(first.start, first.end);
    c.kind = judgeKind(body, paragraphStart(c.openAt), c.openAt, text);
    // A title is nobody's speech, whatever verb is near it ("Valve announced “Half-Life: Alyx”").
    if (isWorkTitle(body, c, text, paragraphStart(c.openAt))) {
      c.drop = true;
      continue;
    }

    let speaker: Speaker | null = null;
    const after = cueAfter(c);
    if (after) {
      speaker = after.speaker;
      c.cueEndOffset = after.end;
    }
    if (!speaker) speaker = dashAfter(c);
    if (!speaker) speaker = accordingTo(c);
    if (!speaker) {
      const before = cueBefore(c, i);
      if (before && (c.kind === "FULL" ? before.distance <= 14 : before.distance <= 9)) {
        speaker = before.speaker;
        c.cueDistance = before.distance;
      }
    }
    if (!speaker) speaker = colonBefore(c);
    if (speaker) {
      c.speaker = speaker;
      lastSpeaker = { cluster: speaker.cluster, speaker, at: c.openAt };
      // A split quote: "A," he said, "B." -> the next quote is the second part of this one.
      const next = candidates[i + 1];
      if (after && next && !next.span.single && !c.span.single) {
        const between = body.slice(after.end, next.openAt);
        if (
          /^[^.!?\n"“”]{0,60},\s*$/.test(between) &&
          /,\s*$/.test(body.slice(first.start, (c.parts[c.parts.length - 1] as MarkedPart).end))
        ) {
          c.parts.push(...next.parts);
          c.closeEnd = next.closeEnd;
          c.closed = next.closed;
          next.drop = true;
          // The second part may itself be followed by "..., he added" — already the same speaker.
        }
      }
      continue;
    }
    // Carry-over: an uncued quote goes to the speaker of the quote just before, in this paragraph or the last.
    const prev = lastSpeaker;
    if (prev?.speaker.speaker && c.kind === "FULL" && !(prev.cluster && writers.has(prev.cluster))) {
      const sameParagraph = paragraphStart(prev.at) === paragraphStart(c.openAt);
      const prevParagraphStart = paragraphStart(Math.max(0, paragraphStart(c.openAt) - 2));
      const previousParagraph = !sameParagraph && paragraphStart(prev.at) === prevParagraphStart;
      const opensParagraph = !body.slice(paragraphStart(c.openAt), c.openAt).trim();
      // No other person named between the two quotes.
      // No other person named between the two quotes, apart from the attribution sentence itself
      // ('"A," said Jeremy Bird, a senior aide to Mr. Obama. "B."').
      if ((sameParagraph || (previousParagraph && opensParagraph)) && !personNamedSince(prev, c.openAt)) {
        c.speaker = {
          ...prev.speaker,
          method: "CARRY_OVER",
          confidence: sameParagraph ? 0.7 : 0.55,
        };
      }
    }
  }

  // ---- uncued quotes: what a named person was just reported saying, and quotes run together --------
  // Reported speech by a named person outside quotes ("Putin proposed to Abe that the two sign a peace treaty"),
  // with the content words of the clause after the name, to match an uncued quote that echoes it.
  const reports: { sentence: number; cluster: EntityCluster; words: Set<string> }[] = [];
  for (const m of personMentions) {
    if (m.possessive || m.entity < 0 || insideQuote(m.start) || !reportsAfter(m.lastToken)) continue;
    const cluster = index.clusters[m.entity] as EntityCluster;
    if (writers.has(cluster)) continue;
    const sentence = index.sentences[m.sentence];
    const end = Math.min(sentence ? sentence.end : m.end, m.end + ECHO_CHARS);
    reports.push({ sentence: m.sentence, cluster, words: contentWords(body.slice(m.end, end)) });
  }
  let reportsSeen = 0;
  // After a cued quote in the same paragraph, an uncued one is its speaker's or nobody's (carry-over decided).
  let attributedParagraph = -1;
  for (const c of candidates) {
    if (c.drop) continue;
    if (c.speaker) {
      attributedParagraph = paragraphStart(c.openAt);
      continue;
    }
    if (c.kind !== "FULL" || paragraphStart(c.openAt) === attributedParagraph) continue;
    const at = index.sentenceAt(c.openAt);
    while (reportsSeen < reports.length && (reports[reportsSeen] as (typeof reports)[number]).sentence < at) reportsSeen++;
    const words = contentWords(c.parts.map((p) => body.slice(p.start, Math.min(p.end, p.start + ECHO_CHARS))).join(" "));
    let best: EntityCluster | null = null;
    let bestOverlap = 0;
    let tied = false;
    for (let k = reportsSeen - 1; k >= 0 && reportsSeen - k <= ECHO_REPORTS; k--) {
      const r = reports[k] as (typeof reports)[number];
      if (at - r.sentence > ECHO_SENTENCES) break;
      let overlap = 0;
      for (const w of words) if (r.words.has(w)) overlap++;
      if (overlap > bestOverlap) {
        best = r.cluster;
        bestOverlap = overlap;
        tied = false;
      } else if (overlap === bestOverlap && r.cluster !== best) tied = true;
    }
    if (best && bestOverlap >= 2 && !tied)
      c.speaker = { speaker: best.name, asWritten: null, method: "CARRY_OVER", confidence: 0.45, cluster: best };
  }
  // Quotes run together with nothing but a stop between them ('"A". "B".') are one speaker's.
  for (let i = candidates.length - 2; i >= 0; i--) {
    const c = candidates[i] as Candidate;
    const next = candidates[i + 1] as Candidate;
    if (c.drop || next.drop || c.speaker || c.kind !== "FULL" || !c.closed || !next.speaker?.speaker) continue;
    if (!/^[\s.!?]*$/.test(body.slice(c.closeEnd, next.openAt)) || body.slice(c.closeEnd, next.openAt).includes("\n")) continue;
    c.speaker = { ...next.speaker, method: "CARRY_OVER", confidence: Math.min(next.speaker.confidence, 0.5) };
  }

  // ---- keep speech, drop scare quotes, titles and nicknames -------------------------------------
  const out: ExtractedQuote[] = [];
  for (const c of candidates) {
    if (c.drop) continue;
    const text = c.parts.map((p) => body.slice(p.start, p.end)).join(c.parts.length > 1 ? " " : "");
    const words = wordCount(text);
    if (!words) continue;
    const attributed = c.speaker !== null;
    const before = body.slice(Math.max(paragraphStart(c.openAt), c.openAt - 40), c.openAt);
    const afterText = body.slice(c.closeEnd, c.closeEnd + 3);
    // A nickname between names: Robert C. "Bobby" Scott.
    if (/\p{Lu}[\p{L}.]*\s$/u.test(before) && /^\s\p{Lu}/u.test(afterText) && words <= 3 && !attributed) continue;
    if (NAMING_BEFORE.test(before) && !(c.speaker && c.speaker.method !== "CARRY_OVER" && c.kind === "FULL")) continue;
    if (c.kind === "FRAGMENT") {
      if (!attributed) continue;
      if (c.speaker?.method === "CARRY_OVER") continue;
    } else if (!attributed) {
      // An unattributed full quote is kept when it reads like speech, not a title or a label.
      if (isTitleLike(text) || (words < 4 && !/[.!?,]$/.test(text))) continue;
      if (c.span.single && words < 6) continue;
    }
    const s = c.speaker;
    const parts = c.parts.length > 1 ? c.parts.map((p) => ({ start: p.start, end: p.end })) : null;
    out.push({
      text,
      start: (c.parts[0] as MarkedPart).start,
      end: (c.parts[c.parts.length - 1] as MarkedPart).end,
      parts,
      kind: c.kind,
      speaker: s?.speaker ?? null,
      speakerAsWritten: s?.asWritten ?? null,
      attribution: s ? (s.speaker ? s.method : s.method === "UNRESOLVED" ? "UNRESOLVED" : s.method) : "NONE",
      confidence: s ? (s.speaker ? s.confidence : 0.3) : 0.2,
    });
  }
  return out;
}

// A byline paragraph: "By Jane Porter", "Written by ...", "Jane Porter contributed reporting".
const BYLINE = /^\s*(?:(?:written |reporting |words |story |text )?by)\s+(?=\p{Lu})/iu;
const BYLINE_WORD =
  /^(?:\p{Lu}[\p{L}.'’-]*|and|with|in|for|of|at|the|staff|senior|chief|special|writer|reporter|correspondent|editor|contributor)$/u;
/** "By Jane Porter and Mark Lee, Reuters": only names and a few joiners after "By", no sentence ("By Tuesday, Smith had left"). */
const isByline = (line: string): boolean => {
  const m = BYLINE.exec(line);
  if (!m) return false;
  const words = line
    .slice(m[0].length)
    .split(/[\s,;|/–—-]+/)
    .filter(Boolean);
  return words.length <= 12 && words.every((w) => BYLINE_WORD.test(w));
};
const CONTRIBUTED =
  /\b(?:contributed (?:reporting|to this (?:report|story|article))|is a (?:reporter|writer|correspondent|columnist|contributor|staff writer)\b)/i;

/** The people who wrote the article: named in a byline paragraph or in the metadata. */
function writerClusters(body: string, index: EntityIndex, authors: readonly string[]): Set<EntityCluster> {
  const writers = new Set<EntityCluster>();
  const wanted = new Set(authors.map((a) => a.trim().toLowerCase()).filter((a) => a.includes(" ")));
  for (const m of index.mentions) {
    if (m.kind !== "PERSON" || m.entity < 0) continue;
    const c = index.clusters[m.entity] as EntityCluster;
    if (writers.has(c)) continue;
    if (wanted.size && (wanted.has(c.name.toLowerCase()) || [...c.aliases].some((a) => wanted.has(a.toLowerCase())))) {
      writers.add(c);
      continue;
    }
    // The mention's paragraph, read only when it is short: a byline is a line of its own.
    const from = body.lastIndexOf("\n", m.start) + 1;
    let to = body.indexOf("\n", m.end);
    if (to < 0) to = body.length;
    if (to - from > 160 || m.inQuote) continue;
    const line = body.slice(from, to);
    if (CONTRIBUTED.test(line) || isByline(line)) writers.add(c);
  }
  return writers;
}

// A noun for a work right before the marks: the song “Flowers”, the game “Half-Life: Alyx”.
const WORK_BEFORE =
  /\b(?:song|single|track|album|EP|mixtape|record|game|videogame|film|movie|show|series|sitcom|miniseries|book|novel|memoir|musical|opera|poem|painting|documentary|episode|podcast|exhibition|exhibit|hit|anthem|ballad|franchise|sequel|trilogy)\s*,?\s*$/i;

/** A title of a work, not speech: “Flowers” by WINNER, the song “Flowers”, CBS's “Face the Nation”, on “Meet the Press”. */
function isWorkTitle(
  body: string,
  c: { openAt: number; closeEnd: number; closed: boolean },
  text: string,
  pStart: number,
): boolean {
  if (c.closed && /^,?[ \t]+by[ \t]+[\p{Lu}"“]/u.test(body.slice(c.closeEnd, c.closeEnd + 8)) && wordCount(text) <= 12)
    return true;
  const before = body.slice(Math.max(pStart, c.openAt - 40), c.openAt);
  if (WORK_BEFORE.test(before) && wordCount(text) <= 12) return true;
  // A show or publication: a title after "on" or after an owner's name.
  return isTitleLike(text) && wordCount(text) <= 6 && /(?:\bon|\b\p{Lu}[\p{L}.&-]*['’]s)\s*$/u.test(before);
}

// How far an uncued quote looks back for the reported speech it echoes, and how much of each it compares.
const ECHO_SENTENCES = 8;
const ECHO_REPORTS = 12;
const ECHO_CHARS = 300;
const ECHO_STOP = new Set(
  "that this with have been will would their there they what which about from were into than then them these those because before after while over also more most some such only very just like said says year years time people make made going want think know does could should here when where your ours both".split(
    " ",
  ),
);

/** Lower-case words of four letters or more, a plural s dropped, without the commonest ones. */
function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const w of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) if (!ECHO_STOP.has(w)) words.add(w.replace(/(?<=[^s])s$/, ""));
  return words;
}

/** Full quote or fragment, judged by what stands before the opening mark. */
// Reads backwards from the opening mark only as far as it needs (trailing whitespace, the last word), never the
// whole paragraph before it: a long paragraph of many quotes would be read once per quote.
function judgeKind(body: string, pStart: number, openAt: number, text: string): "FULL" | "FRAGMENT" {
  const end = trimEndBefore(body, pStart, openAt);
  if (end === pStart) return "FULL";
  const last = body.charAt(end - 1);
  if (/[.!?:;([—–―-]/.test(last)) return "FULL";
  // A stop before a closing mark: ."  ,”  !’
  if (/["”’]/.test(last)) return end - 2 >= pStart && /[.!?,]/.test(body.charAt(end - 2)) ? "FULL" : "FRAGMENT";
  const startsUpper = /^\p{Lu}/u.test(text);
  if (last === ",") {
    const prevWord = letterRunEndingAt(body, pStart, trimEndBefore(body, pStart, end - 1)).toLowerCase();
    if (isCueWord(prevWord) || startsUpper) return "FULL";
    return "FRAGMENT";
  }
  const prevWord = letterRunEndingAt(body, pStart, end).toLowerCase();
  if (
    startsUpper &&
    (isCueWord(prevWord) ||
      /^(?:that|reporters|us|him|her|them|me|audience|crowd|supporters|interviewer|cnn|fox|nbc|abc|cbs|msnbc)$/.test(prevWord))
  )
    return "FULL";
  return "FRAGMENT";
}

/** Short Title Case text without sentence punctuation: a title, a slogan or a name. */
function isTitleLike(text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (!words.length || words.length > 10) return false;
  if (/[.!?]$/.test(text.trim()) && words.length > 3) return false;
  const content = words.filter((w) => w.length > 3);
  if (!content.length) return false;
  return content.every((w) => /^\p{Lu}/u.test(w));
}

/** Where the text between `floor` and `end` ends once trailing whitespace is dropped. */
function trimEndBefore(body: string, floor: number, end: number): number {
  let e = end;
  while (e > floor && /\s/.test(body.charAt(e - 1))) e--;
  return e;
}

const LETTER = /^\p{L}$/u;

/** The run of letters (\p{L}, by code point) that ends at `end`, not reaching before `floor`; "" when none. */
function letterRunEndingAt(body: string, floor: number, end: number): string {
  let s = end;
  while (s > floor) {
    const low = body.charCodeAt(s - 1);
    const pair =
      low >= 0xdc00 && low <= 0xdfff && s - 2 >= floor && body.charCodeAt(s - 2) >= 0xd800 && body.charCodeAt(s - 2) <= 0xdbff;
    const width = pair ? 2 : 1;
    if (!LETTER.test(body.slice(s - width, s))) break;
    s -= width;
  }
  return body.slice(s, end);
}

/** Paragraph bounds by binary search over the body's newlines, as lastIndexOf / indexOf would find them. */
function lineIndex(body: string) {
  const newlines: number[] = [];
  for (let i = body.indexOf("\n"); i >= 0; i = body.indexOf("\n", i + 1)) newlines.push(i);
  /** First index in `newlines` holding a value >= offset. */
  const firstAtOrAfter = (offset: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    /** body.lastIndexOf("\n", offset): a negative offset searches from 0, like lastIndexOf. */
    lastNewlineAtOrBefore(offset: number): number {
      const k = firstAtOrAfter(Math.max(offset, 0) + 1) - 1;
      return k >= 0 ? (newlines[k] as number) : -1;
    },
    /** body.indexOf("\n", offset). */
    firstNewlineAtOrAfter(offset: number): number {
      const k = firstAtOrAfter(Math.max(offset, 0));
      return k < newlines.length ? (newlines[k] as number) : -1;
    },
  };
}

/** A binary min-heap of numbers. */
class MinHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): number {
    return this.items[0] as number;
  }
  push(value: number): void {
    const items = this.items;
    let i = items.push(value) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as number) <= value) break;
      items[i] = items[parent] as number;
      i = parent;
    }
    items[i] = value;
  }
  pop(): number {
    const items = this.items;
    const top = items[0] as number;
    const last = items.pop() as number;
    if (items.length) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && (items[right] as number) < (items[left] as number) ? right : left;
        if ((items[child] as number) >= last) break;
        items[i] = items[child] as number;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
