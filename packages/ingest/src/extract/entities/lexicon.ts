// Word lists the rule-based entity and quote extractors lean on. Plain data plus tiny lookups.
import firstNames from "./data/first-names.json" with { type: "json" };

export type Gender = "male" | "female";

const splitWords = (s: string) => s.split(/\s+/).filter(Boolean);

const FIRST_NAME_GENDER = new Map<string, Gender | null>();
for (const n of splitWords(firstNames.male)) FIRST_NAME_GENDER.set(n.toLowerCase(), "male");
for (const n of splitWords(firstNames.female)) FIRST_NAME_GENDER.set(n.toLowerCase(), "female");
for (const n of splitWords(firstNames.unisex)) FIRST_NAME_GENDER.set(n.toLowerCase(), null);

// Hyphenated given names ("Jo-Renee", "Jean-Claude") are judged by their first half when not listed whole.
const nameKey = (word: string) => {
  const lower = word.toLowerCase();
  if (FIRST_NAME_GENDER.has(lower) || !lower.includes("-")) return lower;
  return lower.slice(0, lower.indexOf("-"));
};
/** True when the word is a known given name ("Vladimir", "Hillary", "Shinzo"). */
export const isFirstName = (word: string) => FIRST_NAME_GENDER.has(nameKey(word));
/** Gender of a given name, null when unknown or used for both. */
export const firstNameGender = (word: string): Gender | null => FIRST_NAME_GENDER.get(nameKey(word)) ?? null;

/**
 * Given names that are also everyday capitalised words (months, virtues, verbs at a sentence start). A bare one of
 * these is not taken as a person on its own; with a surname it still is ("Will Hurd").
 */
export const AMBIGUOUS_FIRST_NAMES = new Set(
  splitWords(`
  will may june april august march bill mark rose hope faith joy grace chase grant price rich art dean major
  king prince page paris virginia georgia carolina florida austin jordan israel china india dallas sydney victoria
  chad ford marshall washington jackson lincoln madison kennedy christian sunday monday summer autumn winter
  gay brook brooke bud buck cash cliff clay dale drew earl forest glen guy hunter jack jimmy lane lee long miles
  ray reed rod sage sandy skip sterling stone storm ward wade young king mercedes amber crystal ruby pearl
  holly ivy iris lily daisy violet fern heather olive cherry ginger honey candy charity patience constance
  prudence trinity destiny harmony melody sky rain dawn eve star sunny misty rusty dusty bob bobby pat sue
  ken al mo don van von de la le del della bin ben ali kim lee park moon young sun song
  `).map((w) => w.trim()),
);

/** Honorifics with the gender they imply. Keys are lower case, without the dot. */
export const HONORIFICS = new Map<string, Gender | null>([
  ["mr", "male"],
  ["mister", "male"],
  ["sir", "male"],
  ["lord", "male"],
  ["mrs", "female"],
  ["ms", "female"],
  ["miss", "female"],
  ["madam", "female"],
  ["madame", "female"],
  ["dame", "female"],
  ["lady", "female"],
  ["dr", null],
  ["prof", null],
  ["professor", null],
  ["rev", null],
  ["reverend", null],
  ["father", "male"],
  ["sister", "female"],
  ["brother", "male"],
  ["sheikh", "male"],
  ["imam", "male"],
  ["rabbi", null],
  ["m", "male"],
  ["mme", "female"],
  ["herr", "male"],
  ["frau", "female"],
  ["señor", "male"],
  ["senor", "male"],
]);

/** Abbreviations that end with a dot but don't end a sentence. */
export const ABBREVIATIONS = new Set(
  splitWords(`mr mrs ms dr prof rev sen rep gov lt gen col capt sgt adm maj cmdr st jr sr mt ft no vs etc
  jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd bros dept univ pres supt insp det atty messrs
  u.s u.k u.n e.u d.c ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
  mont neb nev okla ore pa tenn tex va vt wash wis wyo n.y n.j n.h n.m n.c n.d s.c s.d r.i w.va`),
);

/**
 * Title words. A capitalised run that starts with these and ends with a name is a person with a role:
 * "Russian President Vladimir Putin", "Sen. Ben Sasse". Keys are lower case, without the dot.
 */
export const TITLE_WORDS = new Set(
  splitWords(`president presidents premier minister ministers chancellor secretary senator sen senators rep reps
  representative congressman congresswoman congressmen gov governor governors mayor judge justice gen general
  adm admiral col colonel capt captain lt lieutenant sgt sergeant maj cmdr commander king queen prince princess
  emperor empress pope chairman chairwoman chair chairperson speaker leader ambassador envoy spokesman
  spokeswoman spokesperson commissioner director ceo cfo coo chief officer dr prof professor rev reverend
  mr mrs ms miss sir dame lord lady sheikh ayatollah imam rabbi cardinal bishop archbishop father sister
  mp mep attorney sheriff marshal superintendent inspector detective det agent coach counsel trustee
  president-elect nominee candidate founder head deputy vice-president chief-of-staff`),
);

