// Porter's (1980) English stemmer. Reports of one happening vary their word forms ("charged", "charges",
// "charging"); conflating them matters more for short leads than the stemmer's known over-conflations.

const isConsonantAt = (w: string, i: number): boolean => {
  const c = w[i];
  if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
  if (c === "y") return i === 0 ? true : !isConsonantAt(w, i - 1);
  return true;
};

/** The m of Porter's [C](VC)^m[V] for w[0..end). */
const measure = (w: string, end: number): number => {
  let m = 0;
  let i = 0;
  while (i < end && isConsonantAt(w, i)) i++;
  while (i < end) {
    while (i < end && !isConsonantAt(w, i)) i++;
    if (i >= end) break;
    while (i < end && isConsonantAt(w, i)) i++;
    m++;
  }
  return m;
};

const hasVowel = (w: string, end: number): boolean => {
  for (let i = 0; i < end; i++) if (!isConsonantAt(w, i)) return true;
  return false;
};

const endsDoubleConsonant = (w: string): boolean => {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonantAt(w, n - 1);
};

/** consonant-vowel-consonant at the end, the last not w, x or y ("hop" -> "hope" after "hoping"). */
const endsCvc = (w: string, end: number): boolean => {
  if (end < 3) return false;
  if (!isConsonantAt(w, end - 1) || isConsonantAt(w, end - 2) || !isConsonantAt(w, end - 3)) return false;
  const c = w[end - 1];
  return c !== "w" && c !== "x" && c !== "y";
};

/** Replaces suffix by replacement when the stem before it has measure > minMeasure. */
const replaceIfMeasure = (w: string, suffix: string, replacement: string, minMeasure: number): string | null => {
  if (!w.endsWith(suffix)) return null;
  const stemEnd = w.length - suffix.length;
  return measure(w, stemEnd) > minMeasure ? w.slice(0, stemEnd) + replacement : w;
};

const STEP2: [string, string][] = [
  ["ational", "ate"],
  ["tional", "tion"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["izer", "ize"],
  ["bli", "ble"],
  ["alli", "al"],
  ["entli", "ent"],
  ["eli", "e"],
  ["ousli", "ous"],
  ["ization", "ize"],
  ["ation", "ate"],
  ["ator", "ate"],
  ["alism", "al"],
  ["iveness", "ive"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["aliti", "al"],
  ["iviti", "ive"],
  ["biliti", "ble"],
  ["logi", "log"],
];
const STEP3: [string, string][] = [
  ["icate", "ic"],
  ["ative", ""],
  ["alize", "al"],
  ["iciti", "ic"],
  ["ical", "ic"],
  ["ful", ""],
  ["ness", ""],
];
const STEP4 = [
  "al",
  "ance",
  "ence",
  "er",
  "ic",
  "able",
  "ible",
  "ant",
  "ement",
  "ment",
  "ent",
  "ion",
  "ou",
  "ism",
  "ate",
  "iti",
  "ous",
  "ive",
  "ize",
];

const cache = new Map<string, string>();

export function porterStem(word: string): string {
  if (word.length <= 2) return word;
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let w = word;

  // Step 1a: plurals.
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = w.slice(0, -2);
  else if (!w.endsWith("ss") && w.endsWith("s")) w = w.slice(0, -1);

  // Step 1b: -eed, -ed, -ing.
  let step1bTidy = false;
  if (w.endsWith("eed")) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
  } else if (w.endsWith("ed") && hasVowel(w, w.length - 2)) {
    w = w.slice(0, -2);
    step1bTidy = true;
  } else if (w.endsWith("ing") && hasVowel(w, w.length - 3)) {
    w = w.slice(0, -3);
    step1bTidy = true;
  }
  if (step1bTidy) {
    if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
    else if (endsDoubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w, w.length) === 1 && endsCvc(w, w.length)) w += "e";
  }

  // Step 1c: y -> i after a vowel-bearing stem.
  if (w.endsWith("y") && hasVowel(w, w.length - 1)) w = `${w.slice(0, -1)}i`;

  for (const [suffix, replacement] of STEP2) {
    const r = replaceIfMeasure(w, suffix, replacement, 0);
    if (r !== null) {
      w = r;
      break;
    }
  }
  for (const [suffix, replacement] of STEP3) {
    const r = replaceIfMeasure(w, suffix, replacement, 0);
    if (r !== null) {
      w = r;
      break;
    }
  }
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const stemEnd = w.length - suffix.length;
    if (measure(w, stemEnd) > 1) {
      // -ion only after s or t ("adoption" but not "onion").
      if (suffix !== "ion" || w[stemEnd - 1] === "s" || w[stemEnd - 1] === "t") w = w.slice(0, stemEnd);
    }
    break;
  }

  // Step 5: a final -e and -ll.
  if (w.endsWith("e")) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !endsCvc(w, w.length - 1))) w = w.slice(0, -1);
  }
  if (measure(w, w.length) > 1 && w.endsWith("ll")) w = w.slice(0, -1);

  if (cache.size > 200_000) cache.clear();
  cache.set(word, w);
  return w;
}
