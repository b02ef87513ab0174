// Language by script, then by counting each language's commonest function words. Crude, but news prose is
// dense with function words, so a few hundred words decide reliably; short or mixed texts return null.

const STOPWORDS: Record<string, string> = {
  en: "the of and to in is that for it on was with as he at by be this are from his but have an has not they said were which or who their will would been had its one",
  de: "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über so zum war haben nur oder aber vor zur bis",
  fr: "le la les de des et en un une du est que qui dans pour pas sur au par plus ne se il ce sont avec elle ont été aux cette son mais comme ou sa leur nous vous",
  es: "el la de que y en los del se las por un para con no una su al es lo como más pero sus le ya o fue este ha sí porque esta son entre cuando muy sin sobre también",
  it: "il di che e la per un in è non una del della le si da sono con gli al ha dei lo come ma anche più alla nel delle questo ci sua suo",
  pt: "o a de que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito nos já está também",
  nl: "de het een van en in is dat op te zijn voor met die niet aan er om ook als dan maar bij of uit nog wel naar heeft door wordt hij ze was",
  ru: "и в не на что с по это как но он из у за о от то для же все так его к бы был она или ее при было только уже мы вы они",
  uk: "і в на що з не та до у як за це від по але його для був також вже які ми ви вони є",
  pl: "i w na z że do nie się to jest o jak po a od za przez tak czy dla jego ale są już jej było może tylko",
  sv: "och i att det som på är av för med till den har de inte om ett han men var jag sig från vi så kan",
  tr: "ve bir bu da de için ile olarak çok daha gibi ama ne kadar olan en sonra ya",
};

const WORD_LANG = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words.split(" ")) {
    const list = WORD_LANG.get(w);
    if (list) list.push(lang);
    else WORD_LANG.set(w, [lang]);
  }
}

// Unicode blocks that name a language outright. Checked by code point in one pass.
const SCRIPTS: [number, number, string][] = [
  [0x3040, 0x30ff, "ja"],
  [0xac00, 0xd7af, "ko"],
  [0x4e00, 0x9fff, "zh"],
  [0x0600, 0x06ff, "ar"],
  [0x0590, 0x05ff, "he"],
  [0x0370, 0x03ff, "el"],
  [0x0e00, 0x0e7f, "th"],
  [0x0900, 0x097f, "hi"],
];

// Function words are dense enough that the first few hundred words decide.
const SAMPLE_CHARS = 2500;

/** ISO 639-1 code, or null when the text is too short or too mixed to say. */
export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const scriptCounts = new Array<number>(SCRIPTS.length).fill(0);
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x41) continue;
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
      continue;
    }
    letters++;
    for (let k = 0; k < SCRIPTS.length; k++) {
      const [lo, hi] = SCRIPTS[k] as [number, number, string];
      if (c >= lo && c <= hi) {
        scriptCounts[k] = (scriptCounts[k] ?? 0) + 1;
        break;
      }
    }
  }
  if (letters < 20) return null;
  // Japanese text is mostly kanji, so kana decide it before the Han count does.
  for (let k = 0; k < SCRIPTS.length; k++) {
    const n = scriptCounts[k] ?? 0;
    const lang = (SCRIPTS[k] as [number, number, string])[2];
    if (lang === "ja" ? n > letters * 0.05 : n > letters * 0.3) return lang;
  }
  const counts = new Map<string, number>();
  let words = 0;
  for (const word of sample.toLowerCase().split(/[^\p{L}']+/u)) {
    if (!word) continue;
    words++;
    const langs = WORD_LANG.get(word);
    if (!langs) continue;
    for (const l of langs) counts.set(l, (counts.get(l) ?? 0) + 1 / langs.length);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < Math.max(2, words * 0.05)) return null;
  if (second && second[1] > best[1] * 0.8 && words < 40) return null;
  if (best[0] === "ru" && /[іїєґ]/i.test(sample)) return "uk";
  return best[0];
}

/** "en-US" -> "en"; null for empty or malformed tags. */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_]|$)/i.exec(tag ?? "");
  return m?.[1] ? m[1].toLowerCase() : null;
}
