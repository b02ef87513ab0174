// Within-article coreference for "he"/"she" and definite role nouns ("the actress", "the Russian President").
// Every reference to a person is resolved in reading order, so a pronoun can lean on an earlier pronoun
// ("The actress said ... She appeared to ... 'X,' she said"). Scoring is salience-based: recency, being the
// subject of a sentence or the speaker of a speech verb, having just been introduced by full name, and gender.
import type { EntityCluster, EntityIndex } from "../entities/extract.ts";
import { type Gender, ROLE_NOUNS, TITLE_WORDS } from "../entities/lexicon.ts";
import { parseRole, type RoleInfo, roleFit } from "../entities/roles.ts";
import type { Token } from "../entities/tokens.ts";
import { CUE_ADVERBS, isCueWord } from "./cues.ts";

export interface Ref {
  kind: "NAME" | "PRONOUN" | "ROLE";
  firstToken: number;
  lastToken: number;
  start: number;
  sentence: number;
  /** Inside quote marks: the words of a speaker, weak evidence for narration. */
  quoted: boolean;
  /** The person it refers to, once resolved. */
  cluster: EntityCluster | null;
  gender: Gender | null;
  role: RoleInfo | null;
  /** Introduces a person by full name (first mention, two words or more). */
  introduces: boolean;
  /** Subject or speaker of a speech verb ("McLenney said", "said Leslie Wimes", "she said"). */
  cueSubject: boolean;
  /** How sure the resolution is, 0..1 (names: 1). */
  confidence: number;
}

export interface CorefResult {
  refs: Ref[];
  /** Ref starting at a token index. */
  refAtToken: Map<number, Ref>;
}

const DEFINITE = new Set(["the"]);
// Object and possessive pronouns join the chain too: "Asked about her own vote ..., she replied".
const PRONOUN_GENDER = new Map<string, Gender>([
  ["he", "male"],
  ["him", "male"],
  ["his", "male"],
  ["himself", "male"],
  ["she", "female"],
  ["her", "female"],
  ["hers", "female"],
  ["herself", "female"],
]);
const ROLE_MODIFIER_MAX = 4;

function isCueSubjectAt(tokens: Token[], first: number, last: number): boolean {
  let j = last + 1;
  while (j < tokens.length && j <= last + 2 && CUE_ADVERBS.has((tokens[j] as Token).lower)) j++;
  const next = tokens[j];
  const firedBack = next && /^(?:shot|fired|hit|pushed|struck)$/.test(next.lower) && tokens[j + 1]?.lower === "back";
  if (
    next &&
    (isCueWord(next.lower) || firedBack) &&
    !(tokens[last] as Token).possessive &&
    !/[.,;:!?]/.test((tokens[j - 1] as Token).gapAfter)
  )
    return true;
  const prev = tokens[first - 1];
  if (prev && isCueWord(prev.lower) && /^\s+$/.test(prev.gapAfter)) return true;
  // 'said Clinton’s communications director, Jennifer Palmieri': the name after the speaker's description.
  if (prev && /^,\s+$/.test(prev.gapAfter)) {
    for (let j = first - 2; j >= 0 && j >= first - 8; j--) {
      const t = tokens[j] as Token;
      if (isCueWord(t.lower) && /^\s+$/.test(t.gapAfter)) return true;
      if (!/^\s+$/.test(t.gapAfter) || (t.cap && !t.possessive)) break;
    }
  }
  return false;
}

