// Roles: what the article calls a person ("Russian President", "Japan's chief cabinet secretary", "the Japanese
// leader") parsed into a country, a head noun and the rest, so a role noun can be matched to the person it was
// attached to.
import { lookupDemonym, lookupGazetteer, memo } from "./gazetteer.ts";
import { GENDERED_ROLE_WORDS, type Gender, HONORIFICS, ROLE_NOUNS } from "./lexicon.ts";

export interface RoleInfo {
  /** Normalised role text: lower case, country possessives as demonyms: "japanese chief cabinet secretary". */
  text: string;
  /** The head noun phrase, canonical: "president", "prime minister", "chief cabinet secretary". */
  head: string;
  /** Equivalence class of the head: "leader", "lawmaker", "spokesperson", "candidate", or the head itself. */
  headClass: string;
  /** Country named by the role ("Russian President" -> Russia). */
  country: string | null;
  /** Party or organisation words ("republican", "kremlin", "white house"). */
  qualifiers: string[];
  former: boolean;
  gender: Gender | null;
}

// Multi-word heads first; matched at the end of the role phrase.
const HEADS: [string, string][] = [
  ["prime minister", "leader"],
  ["deputy prime minister", "minister"],
  ["vice president", "vice president"],
  ["vice-president", "vice president"],
  ["president-elect", "president-elect"],
  ["secretary of state", "minister"],
  ["secretary-general", "secretary-general"],
  ["secretary general", "secretary-general"],
  ["chief cabinet secretary", "spokesperson"],
  ["press secretary", "spokesperson"],
  ["attorney general", "minister"],
  ["foreign minister", "minister"],
  ["defense minister", "minister"],
  ["defence minister", "minister"],
  ["finance minister", "minister"],
  ["chief of staff", "chief of staff"],
  ["head of state", "leader"],
  ["supreme leader", "leader"],
  ["majority leader", "lawmaker"],
  ["minority leader", "lawmaker"],
  ["house speaker", "lawmaker"],
  ["first lady", "first lady"],
  ["chief executive", "executive"],
  ["presidential nominee", "candidate"],
  ["presidential candidate", "candidate"],
  ["member of parliament", "lawmaker"],
  ["president", "leader"],
  ["premier", "leader"],
  ["chancellor", "leader"],
  ["leader", "leader"],
  ["king", "leader"],
  ["queen", "leader"],
  ["emperor", "leader"],
  ["monarch", "leader"],
  ["ruler", "leader"],
  ["strongman", "leader"],
  ["senator", "lawmaker"],
  ["sen", "lawmaker"],
  ["representative", "lawmaker"],
  ["rep", "lawmaker"],
  ["congressman", "lawmaker"],
  ["congresswoman", "lawmaker"],
  ["lawmaker", "lawmaker"],
  ["legislator", "lawmaker"],
  ["mp", "lawmaker"],
  ["spokesman", "spokesperson"],
  ["spokeswoman", "spokesperson"],
  ["spokesperson", "spokesperson"],
  ["nominee", "candidate"],
  ["candidate", "candidate"],
  ["contender", "candidate"],
  ["minister", "minister"],
  ["secretary", "minister"],
  ["governor", "governor"],
  ["gov", "governor"],
  ["mayor", "mayor"],
  ["ambassador", "diplomat"],
  ["envoy", "diplomat"],
  ["diplomat", "diplomat"],
  ["chairman", "chair"],
  ["chairwoman", "chair"],
  ["chair", "chair"],
  ["ceo", "executive"],
];
const HEAD_CLASS = new Map(HEADS);
const HEADS_BY_LENGTH = [...HEAD_CLASS.keys()].sort((a, b) => b.length - a.length);

const CANONICAL_HEAD: Record<string, string> = {
  sen: "senator",
  rep: "representative",
  gov: "governor",
  "vice-president": "vice president",
  "secretary general": "secretary-general",
};

