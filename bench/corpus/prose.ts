// Deterministic news prose for the ingest benchmarks: ~4 KB wire-style articles with datelines, bylines,
// quotes in every attribution style, named people with roles, places, organisations and agency citations,
// plus ~10% syndicated near-copies. Seeded by index, so the same N always yields the same bytes, and any
// slice of the corpus can be generated without the rest (memory stays flat while writing 4N files).

/** Mulberry32, as in the demo corpus: tiny, seeded, identical on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

export const OUTLETS = [
  { name: "Meridian Wire", domain: "meridianwire.example", wire: true },
  { name: "The Northern Herald", domain: "northernherald.example", wire: false },
  { name: "Coastal Times", domain: "coastaltimes.example", wire: false },
  { name: "Capital Ledger", domain: "capitalledger.example", wire: false },
  { name: "Riverside Post", domain: "riversidepost.example", wire: false },
  { name: "Global Dispatch", domain: "globaldispatch.example", wire: true },
  { name: "The Evening Standard-Bearer", domain: "standardbearer.example", wire: false },
  { name: "Harbour Daily", domain: "harbourdaily.example", wire: false },
  { name: "Plains Observer", domain: "plainsobserver.example", wire: false },
  { name: "Metro Chronicle", domain: "metrochronicle.example", wire: false },
  { name: "Valley Courier", domain: "valleycourier.example", wire: false },
  { name: "The Continental", domain: "continental.example", wire: false },
] as const;

const FIRST = {
  male: [
    "Daniel",
    "Tomas",
    "Ahmed",
    "Kenji",
    "Pavel",
    "Marco",
    "Samuel",
    "Lucas",
    "Omar",
    "Henrik",
    "Rafael",
    "Victor",
    "Jonas",
    "Ivan",
    "Carlos",
  ],
  female: [
    "Maria",
    "Grace",
    "Elena",
    "Sofia",
    "Amina",
    "Ingrid",
    "Laura",
    "Nadia",
    "Claire",
    "Yuki",
    "Helena",
    "Fatima",
    "Anna",
    "Lucia",
    "Sara",
  ],
};
const SURNAMES = [
  "Lindqvist",
  "Okafor",
  "Marchetti",
  "Novak",
  "Haddad",
  "Sorensen",
  "Tanaka",
  "Alvarez",
  "Kowalczyk",
  "Brennan",
  "Petrov",
  "Mendes",
  "Achterberg",
  "Varga",
  "Osei",
  "Castellano",
  "Dufresne",
  "Halvorsen",
  "Ibrahim",
  "Kaminski",
  "Moreau",
  "Nakamura",
  "Oyelaran",
  "Rasmussen",
  "Szabo",
  "Valdez",
  "Whitfield",
  "Zielinski",
  "Baptiste",
  "Eriksen",
];
const ROLES = [
  { role: "the interior minister", short: "the minister" },
  { role: "the finance minister", short: "the minister" },
  { role: "the prime minister", short: "the prime minister" },
  { role: "the foreign minister", short: "the foreign minister" },
  { role: "a spokesperson for the central bank", short: "the spokesperson" },
  { role: "the mayor", short: "the mayor" },
  { role: "the head of the port authority", short: "the port chief" },
  { role: "an analyst at the Institute for Fiscal Studies", short: "the analyst" },
  { role: "the union's general secretary", short: "the union leader" },
  { role: "the chief executive of the national rail operator", short: "the chief executive" },
  { role: "the opposition leader", short: "the opposition leader" },
  { role: "the president", short: "the president" },
];
const COUNTRIES = [
  "Portugal",
  "Norway",
  "Kenya",
  "Chile",
  "Poland",
  "Japan",
  "Ghana",
  "Canada",
  "Austria",
  "Vietnam",
  "Morocco",
  "Finland",
];
const CITIES = [
  "Lisbon",
  "Oslo",
  "Nairobi",
  "Santiago",
  "Warsaw",
  "Osaka",
  "Accra",
  "Toronto",
  "Vienna",
  "Hanoi",
  "Rabat",
  "Helsinki",
];
const ORGS = [
  "the European Commission",
  "the World Bank",
  "the United Nations",
  "the International Monetary Fund",
  "the Red Cross",
  "NATO",
  "the World Health Organization",
];
const AGENCIES = ["Reuters", "AFP", "the Associated Press", "Interfax", "Kyodo"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const TOPICS = [
  { what: "a strike by rail workers", noun: "the strike", object: "wages", verb: "shut down commuter lines" },
  {
    what: "flooding along the river delta",
    noun: "the flooding",
    object: "the emergency budget",
    verb: "forced thousands from their homes",
  },
  {
    what: "talks on a new trade agreement",
    noun: "the trade standoff",
    object: "tariffs on steel",
    verb: "stalled over farm quotas",
  },
  { what: "a dispute over fishing rights", noun: "the dispute", object: "the quota system", verb: "kept trawlers in port" },
  { what: "a snap election campaign", noun: "the campaign", object: "housing costs", verb: "tightened in the final week" },
  {
    what: "a cyberattack on the tax office",
    noun: "the attack",
    object: "data protection",
    verb: "took online services offline",
  },
  {
    what: "a drought affecting grain harvests",
    noun: "the drought",
    object: "food prices",
    verb: "cut the wheat crop by a third",
  },
  { what: "the collapse of a regional lender", noun: "the collapse", object: "deposit guarantees", verb: "rattled bond markets" },
  {
    what: "protests over a proposed pension reform",
    noun: "the protest movement",
    object: "the retirement age",
    verb: "drew tens of thousands into the streets",
  },
  {
    what: "a wildfire near the northern border",
    noun: "the fire",
    object: "evacuation plans",
    verb: "burned through 40,000 hectares",
  },
];

// Complete statements, some with the topic's object slotted in, so quotes read like quotes.
const QUOTES = [
  "We will not accept a deal that leaves working families to pay for {object}",
  "Nobody in this government is pretending that {object} is a simple question",
  "The figures we published this morning show the worst is behind us",
  "It is too early to say whether the measures are working",
  "Our priority today is to make sure every household gets the support it was promised",
  "I have spoken to the families, and they want to know why the warnings were ignored",
  "There is no quick fix for {object}, and anyone who says otherwise is not being honest",
  "We warned for years that this could happen, and we were told we were exaggerating",
  "This is the moment to decide what kind of country we want to be",
  "Anyone who looks at the data can see that the cost will fall on the regions",
  "We are not going to negotiate through the newspapers",
  "The door remains open, but the offer on {object} will not get any better",
  "I am confident that we will have an agreement before the end of the month",
  "This was avoidable, and that is the hardest part for the people affected",
  "We need an independent inquiry, not another press conference",
  "The market will settle once the rules on {object} are clear",
  "Our teams have been working through the night and will continue to do so",
  "We have asked our partners for help, and they have responded quickly",
  "Nobody should lose their home because of a decision made in the capital",
  "The government has lost control of {object}, and it knows it",
];
const BACKGROUND = [
  "Official figures released last month showed inflation easing to 3.1 percent, its lowest level in two years.",
  "The government holds a narrow majority in parliament and depends on two smaller parties for key votes.",
  "Previous attempts to settle the issue collapsed in 2019 after a dispute over who would bear the costs.",
  "Economists polled by the central bank expect growth of around 1.4 percent this year, down from an earlier forecast.",
  "The region accounts for roughly a fifth of national output and most of the country's exports.",
  "Opposition lawmakers have called for an independent inquiry, a demand the cabinet has so far rejected.",
  "More than 12,000 people have signed a petition calling for the measures to be reversed.",
  "The agreement would need to be ratified by both chambers before it could take effect next spring.",
  "Local officials said emergency shelters had been opened in schools and sports halls across the province.",
  "Shares in listed companies with exposure to the sector fell as much as 6 percent in early trading.",
  "A report by the national audit office in March said oversight had been weak for most of the past decade.",
  "Unions say wages in the sector have fallen behind prices by nearly 9 percent since 2021.",
];
const BOILERPLATE = [
  "Reporting by {reporter}; Editing by {editor}",
  "Our Standards: The Trust Principles.",
  "Subscribe to our newsletter for the day's top stories.",
];

export interface Person {
  name: string;
  surname: string;
  pronoun: "he" | "she";
  role: string;
  short: string;
}

function person(r: Random): Person {
  const female = r() < 0.5;
  const first = pick(r, female ? FIRST.female : FIRST.male);
  const surname = pick(r, SURNAMES);
  const role = pick(r, ROLES);
  return { name: `${first} ${surname}`, surname, pronoun: female ? "she" : "he", role: role.role, short: role.short };
}

const QUOTE_LEADS = [
  "",
  "Frankly, ",
  "Let me be clear: ",
  "As of this morning, ",
  "Look, ",
  "In the end, ",
  "For {n} days now, ",
  "After {n} meetings, ",
];
const QUOTE_CODAS = [
  "",
  ", and we will say more on {weekday}",
  ", whatever the polls say",
  ", and I said as much to {name} yesterday",
  ", and the {n} people waiting in {city} deserve better",
  " - that is the position of this office",
  ", and that will not change by {month}",
];

/**
 * A statement assembled from parts, so most quotes are unique and only syndicated copies repeat one: quote
 * clusters then have the sizes of a real archive (a handful of carriers), not thousands.
 */
