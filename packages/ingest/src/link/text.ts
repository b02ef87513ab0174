// Turns an article into the weighted terms event clustering compares. Pure and deterministic: the same
// document always yields the same terms, so a rebuilt index agrees with the online one.

import { porterStem } from "./porter.ts";
import type { PrecomputedTerms } from "./types.ts";

/** Words that say nothing about which happening an article reports. */
const STOPWORDS = new Set(
  (
    "a about above according across after afterwards again against ago all almost alone along already also although " +
    "always am among amid an and another any anyone anything anyway are aren around as at back be became because " +
    "become becomes been before being below beside besides between beyond both but by can cannot could couldn did " +
    "didn do does doesn doing don done down during each either else elsewhere enough etc even ever every everyone " +
    "everything except far few first for former formerly from further had hadn has hasn have haven having he hence her " +
    "here hers herself him himself his how however i if in including inside instead into is isn it its itself just " +
    "last later latest least less let like likely ll made make makes many may maybe me meanwhile might mine more " +
    "moreover most mostly mr mrs ms much must my myself near nearly neither never nevertheless next no nobody none " +
    "nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out " +
    "over own per perhaps please quite rather re really s said same say saying says see seem seemed seems several " +
    "shall she should shouldn since so some somehow someone something sometime sometimes somewhere soon still such " +
    "t than that the their theirs them themselves then there thereafter thereby therefore these they thing things " +
    "this those though through throughout thus to together told too toward towards under until up upon us use used " +
    "using ve very via was wasn way we well were weren what whatever when whenever where whereas whether which while " +
    "who whoever whole whom whose why will with within without won would wouldn yet you your yours yourself " +
    "yourselves " +
    // Newsroom filler: reporting verbs, time words and counts that every story uses.
    "announced added asked called comes continue continued day days did does going get gets getting got including " +
    "know known look looks new news now people put report reported reporter reporters reports said saying statement " +
    "take taking time times today tonight week weeks weekend " +
    "year years yesterday month months morning afternoon evening night two three four five six seven eight nine ten " +
    "want wants wanted went come came tell telling think go goes like just lot many recent recently early earlier " +
    "expected set told year's according"
  ).split(/\s+/),
);

/** British spellings whose American form the stemmer would not reach on its own. */
const BRITISH_WORDS = new Map(
  (
    "colour:color favour:favor favourite:favorite labour:labor honour:honor behaviour:behavior neighbour:neighbor " +
    "rumour:rumor harbour:harbor humour:humor endeavour:endeavor vapour:vapor centre:center theatre:theater " +
    "metre:meter litre:liter defence:defense offence:offense licence:license programme:program travelled:traveled " +
    "travelling:traveling cancelled:canceled cancelling:canceling modelling:modeling counselling:counseling " +
    "labelled:labeled fuelled:fueled signalled:signaled jewellery:jewelry cheque:check grey:gray tyre:tire " +
    "aluminium:aluminum analyse:analyze analysed:analyzed paralyse:paralyze catalyse:catalyze manoeuvre:maneuver " +
    "paediatric:pediatric anaemia:anemia oestrogen:estrogen foetus:fetus sceptic:skeptic sceptical:skeptical " +
    "plough:plow kerb:curb storey:story pyjamas:pajamas judgement:judgment enrolment:enrollment fulfil:fulfill"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);
/** Words in -ise that are not the British form of an -ize verb. */
const ISE_NOT_IZE =
  /^(advertis|advis|apprais|aris|chastis|compris|compromis|concis|demis|despis|devis|disguis|enterpris|excis|exercis|expertis|franchis|improvis|incis|merchandis|precis|premis|promis|revis|supervis|surmis|surpris|televis|otherwis|likewis|clockwis|rais|prais|pois|cruis|bruis|nois|treatis|paradis|repris|circumcis|exorcis|rais|uprais|malais|mortis)/;

/** The American spelling of a lower-cased word ("recognised" -> "recognized"), so outlets on both sides agree. */
export function americanize(word: string): string {
  const listed = BRITISH_WORDS.get(word);
  if (listed) return listed;
  const m = /^(\p{L}{4,})is(e|es|ed|ing|ation|ations|er|ers)$/u.exec(word);
  if (m && !ISE_NOT_IZE.test(word)) return `${m[1]}iz${m[2]}`;
  return word;
}

const WORD_RE = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu;

export function foldText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘]/g, "'");
}

/** Word forms repeat (Zipf): normalising each distinct form once saves most of the stemming. */
const normalized = new Map<string, string | null>();
const NORMALIZED_CACHE_SIZE = 50_000;

/** A token as the index keys it: lower-cased, stemmed, numbers without thousands separators. */
export function normalizeToken(raw: string): string | null {
  const cached = normalized.get(raw);
  if (cached !== undefined) return cached;
  if (normalized.size >= NORMALIZED_CACHE_SIZE) normalized.clear();
  const term = normalizeUncached(raw);
  normalized.set(raw, term);
  return term;
}

function normalizeUncached(raw: string): string | null {
  let t = raw.toLowerCase();
  if (/^\d/.test(t)) {
    t = t.replace(/,(?=\d{3}\b)/g, "");
    // A single digit links unrelated stories; days of month, amounts ("$26 billion") and years stay.
    if (/^\d$/.test(t)) return null;
    return t;
  }
  t = t.replace(/'s$/, "").replace(/'/g, "");
  if (t === "u.s" || t === "u.s.a") return "usa";
  if (t === "u.k") return "uk";
  t = t.replace(/\./g, "");
  if (t.length < 2 || STOPWORDS.has(t)) return null;
  return porterStem(americanize(t));
}