export function resolveReferences(
  index: EntityIndex,
  insideQuote: (offset: number) => boolean,
  /** People who are never referred to as "he" or "she" in the story: the writers. */
  excluded: ReadonlySet<EntityCluster> = new Set(),
): CorefResult {
  const { tokens, mentions, clusters } = index;
  const refs: Ref[] = [];
  const personTokens = new Set<number>();
  for (const m of mentions) {
    if (m.kind !== "PERSON" || m.entity < 0) continue;
    const c = clusters[m.entity] as EntityCluster;
    if (excluded.has(c)) continue;
    for (let j = m.firstToken; j <= m.lastToken; j++) personTokens.add(j);
    if (m.possessive) {
      // "Clinton’s communications director": the owner, not the one acting; still a mention for recency.
      refs.push({
        kind: "NAME",
        firstToken: m.firstToken,
        lastToken: m.lastToken,
        start: m.start,
        sentence: m.sentence,
        quoted: insideQuote(m.start),
        cluster: c,
        gender: null,
        role: null,
        introduces: false,
        cueSubject: false,
        confidence: 0.6,
      });
      continue;
    }
    refs.push({
      kind: "NAME",
      firstToken: m.firstToken,
      lastToken: m.lastToken,
      start: m.start,
      sentence: m.sentence,
      quoted: insideQuote(m.start),
      cluster: c,
      gender: null,
      role: null,
      introduces: c.mentions[0] === m && m.firstToken < m.lastToken,
      cueSubject: isCueSubjectAt(tokens, m.firstToken, m.lastToken),
      confidence: 1,
    });
  }
  for (const t of tokens) {
    const gender = PRONOUN_GENDER.get(t.lower);
    if (!gender) continue;
    if (insideQuote(t.start)) continue;
    refs.push({
      kind: "PRONOUN",
      firstToken: t.i,
      lastToken: t.i,
      start: t.start,
      sentence: index.sentenceAt(t.start),
      quoted: false,
      cluster: null,
      gender,
      role: null,
      introduces: false,
      cueSubject: isCueSubjectAt(tokens, t.i, t.i),
      confidence: 0,
    });
  }
  // Definite role nouns: "the actress", "the Russian President", "the former secretary of state".
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (!DEFINITE.has(t.lower) || insideQuote(t.start)) continue;
    let head = -1;
    for (let j = k + 1; j <= k + ROLE_MODIFIER_MAX + 1 && j < tokens.length; j++) {
      const w = tokens[j] as Token;
      if (!/^ $/.test((tokens[j - 1] as Token).gapAfter)) break;
      if (personTokens.has(j)) break;
      if (ROLE_NOUNS.has(w.lower) || TITLE_WORDS.has(w.lower)) head = j;
      else if (head >= 0) break;
      if (/[,.;:!?]/.test(w.gapAfter)) break;
    }
    if (head < 0) continue;
    // A title before a name is part of that name's mention ("the Russian President Vladimir Putin").
    if (personTokens.has(head + 1) && /^ $/.test((tokens[head] as Token).gapAfter)) continue;
    const phrase = index.body.slice((tokens[k + 1] as Token).start, (tokens[head] as Token).end);
    const role = parseRole(phrase);
    if (!role) continue;
    refs.push({
      kind: "ROLE",
      firstToken: k,
      lastToken: head,
      start: t.start,
      sentence: index.sentenceAt(t.start),
      quoted: false,
      cluster: null,
      gender: role.gender,
      role,
      introduces: false,
      cueSubject: isCueSubjectAt(tokens, k, head),
      confidence: 0,
    });
    k = head;
  }
  refs.sort((a, b) => a.start - b.start);

  // The subject of a sentence: its first reference, when that stands at the start. After a fronted clause
  // ("Asked about the event that Clinton faces, she replied") the first name is not the subject.
  const firstRefOfSentence = new Map<number, Ref>();
  let sentenceToken = 0;
  for (const r of refs) {
    if (r.quoted || firstRefOfSentence.has(r.sentence)) continue;
    const sentence = index.sentences[r.sentence];
    if (!sentence) continue;
    while (sentenceToken < tokens.length && (tokens[sentenceToken] as Token).start < sentence.start) sentenceToken++;
    while (sentenceToken > 0 && (tokens[sentenceToken - 1] as Token).start >= sentence.start) sentenceToken--;
    let words = 0;
    for (let j = sentenceToken; j < r.firstToken && words < 6; j++) if (!insideQuote((tokens[j] as Token).start)) words++;
    if (words <= 4) firstRefOfSentence.set(r.sentence, r);
    else firstRefOfSentence.set(r.sentence, { ...r, firstToken: -1 });
  }

  // Each person's latest reference so far, and the people each role fits: kept as the references are read in
  // order, so that a role noun costs no walk over every earlier reference and every person (an article of
  // thousands of presidents each followed by "the president said" took seconds per thousand).
  const latestRef = new Map<EntityCluster, number>();
  const fitsByRole = new Map<string, EntityCluster[]>();
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i] as Ref;
    if (r.kind === "ROLE") {
      const role = r.role as RoleInfo;
      const key = JSON.stringify(role);
      let fits = fitsByRole.get(key);
      if (!fits) {
        fits = bestFitting(role, clusters).filter((c) => !excluded.has(c));
        fitsByRole.set(key, fits);
      }
      const c = resolveRole(fits, refs, i, latestRef, firstRefOfSentence);
      if (c) {
        r.cluster = c;
        r.confidence = 0.75;
        if (!r.gender && c.gender) r.gender = c.gender;
      }
    } else if (r.kind !== "NAME") {
      const resolved = resolvePronoun(refs, i, firstRefOfSentence);
      if (resolved) {
        r.cluster = resolved.cluster;
        r.confidence = resolved.confidence;
      }
    }
    if (r.cluster) latestRef.set(r.cluster, i);
  }

  const refAtToken = new Map<number, Ref>();
  for (const r of refs) for (let j = r.firstToken; j <= r.lastToken; j++) if (!refAtToken.has(j)) refAtToken.set(j, r);
  return { refs, refAtToken };
}