function quoteText(r: Random, topicObject: string, ctx: { city: string; name: string }) {
  const fill = (s: string) =>
    s
      .replace("{object}", topicObject)
      .replace("{n}", String(int(r, 2, 400)))
      .replace("{weekday}", pick(r, WEEKDAYS))
      .replace("{month}", pick(r, MONTHS))
      .replace("{city}", ctx.city)
      .replace("{name}", ctx.name);
  const lead = fill(pick(r, QUOTE_LEADS));
  const core = fill(pick(r, QUOTES));
  const joined = lead && !/^I\b/.test(core) ? core[0]!.toLowerCase() + core.slice(1) : core;
  return `${lead}${joined}${fill(pick(r, QUOTE_CODAS))}`;
}
const capitalize = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** One quote paragraph; the style cycles through the attribution methods extraction distinguishes. */
function quoteParagraph(r: Random, p: Person, text: string, style: number, firstMention: boolean): string {
  const full = firstMention ? `${p.name}, ${p.role},` : p.surname;
  switch (style % 7) {
    case 0:
      return `"${text}," ${firstMention ? `said ${p.name}, ${p.role}` : `${p.surname} said`}.`;
    case 1:
      return `${full} told reporters: "${text}."`;
    case 2:
      return `${p.surname} spoke after a closed-door meeting. "${text}," ${p.pronoun} said, adding that more details would follow.`;
    case 3:
      return `Asked about the timetable, ${p.short} said: "${text}."`;
    case 4:
      return `According to ${p.name}, the plan ${r() < 0.5 ? "remains on track" : "needs more work"}. "${text}," ${p.pronoun} added.`;
    case 5:
      return `${p.surname}: "${text}."`;
    default:
      return `In an interview, ${full} called the situation "${pick(r, ["a test of credibility", "deeply worrying", "manageable"])}" and said the government would respond within days.`;
  }
}