export interface TokenOccurrence {
  /** Normalised term. */
  term: string;
  /** Index of the word in its text, stopwords included (for position weighting). */
  position: number;
  /** Capitalised and not the first word of a sentence: likely part of a name. */
  proper: boolean;
  /** True when the previous kept token is adjacent, i.e. a bigram with it reads as a phrase. */
  followsKept: boolean;
}

export function tokenize(text: string): TokenOccurrence[] {
  const out: TokenOccurrence[] = [];
  const folded = foldText(text);
  let words = 0;
  let capitalisedWords = 0;
  let position = 0;
  let lastKeptPosition = -2;
  let sentenceStart = true;
  let lastEnd = 0;
  for (const m of folded.matchAll(WORD_RE)) {
    const raw = m[0];
    const start = m.index ?? 0;
    words++;
    const capitalised = CAPITALISED.test(raw);
    if (capitalised) capitalisedWords++;
    // Punctuation between words breaks a phrase; a sentence end also resets capitalisation evidence. Most gaps
    // are one space, which does neither.
    let phraseBreak = false;
    if (start - lastEnd !== 1 || folded.charCodeAt(lastEnd) !== 32) {
      const gap = folded.slice(lastEnd, start);
      phraseBreak = /[.!?;:,"()—–]|\s-\s/.test(gap);
      if (/[.!?]\s|[.!?]["”']?\s|\n/.test(gap)) sentenceStart = true;
    }
    lastEnd = start + raw.length;
    const term = normalizeToken(raw);
    if (term !== null) {
      out.push({
        term,
        position,
        proper: !sentenceStart && capitalised,
        followsKept: lastKeptPosition === position - 1 && !phraseBreak,
      });
      lastKeptPosition = position;
    }
    sentenceStart = false;
    position++;
  }
  // In Title Case Headlines capitals say nothing about names.
  if (words >= 4 && capitalisedWords / words > 0.6) for (const tok of out) tok.proper = false;
  return out;
}

const CAPITALISED = /^\p{Lu}/u;

export interface FeatureOptions {
  /** Weight of a title word relative to a lead word. */
  titleWeight: number;
  /** Words of body after which weights decay; leads carry the happening, later paragraphs background. */
  leadWords: number;
  /** Words of body read at all. */
  maxBodyWords: number;
  /** Weight of adjacent-word phrases relative to single words. */
  bigramWeight: number;
  /** Extra factor for words that look like parts of names. */
  properBoost: number;
  /** Weight of a named entity given by the extractor, per mention. */
  entityWeight: number;
  /** Damp repeated words (1 + ln tf) rather than counting them linearly. */
  sublinearTf: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  titleWeight: 2,
  leadWords: 120,
  maxBodyWords: 600,
  bigramWeight: 0.3,
  properBoost: 1,
  entityWeight: 1,
  sublinearTf: true,
};

export interface EntityRef {
  kind: string;
  name: string;
}

export function entityKey(e: EntityRef): string {
  const name = foldText(e.name)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return `${e.kind.toUpperCase()}:${name}`;
}

/** Term -> raw weight (before IDF). Bigrams are keyed "a_b"; given entities "@KIND:name". */
export type TermWeights = Map<string, number>;

function addTerms(target: TermWeights, tokens: TokenOccurrence[], weightAt: (position: number) => number, o: FeatureOptions) {
  let prev: TokenOccurrence | null = null;
  for (const tok of tokens) {
    const w = weightAt(tok.position);
    if (w <= 0) break;
    const boost = tok.proper ? o.properBoost : 1;
    target.set(tok.term, (target.get(tok.term) ?? 0) + w * boost);
    if (prev && tok.followsKept && o.bigramWeight > 0) {
      const bigram = `${prev.term}_${tok.term}`;
      target.set(bigram, (target.get(bigram) ?? 0) + w * o.bigramWeight);
    }
    prev = tok;
  }
}

/**
 * Raw term weights of a document: title words count titleWeight, body words 1 through the lead and then less.
 * Counts are damped (1 + ln tf) so one word repeated does not dominate.
 */
export function documentTerms(
  title: string | null,
  body: string,
  entities: EntityRef[] | undefined,
  o: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
): TermWeights {
  const counts: TermWeights = new Map();
  if (title) addTerms(counts, tokenize(title), () => o.titleWeight, o);
  // A body that repeats the title as its first line would count the title twice.
  let text = body;
  if (
    title &&
    foldText(body.slice(0, title.length + 5))
      .trim()
      .startsWith(foldText(title).trim())
  ) {
    text = body.slice(body.indexOf(title) + title.length);
  }
  const bodyTokens = tokenize(text.length > o.maxBodyWords * 12 ? text.slice(0, o.maxBodyWords * 12) : text);
  addTerms(counts, bodyTokens, (p) => (p >= o.maxBodyWords ? 0 : p < o.leadWords ? 1 : o.leadWords / (p + 1)), o);
  if (entities && o.entityWeight > 0) {
    for (const e of entities) {
      const k = `@${entityKey(e)}`;
      counts.set(k, (counts.get(k) ?? 0) + o.entityWeight);
    }
  }
  if (!o.sublinearTf) return counts;
  const damped: TermWeights = new Map();
  for (const [t, c] of counts) damped.set(t, c >= 1 ? 1 + Math.log(c) : c);
  return damped;
}

/** Identifies a feature configuration, so terms computed elsewhere are used only with the same one. */
export const featuresKey = (o: FeatureOptions) => JSON.stringify(o);

/** documentTerms() with the default features, tagged for ClusterDoc.terms (run on an extraction thread). */
export function precomputeTerms(title: string | null, body: string, entities: EntityRef[]): PrecomputedTerms {
  return { features: featuresKey(DEFAULT_FEATURE_OPTIONS), weights: documentTerms(title, body, entities) };
}

/** Content words of a title, for choosing readable titles and matching mentions. */
export function titleTerms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}