function resolvePronoun(
  refs: Ref[],
  i: number,
  firstRefOfSentence: Map<number, Ref>,
): { cluster: EntityCluster; confidence: number } | null {
  const r = refs[i] as Ref;
  const scores = new Map<EntityCluster, number>();
  const laterInSentence = new Set<string>();
  const latestSentence = new Map<EntityCluster, number>();
  // Six sentences back, and no more than PRONOUN_LOOKBACK references: text that never ends a sentence would
  // otherwise be read back to its start for every pronoun in it.
  for (let j = i - 1; j >= 0 && i - j <= PRONOUN_LOOKBACK; j--) {
    const m = refs[j] as Ref;
    const distance = r.sentence - m.sentence;
    if (distance > 6) break;
    const lastInSentence = !laterInSentence.has(String(m.sentence));
    if (!m.quoted) laterInSentence.add(String(m.sentence));
    const c = m.cluster;
    if (!c) continue;
    // A person counts with their most prominent reference in the latest sentence that has them: "He met his
    // husband, Daniel Ortiz" keeps the subject "He", not the later possessive "his".
    const seenIn = latestSentence.get(c);
    if (seenIn !== undefined && (seenIn !== m.sentence || scores.get(c) === Number.NEGATIVE_INFINITY)) continue;
    latestSentence.set(c, m.sentence);
    if (c.gender && c.gender !== r.gender) {
      scores.set(c, Number.NEGATIVE_INFINITY);
      continue;
    }
    let score = distance === 0 ? 6 : distance === 1 ? 5 : distance === 2 ? 2.5 : distance === 3 ? 1.5 : 1 - 0.3 * (distance - 3);
    // What made a reference prominent counts less the further back it is.
    const weight = distance <= 1 ? 1 : distance === 2 ? 0.5 : 0.3;
    let prominence = 0;
    if (firstRefOfSentence.get(m.sentence) === m) prominence += distance === 0 ? 4.5 : 2;
    // A pronoun subject continues the topic (centering): the next "he" goes on with it, before a newcomer.
    if (firstRefOfSentence.get(m.sentence) === m && m.kind === "PRONOUN") prominence += 1.5;
    if (m.cueSubject) prominence += 2;
    if (m.introduces) prominence += 1.5;
    if (lastInSentence && distance > 0) prominence += 1;
    score += weight * prominence;
    if (c.gender === r.gender) score += 1.5;
    else score -= 1.5;
    if (m.quoted) score -= 4;
    // An unsure earlier resolution passes on less.
    if (m.kind !== "NAME") score -= (1 - m.confidence) * 2;
    score += Math.min(1, c.mentions.length / 5);
    const had = scores.get(c);
    if (had === undefined || score > had) scores.set(c, score);
  }
  let best: EntityCluster | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (const [c, s] of scores) {
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = c;
    } else if (s > second) second = s;
  }
  if (!best || bestScore === Number.NEGATIVE_INFINITY) return null;
  const margin = second === Number.NEGATIVE_INFINITY ? 4 : bestScore - second;
  return { cluster: best, confidence: Math.min(0.85, 0.5 + margin / 10) };
}

// Far more references than six real sentences hold (a few dozen).
const PRONOUN_LOOKBACK = 300;

// More people than this fitting a role equally well: the role says nothing about who is meant.
const MAX_ROLE_CONTENDERS = 64;

/** The people a role fits best, in the order of the clusters. Several fit "the senator" with two senators named. */
function bestFitting(role: RoleInfo, clusters: EntityCluster[]): EntityCluster[] {
  const fits = new Map<EntityCluster, number>();
  for (const c of clusters) {
    if (c.kind !== "PERSON") continue;
    let fit = 0;
    for (const attached of c.roles) fit = Math.max(fit, roleFit(role, attached, c.countries));
    if (fit) fits.set(c, fit);
  }
  if (!fits.size) return [];
  const best = Math.max(...fits.values());
  return [...fits].filter(([, f]) => f === best).map(([c]) => c);
}

function resolveRole(
  contenders: EntityCluster[],
  refs: Ref[],
  i: number,
  latestRef: Map<EntityCluster, number>,
  firstRefOfSentence: Map<number, Ref>,
): EntityCluster | null {
  const r = refs[i] as Ref;
  if (!contenders.length || contenders.length > MAX_ROLE_CONTENDERS) return null;
  if (contenders.length === 1) return contenders[0] as EntityCluster;
  // Between equal fits, the more salient: the one referred to last, and prominently.
  let chosen: EntityCluster | null = null;
  let chosenScore = Number.NEGATIVE_INFINITY;
  for (const c of contenders) {
    let score = -100;
    // The person's latest reference before this one.
    const j = latestRef.get(c);
    if (j !== undefined && j < i) {
      const m = refs[j] as Ref;
      const distance = r.sentence - m.sentence;
      score = 6 - Math.min(distance, 10) * 0.8;
      if (firstRefOfSentence.get(m.sentence) === m) score += 1;
      if (m.cueSubject) score += 1.5;
      if (m.quoted) score -= 3;
    }
    if (score > chosenScore) {
      chosenScore = score;
      chosen = c;
    }
  }
  return chosen;
}