export interface GeneratedArticle {
  index: number;
  outlet: (typeof OUTLETS)[number];
  title: string;
  /** ISO day, e.g. "2025-03-14". */
  day: string;
  byline: string;
  paragraphs: string[];
}

const dayOf = (index: number) => {
  // Two years of days, so dates and rollups spread like a real archive.
  const base = Date.UTC(2024, 0, 1);
  return new Date(base + (index % 730) * 86_400_000).toISOString().slice(0, 10);
};

function original(index: number): GeneratedArticle {
  const r = rng(0x5eed ^ Math.imul(index + 1, 2654435761));
  const topic = pick(r, TOPICS);
  const country = pick(r, COUNTRIES);
  const city = CITIES[COUNTRIES.indexOf(country)]!;
  const outlet = OUTLETS[index % OUTLETS.length]!;
  const day = dayOf(index);
  const [, m, d] = day.split("-").map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
  const people = [person(r), person(r), person(r)];
  const org = pick(r, ORGS);
  const reporter = person(r).name;
  const paragraphs: string[] = [];
  paragraphs.push(
    `${city.toUpperCase()}, ${MONTHS[m - 1]} ${d} (${outlet.name}) - ${capitalize(topic.what)} in ${country} ${topic.verb} on ${weekday}, ` +
      `officials said, as ${people[0]!.name}, ${people[0]!.role}, faced growing pressure over ${topic.object}.`,
  );
  const mentioned = new Set<number>();
  let style = index;
  while (paragraphs.join("\n\n").length < 3600) {
    const roll = r();
    if (roll < 0.3) {
      const who = int(r, 0, people.length - 1);
      const other = people[(who + 1) % people.length]!.name;
      paragraphs.push(
        quoteParagraph(r, people[who]!, quoteText(r, topic.object, { city, name: other }), style++, !mentioned.has(who)),
      );
      mentioned.add(who);
    } else if (roll < 0.7) {
      paragraphs.push(pick(r, BACKGROUND));
    } else if (roll < 0.85) {
      paragraphs.push(
        `${capitalize(pick(r, AGENCIES))} reported that ${org} had offered technical help, and that a delegation was expected in ${city} ` +
          `before the end of ${MONTHS[(m + int(r, 0, 1)) % 12]}.`,
      );
    } else if (roll < 0.93) {
      paragraphs.push(
        `${capitalize(topic.noun)} ${pick(r, ["began", "escalated", "was first reported"])} on ${MONTHS[m - 1]} ${Math.max(1, d - int(r, 1, 6))}, ` +
          `${int(r, 2, 40)} days after ${org} warned of the risks in a report to member governments.`,
      );
    } else {
      paragraphs.push(`Source: ${capitalize(pick(r, AGENCIES))}`);
    }
  }
  const editor = person(r).name;
  paragraphs.push(pick(r, BOILERPLATE).replace("{reporter}", reporter).replace("{editor}", editor));
  return {
    index,
    outlet,
    title: `${country}: ${topic.noun} ${pick(r, ["deepens", "prompts emergency talks", "tests government", "spreads"])} as ${people[0]!.surname} ${pick(r, ["faces questions", "promises action", "rejects criticism"])}`,
    day,
    byline: `By ${reporter}`,
    paragraphs,
  };
}