/**
 * More titles for splitting roles off names ("Dean Hopi E. Hoekstra", "NASA Administrator Pam Melroy"). Kept apart
 * from TITLE_WORDS, which the tagger's features read: changing those changes the trained model.
 */
export const MORE_TITLE_WORDS = new Set(
  splitWords(`dean provost rector administrator councillor councilman councilwoman alderman assemblyman assemblywoman
  pastor ombudsman`),
);

/** Words that qualify a title without being a name: "Prime", "Foreign", "Deputy", "Former". */
export const TITLE_QUALIFIERS = new Set(
  splitWords(`prime foreign defense defence finance interior trade economy economic cabinet press state
  deputy vice acting chief senior former then-president then executive managing national security homeland
  intelligence assistant associate principal general supreme first grand lead top majority minority house
  senate white kremlin democratic republican conservative labour labor liberal independent party crown
  attorney secretary-general federal district circuit appeals court police fire army navy marine air force
  special public health education energy environment environmental transportation justice agriculture
  commerce labor treasury veterans affairs housing development communications campaign opposition
  ruling parliamentary presidential vice-presidential gubernatorial senatorial congressional mayoral
  cabinet chief-of-staff emeritus regional provincial city county municipal tribal union`),
);

/**
 * Occupations and roles that stand before a name in lower case ("psychotherapist Fran Sherman") or head an
 * appositive ("Alan Cole, an economist at ...").
 */
export const ROLE_NOUNS = new Set(
  splitWords(`president premier minister chancellor secretary senator representative congressman congresswoman
  governor mayor judge justice general admiral colonel captain lieutenant sergeant king queen prince princess
  emperor pope chairman chairwoman chair speaker leader ambassador envoy spokesman spokeswoman spokesperson
  commissioner director executive ceo chief officer official officials professor lawmaker legislator
  economist analyst strategist pollster adviser advisor aide consultant lawyer attorney prosecutor
  investigator researcher scientist expert historian author writer journalist reporter editor columnist
  correspondent commentator host anchor blogger activist organizer organiser campaigner founder
  president-elect nominee candidate contender challenger incumbent candidate diplomat negotiator
  psychologist psychotherapist psychiatrist therapist doctor physician surgeon nurse teacher student
  economist entrepreneur businessman businesswoman investor banker donor fundraiser lobbyist
  operative staffer manager strategist chairman head deputy member partner fellow scholar
  supporter critic opponent voter resident neighbor neighbour friend mother father son daughter wife
  husband brother sister widow uncle aunt owner employee worker officer soldier veteran pastor priest
  rabbi imam bishop cardinal mp mep monarch ruler dictator strongman premier nominee co-founder
  secretary-general commander sheriff detective agent coach comedian actor actress singer rapper
  musician star celebrity billionaire magnate mogul tycoon philanthropist president spokesperson
  representative delegate superdelegate elector governor-elect mayor-elect senator-elect`),
);

/** Roles whose word itself says the gender. */
export const GENDERED_ROLE_WORDS = new Map<string, Gender>([
  ["congressman", "male"],
  ["congresswoman", "female"],
  ["spokesman", "male"],
  ["spokeswoman", "female"],
  ["chairman", "male"],
  ["chairwoman", "female"],
  ["king", "male"],
  ["queen", "female"],
  ["prince", "male"],
  ["princess", "female"],
  ["emperor", "male"],
  ["empress", "female"],
  ["businessman", "male"],
  ["businesswoman", "female"],
  ["actor", "male"],
  ["actress", "female"],
  ["mother", "female"],
  ["father", "male"],
  ["son", "male"],
  ["daughter", "female"],
  ["wife", "female"],
  ["husband", "male"],
  ["brother", "male"],
  ["sister", "female"],
  ["widow", "female"],
  ["uncle", "male"],
  ["aunt", "female"],
  ["first lady", "female"],
  ["grandmother", "female"],
  ["grandfather", "male"],
  ["girlfriend", "female"],
  ["boyfriend", "male"],
  ["woman", "female"],
  ["man", "male"],
  ["girl", "female"],
  ["boy", "male"],
]);

/** Capitalised words that start sentences or headlines and are never names on their own. */
export const NOT_NAME_WORDS = new Set(
  splitWords(`the a an but and or nor in on at for with as if when while after before since although though
  meanwhile however yet so this that these those it he she they we i you his her their our my your its there
  here what who whom whose why how where which some many most several both all each every no not now then
  also still even only just despite during under over from to by of about against among between through
  without within upon asked according speaking like unlike last next earlier later today yesterday tomorrow
  instead indeed perhaps maybe such another other one two three four five six seven eight nine ten
  first second third once again thus hence therefore moreover furthermore besides plus minus via per
  mr mrs ms dr sen rep gov is are was were be been being has have had do does did will would shall should
  can could may might must let lets let's please thank thanks yes ok okay oh well hey hi hello dear
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  breaking update updated exclusive watch read photo video related more advertisement share
  sign click subscribe follow comments comment copyright published editor note editors
  god internet web online democrat democrats republican republicans conservative conservatives
  liberal liberals progressive progressives christian christians muslim muslims jewish catholic
  black white latino latinos hispanic asian african european western eastern northern southern
  north south east west central new old big great little high low good bad best worst top
  don't doesn't didn't isn't aren't wasn't weren't won't can't couldn't wouldn't shouldn't i'm i've i'll i'd
  it's that's there's here's what's who's he's she's they're we're you're we've they've
  whatever whoever whenever wherever everyone everybody everything someone somebody something nobody nothing
  none any anyone anything today's tonight tonight's`),
);