/** "Japan's chief cabinet secretary" -> "japanese chief cabinet secretary"; "U.S." -> "american". */
export function normalizeRoleText(raw: string): string {
  const words = raw
    .replace(/[’]/g, "'")
    .replace(/^(?:the|a|an)\s+/i, "")
    .split(/\s+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const w of words) {
    const bare = w.replace(/'s$/i, "").replace(/,$/, "");
    if (/^\p{Lu}/u.test(bare)) {
      const country = lookupDemonym(bare);
      if (country) {
        out.push((country.demonyms[0] ?? country.name).toLowerCase());
        continue;
      }
    }
    out.push(bare.toLowerCase().replace(/\.$/, ""));
  }
  return out.join(" ").replace(/\s+/g, " ").trim();
}

/** Parses a role phrase; null when it has no known head noun. */
export const parseRole: (raw: string) => RoleInfo | null = memo(parseRoleUncached);

function parseRoleUncached(raw: string): RoleInfo | null {
  const text = normalizeRoleText(raw);
  if (!text) return null;
  let head: string | null = null;
  for (const h of HEADS_BY_LENGTH) {
    if (text === h || text.endsWith(` ${h}`)) {
      head = h;
      break;
    }
  }
  if (!head) {
    // A head in the middle: "secretary of state for ..." or "president of the company".
    for (const h of HEADS_BY_LENGTH) {
      if (new RegExp(`(?:^| )${h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?: |$)`).test(text)) {
        head = h;
        break;
      }
    }
  }
  if (!head) {
    // Any other role noun heads its phrase: "actress", "economist", "widow".
    const words = text.split(" ");
    for (let i = words.length - 1; i >= 0; i--) {
      if (ROLE_NOUNS.has(words[i] as string)) {
        head = words[i] as string;
        break;
      }
    }
  }
  if (!head) return null;
  const words = text.split(" ");
  let country: string | null = null;
  const qualifiers: string[] = [];
  for (const w of words) {
    if (head.split(" ").includes(w)) continue;
    const c = lookupDemonym(w.charAt(0).toUpperCase() + w.slice(1));
    if (c && !country) country = c.name;
    else if (w !== "former" && w !== "the" && w !== "of") qualifiers.push(w);
  }
  const canonicalHead = CANONICAL_HEAD[head] ?? head;
  let gender: Gender | null = null;
  for (const w of words) {
    const g = GENDERED_ROLE_WORDS.get(w) ?? (HONORIFICS.has(w) ? HONORIFICS.get(w) : undefined);
    if (g) gender = g;
  }
  return {
    text,
    head: canonicalHead,
    headClass: HEAD_CLASS.get(head) ?? head,
    country,
    qualifiers,
    former: words.includes("former") || words.includes("then"),
    gender,
  };
}

/**
 * How well a role noun the article uses ("the Japanese leader") fits a role attached to a person
 * ("japanese prime minister"): 0 = not at all, 1 = same class, 2 = same head; country and qualifiers must agree.
 */
export function roleFit(noun: RoleInfo, attached: RoleInfo, personCountries: ReadonlySet<string>): number {
  if (noun.former !== attached.former && noun.former) return 0;
  let fit = 0;
  if (noun.head === attached.head) fit = 2;
  else if (
    noun.headClass === attached.headClass &&
    (noun.head === "leader" || attached.head === "leader" || noun.headClass !== noun.head)
  )
    fit = 1;
  if (!fit) return 0;
  if (noun.country) {
    const attachedCountry = attached.country;
    if (attachedCountry && attachedCountry !== noun.country) return 0;
    if (!attachedCountry && !personCountries.has(noun.country)) return 0;
  }
  for (const q of noun.qualifiers) {
    if (
      ["top", "senior", "current", "new", "veteran", "longtime", "outgoing", "incumbent", "presidential", "government"].includes(
        q,
      )
    )
      continue;
    if (!attached.qualifiers.includes(q) && !attached.text.includes(q)) return 0;
  }
  return fit;
}

/** Country named by a capitalised word before a name: "Russia’s Putin", "Japanese". */
export function countryOfWord(word: string): string | null {
  const demonym = lookupDemonym(word);
  if (demonym) return demonym.name;
  const entry = lookupGazetteer(word);
  return entry?.country ?? null;
}