/** The index-th article: every tenth is a syndicated near-copy of a recent original from another outlet. */
export function article(index: number): GeneratedArticle {
  if (index % 10 !== 9) return original(index);
  const source = original(index - 1 - (index % 7));
  const outlet = OUTLETS[(OUTLETS.indexOf(source.outlet) + 1 + (index % 3)) % OUTLETS.length]!;
  // A copy differs by a line or two (a credit, a trimmed sentence), as syndicated wire copy does.
  const paragraphs = [...source.paragraphs];
  paragraphs.splice(paragraphs.length - 1, 1, `(${outlet.name} with ${source.outlet.name})`);
  return { ...source, index, outlet, paragraphs };
}

/** Plain text as a newsroom export would write it: headline, byline, dateline, paragraphs. */
export function textFile(a: GeneratedArticle): string {
  return [a.title, "", a.byline, "", ...a.paragraphs.flatMap((p) => [p, ""]), `Also on ${a.outlet.domain}`, ""].join("\n");
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A whole page as a CMS would serve it: head with meta tags, JSON-LD, inline CSS and JS, mega-menu nav,
 * share bars, related-story rails, comments and a link-heavy footer around the article. 30-80 KB.
 */
export function htmlPage(a: GeneratedArticle): string {
  const r = rng(0xbeef ^ Math.imul(a.index + 7, 2246822519));
  const slug = a.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60);
  const url = `https://${a.outlet.domain}/${a.day.replace(/-/g, "/")}/${slug}-${a.index}`;
  const sections = [
    "World",
    "Politics",
    "Business",
    "Markets",
    "Technology",
    "Climate",
    "Health",
    "Sport",
    "Culture",
    "Opinion",
    "Video",
    "Podcasts",
  ];
  const teaser = () => {
    const other = original(int(r, 0, 100_000));
    return `<li class="rail-item"><a href="https://${a.outlet.domain}/${other.day.replace(/-/g, "/")}/story-${other.index}"><img src="/img/${other.index}.jpg" alt="" loading="lazy" width="320" height="180"><span class="kicker">${pick(r, sections)}</span><h3>${escapeHtml(other.title)}</h3><p>${escapeHtml(other.paragraphs[0]!.slice(0, 160))}...</p></a></li>`;
  };
  const navLinks = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<li><a href="/${pick(r, sections).toLowerCase()}/${i}" class="nav-link">${pick(r, sections)} ${pick(r, COUNTRIES)}</a></li>`,
    ).join("");
  const css = Array.from(
    { length: int(r, 60, 160) },
    (_, i) =>
      `.c${i}-${pick(r, ["hd", "nav", "rail", "ft", "ad"])}{margin:${i % 7}px ${i % 5}px;padding:0 ${i % 9}px;color:#${(i * 2654435761).toString(16).slice(-6).padStart(6, "0")};font:${12 + (i % 6)}px/1.4 system-ui}`,
  ).join("\n");
  const js = Array.from(
    { length: int(r, 20, 60) },
    (_, i) =>
      `window.__cfg${i}={slot:"div-gpt-ad-${i}",sizes:[[300,250],[728,90]],targeting:{section:"${pick(r, sections)}",pos:${i}}};googletag.cmd.push(function(){googletag.defineSlot(__cfg${i}.slot,__cfg${i}.sizes).addService(googletag.pubads())});`,
  ).join("\n");
  const jsonLd = JSON.stringify({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    datePublished: `${a.day}T${String(int(r, 5, 22)).padStart(2, "0")}:${String(int(r, 0, 59)).padStart(2, "0")}:00+01:00`,
    author: [{ "@type": "Person", name: a.byline.replace(/^By /, "") }],
    publisher: { "@type": "Organization", name: a.outlet.name, url: `https://${a.outlet.domain}` },
    mainEntityOfPage: url,
  });
  const comments = Array.from(
    { length: int(r, 3, 15) },
    (_, i) =>
      `<div class="comment"><span class="user">reader${int(r, 100, 9999)}</span><p>${escapeHtml(pick(r, BACKGROUND))}</p><a href="#reply-${i}">Reply</a> <a href="#report-${i}">Report</a></div>`,
  ).join("\n");
  const body = a.paragraphs.map((p, i) =>
    i === 3
      ? `<figure><img src="/img/lead-${a.index}.jpg" alt="${escapeHtml(p.slice(0, 40))}"><figcaption>File photo. Credit: ${a.outlet.name}</figcaption></figure>\n<p>${escapeHtml(p)}</p>`
      : `<p>${escapeHtml(p)}</p>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(a.title)} | ${a.outlet.name}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="canonical" href="${url}">
<meta property="og:site_name" content="${a.outlet.name}"><meta property="og:type" content="article"><meta property="og:title" content="${escapeHtml(a.title)}">
<meta property="og:url" content="${url}"><meta name="author" content="${escapeHtml(a.byline.replace(/^By /, ""))}">
<meta property="article:published_time" content="${a.day}T08:15:00+01:00"><meta name="description" content="${escapeHtml(a.paragraphs[0]!.slice(0, 150))}">
<script type="application/ld+json">${jsonLd}</script>
<style>${css}</style>
<script>window.dataLayer=window.dataLayer||[];${js}</script>
</head><body class="article-page">
<div id="cookie-banner" role="dialog"><p>We use cookies to personalise content and ads, to provide social media features and to analyse our traffic.</p><button>Accept all</button><button>Manage preferences</button></div>
<header class="site-header"><a class="logo" href="/">${a.outlet.name}</a><nav class="mega-menu"><ul>${navLinks(int(r, 40, 90))}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form><a href="/subscribe" class="cta">Subscribe</a></header>
<nav class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/world">World</a> &rsaquo; <a href="/world/europe">Europe</a></nav>
<div class="ad" id="div-gpt-ad-top">Advertisement</div>
<main><article class="story"><h1 class="headline">${escapeHtml(a.title)}</h1>
<div class="byline"><span class="author">${escapeHtml(a.byline)}</span> <time datetime="${a.day}T08:15:00+01:00">${a.day}</time></div>
<div class="share"><a href="https://facebook.example/share?u=${url}">Share on Facebook</a> <a href="https://x.example/intent?u=${url}">Share on X</a> <a href="mailto:?subject=${encodeURIComponent(a.title)}">Email</a> <button>Copy link</button></div>
<div class="story-body">
${body.join("\n")}
</div>
<div class="tags">${Array.from({ length: 6 }, () => `<a href="/tag/${pick(r, COUNTRIES).toLowerCase()}">${pick(r, COUNTRIES)}</a>`).join(" ")}</div>
</article>
<aside class="rail"><h2>Most read</h2><ol>${Array.from({ length: int(r, 8, 14) }, teaser).join("")}</ol>
<div class="ad" id="div-gpt-ad-rail">Advertisement</div><h2>You might also like</h2><ul>${Array.from({ length: int(r, 8, 20) }, teaser).join("")}</ul></aside>
<section class="comments"><h2>Comments</h2>${comments}<form><textarea placeholder="Please enter your comment!"></textarea><button>Post</button></form></section>
</main>
<footer class="site-footer"><div class="newsletter"><h2>Sign up for the morning briefing</h2><form><input type="email"><button>Sign up</button></form></div>
<ul class="footer-links">${navLinks(int(r, 40, 100))}</ul><p>&copy; ${a.day.slice(0, 4)} ${a.outlet.name}. All rights reserved.</p></footer>
</body></html>
`;
}