/** Heads that make a capitalised run an organisation ("Tax Foundation", "Urban-Brookings Tax Policy Center"). */
export const ORG_HEADS = new Set(
  splitWords(`party committee council department ministry university college institute institution
  foundation association agency bank company corporation corp inc ltd llc group court commission office
  service services center centre fund union organization organisation administration campaign network
  club league federation assembly parliament congress senate house police army navy forces force guard
  bureau board authority trust society church school hospital airlines airline motors industries
  brothers bros holdings partners capital securities media news times post journal tribune herald
  gazette telegraph chronicle daily weekly magazine review press broadcasting television radio channel
  studios records pictures enterprises technologies systems labs laboratory laboratories project alliance
  coalition movement caucus pac forum summit conference commission cabinet duma government regime
  secretariat embassy consulate mission delegation command corps academy museum library initiative
  program programme coalition team reserve exchange market markets fc institute`),
);

/** Last words that make a capitalised run a place ("Kuril Islands", "East China Sea"). */
export const PLACE_SUFFIXES = new Set(
  splitWords(`island islands islets isles sea ocean river mountains mountain peninsula province county city
  state strait straits bay gulf valley region territory territories district lake canal desert coast
  heights plateau plain plains archipelago harbor harbour port square street avenue park beach border`),
);

/** Personal pronouns that can stand as a speaker, with the gender they imply. */
export const SPEAKER_PRONOUNS = new Map<string, Gender | null | "plural" | "first">([
  ["he", "male"],
  ["she", "female"],
  ["they", "plural"],
  ["it", null],
  ["i", "first"],
  ["we", "first"],
]);

/**
 * Common English short forms of given names, so "Chuck Schumer" and "Charles Schumer" are one person within an
 * article. Both directions are looked up through the formal name.
 */
const NICKNAME_PAIRS = `chuck:charles charlie:charles bill:william will:william billy:william liam:william bob:robert
  bobby:robert rob:robert robbie:robert bert:robert dick:richard rick:richard ricky:richard rich:richard jim:james
  jimmy:james jamie:james joe:joseph joey:joseph mike:michael mick:michael mickey:michael tom:thomas tommy:thomas
  tony:anthony dan:daniel danny:daniel dave:david davy:david ed:edward eddie:edward ted:edward ned:edward
  ben:benjamin benny:benjamin sam:samuel sammy:samuel steve:steven stevie:steven chris:christopher kit:christopher
  nick:nicholas nicky:nicholas pat:patrick paddy:patrick pete:peter matt:matthew andy:andrew drew:andrew
  alex:alexander sandy:alexander al:albert fred:frederick freddie:frederick greg:gregory jerry:gerald
  larry:lawrence len:leonard lenny:leonard ron:ronald ronnie:ronald don:donald donnie:donald doug:douglas
  jeff:jeffrey jon:jonathan johnny:john jack:john hank:henry harry:henry hal:harold ken:kenneth kenny:kenneth
  tim:timothy timmy:timothy vince:vincent walt:walter wally:walter zach:zachary nate:nathan nat:nathaniel
  liz:elizabeth beth:elizabeth betty:elizabeth betsy:elizabeth lizzie:elizabeth libby:elizabeth kate:katherine
  katie:katherine kathy:katherine cathy:catherine peggy:margaret maggie:margaret meg:margaret sue:susan
  susie:susan jenny:jennifer jen:jennifer becky:rebecca becca:rebecca debbie:deborah deb:deborah
  patty:patricia trish:patricia tricia:patricia mandy:amanda barb:barbara abby:abigail vicky:victoria
  jessie:jessica jess:jessica annie:anne nancy:anne sally:sarah kim:kimberly cindy:cynthia sandy:sandra
  chrissy:christine tina:christina val:valerie`;
const FORMAL_GIVEN = new Map<string, string>();
for (const pair of splitWords(NICKNAME_PAIRS)) {
  const [short, formal] = pair.split(":") as [string, string];
  if (!FORMAL_GIVEN.has(short)) FORMAL_GIVEN.set(short, formal);
}
/** "chuck" -> "charles"; a formal or unknown name is itself. Lower case in, lower case out. */
export const formalGivenName = (lower: string) => FORMAL_GIVEN.get(lower) ?? lower;
