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

const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/g, "ja"],
  [/[\uac00-\ud7af]/g, "ko"],
  [/[\u4e00-\u9fff]/g, "zh"],
  [/[\u0600-\u06ff]/g, "ar"],
  [/[\u0590-\u05ff]/g, "he"],
  [/[\u0370-\u03ff]/g, "el"],
  [/[\u0e00-\u0e7f]/g, "th"],
  [/[\u0900-\u097f]/g, "hi"],
];

const SAMPLE_CHARS = 6000;

/** ISO 639-1 code, or null when the text is too short or too mixed to say. */
export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const letters = sample.replace(/[^\p{L}]/gu, "").length;
  if (letters < 20) return null;
  // Japanese text is mostly kanji, so kana decide it before the Han count does.
  for (const [re, lang] of SCRIPTS) {
    const n = sample.match(re)?.length ?? 0;
    if (lang === "ja" ? n > letters * 0.05 : n > letters * 0.3) return lang;
  }
  const counts = new Map<string, number>();
  let words = 0;
  for (const m of sample.toLowerCase().matchAll(/[\p{L}']+/gu)) {
    words++;
    const langs = WORD_LANG.get(m[0]);
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
