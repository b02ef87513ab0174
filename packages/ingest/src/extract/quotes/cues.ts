// Speech verbs ("cues") with their inflections, as regex sources and a word set.

/** Verbs that introduce speech. Regular ones get -s/-ed/-ing forms generated; irregular forms are listed. */
const REGULAR_CUES = `
  add acknowledge admit advise affirm allege announce answer argue ask assert assure boast
  caution charge chide chime claim comment complain concede conclude confirm contend continue counter
  cry declare decry demand deny describe dismiss echo emphasize emphasise estimate exclaim explain fume
  gush hint insist instruct interject joke lament laugh lecture marvel mock mention muse note object
  observe opine plead pledge point post predict proclaim promise protest quip quote rail rant reason
  recall recount reflect reiterate remark remind repeat reply report respond retort reveal scoff scream
  shout sigh snap sneer sniff speculate state stress suggest summarize tease testify text thunder
  tweet urge vent venture vow warn whisper wonder yell scold gripe grumble bemoan crow chuckle
  wrote blog caution predict recollect inform mutter murmur question estimate maintain
`;
const IRREGULAR_CUES = `
  say says said saying tell tells told telling writes wrote written writing
  go goes went going  put puts putting read reads reading begin begins began beginning
  quip quips quipped quipping admit admits admitted admitting snap snaps snapped snapping
  chide chided chiding plead pleaded pled pleading
`;
/** Cues that name rather than say: only speech when a person is their subject ("Clinton called them ..."). */
export const NAMING_CUES = new Set(
  "call calls called calling dub dubs dubbed label labels labeled labelled brand brands branded term terms termed deem deems deemed describe describes described".split(
    " ",
  ),
);

// Bare verb forms are mostly nouns in news text ("a note", "the report"), so only -s/-ed/-ing forms count.
function inflect(verb: string): string[] {
  const forms: string[] = [];
  const ends = (s: string) => verb.endsWith(s);
  // third person
  if (/(s|sh|ch|x|z|o)$/.test(verb)) forms.push(`${verb}es`);
  else if (/[^aeiou]y$/.test(verb)) forms.push(`${verb.slice(0, -1)}ies`);
  else forms.push(`${verb}s`);
  // past
  if (ends("e")) forms.push(`${verb}d`);
  else if (/[^aeiou]y$/.test(verb)) forms.push(`${verb.slice(0, -1)}ied`);
  else forms.push(`${verb}ed`);
  // gerund
  if (ends("ie")) forms.push(`${verb.slice(0, -2)}ying`);
  else if (ends("e") && !ends("ee")) forms.push(`${verb.slice(0, -1)}ing`);
  else forms.push(`${verb}ing`);
  return forms;
}

const forms = new Set<string>();
for (const v of REGULAR_CUES.split(/\s+/).filter(Boolean)) for (const f of inflect(v)) forms.add(f);
for (const f of IRREGULAR_CUES.split(/\s+/).filter(Boolean)) forms.add(f);
for (const f of NAMING_CUES) forms.add(f);
// "go", "put", "read" and "begin" only count in fixed phrases handled by the patterns ("went on", "put it").
for (const f of [
  "go",
  "goes",
  "going",
  "put",
  "puts",
  "putting",
  "read",
  "reads",
  "reading",
  "begin",
  "begins",
  "beginning",
  "text",
  "texts",
  "texting",
  "post",
  "posts",
  "posting",
  "point",
  "points",
  "pointing",
  "continue",
  "continues",
  "continuing",
  "question",
  "questions",
  "questioning",
  "state",
  "states",
  "stating",
  "report",
  "reporting",
  "quote",
  "quotes",
  "quoting",
  "cry",
  "cries",
  "crying",
  "laugh",
  "laughs",
  "laughing",
  "object",
  "objects",
  "objecting",
  "counter",
  "counters",
  "countering",
  "echo",
  "echoes",
  "echoing",
  "snap",
  "snaps",
  "snapping",
])
  forms.delete(f);
forms.add("went");
forms.add("pointed");
forms.add("continued");
forms.add("stated");
forms.add("reported");
forms.add("reports");
forms.add("quoted");
forms.add("posted");
forms.add("texted");
forms.add("echoed");
forms.add("countered");
forms.add("snapped");
forms.add("cried");
forms.add("laughed");
forms.add("read");
forms.add("began");

/** Every inflected cue form, lower case. */
export const CUE_WORDS: ReadonlySet<string> = forms;

/** Words that may sit between a speaker and the cue ("Abe reportedly said", "he later told"). */
export const CUE_ADVERBS = new Set(
  `also later then again once previously recently reportedly publicly privately quickly bluntly simply flatly
  repeatedly earlier further first finally additionally subsequently separately angrily calmly sharply
  succinctly wryly jokingly tersely proudly confidently emphatically firmly frankly openly
  has have had would will was is had also just even still already never often frequently similarly
  ultimately famously recently quietly loudly softly bitterly gleefully cheerfully defiantly explicitly
  told`.split(/\s+/),
);

const sorted = [...forms].sort((a, b) => b.length - a.length);
/** Regex source matching one cue word as a whole word (case-insensitive use expected). */
export const CUE_SOURCE = `(?:${sorted.join("|")})`;

export const isCueWord = (word: string) => forms.has(word.toLowerCase());
