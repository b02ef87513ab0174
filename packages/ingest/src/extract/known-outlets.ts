// The table of outlets Storyline knows by name, domain and alias. Matching is case- and punctuation-insensitive.
// Extend it freely: an outlet not listed still gets stored under the name or domain the input gives.

export type OutletKind = "WIRE_AGENCY" | "PUBLISHER" | "BROADCASTER" | "STATE_MEDIA" | "BLOG" | "AGGREGATOR" | "UNKNOWN";

export interface KnownOutlet {
  name: string;
  domain: string | null;
  kind: OutletKind;
  country: string | null;
  language: string;
  aliases: string[];
}

const o = (
  name: string,
  domain: string | null,
  kind: OutletKind,
  country: string | null,
  aliases: string[] = [],
  language = "en",
): KnownOutlet => ({ name, domain, kind, country, language, aliases });

export const KNOWN_OUTLETS: readonly KnownOutlet[] = [
  // Wire agencies
  o("Reuters", "reuters.com", "WIRE_AGENCY", "GB", ["Thomson Reuters"]),
  o("Associated Press", "apnews.com", "WIRE_AGENCY", "US", ["AP", "The Associated Press", "AP News", "AP Politics & Fact Check"]),
  o("Agence France-Presse", "afp.com", "WIRE_AGENCY", "FR", ["AFP", "Agence France Presse"]),
  o("TASS", "tass.com", "WIRE_AGENCY", "RU", ["ITAR-TASS", "Tass"]),
  o("RIA Novosti", "ria.ru", "STATE_MEDIA", "RU", ["RIA", "RIA-Novosti"], "ru"),
  o("Interfax", "interfax.ru", "WIRE_AGENCY", "RU", ["Interfax news agency"], "ru"),
  o("Kyodo News", "kyodonews.net", "WIRE_AGENCY", "JP", ["Kyodo"]),
  o("Jiji Press", "jiji.com", "WIRE_AGENCY", "JP", ["Jiji"]),
  o("Xinhua", "xinhuanet.com", "STATE_MEDIA", "CN", ["Xinhua News Agency"]),
  o("Yonhap", "yna.co.kr", "WIRE_AGENCY", "KR", ["Yonhap News Agency"]),
  o("Bloomberg", "bloomberg.com", "WIRE_AGENCY", "US", ["Bloomberg News"]),
  o("Deutsche Presse-Agentur", "dpa.com", "WIRE_AGENCY", "DE", ["dpa", "DPA"]),
  o("United Press International", "upi.com", "WIRE_AGENCY", "US", ["UPI"]),
  // Russian state and international broadcasters
  o("RT", "rt.com", "STATE_MEDIA", "RU", ["Russia Today", "RT News", "RT.com"]),
  o("Sputnik", "sputniknews.com", "STATE_MEDIA", "RU", ["Sputnik News"]),
  o("Voice of Russia", "ruvr.ru", "STATE_MEDIA", "RU", ["VoR", "Golos Rossii"]),
  o("Euronews", "euronews.com", "BROADCASTER", "FR", ["euronews"]),
  o("NHK", "nhk.or.jp", "BROADCASTER", "JP", ["NHK World", "NHK World-Japan"]),
  o("The Japan Times", "japantimes.co.jp", "PUBLISHER", "JP", ["Japan Times"]),
  o("Nikkei Asia", "asia.nikkei.com", "PUBLISHER", "JP", ["Nikkei", "Nikkei Asian Review"]),
  o("The Moscow Times", "themoscowtimes.com", "PUBLISHER", "RU", ["Moscow Times"]),
  o("Al Jazeera", "aljazeera.com", "BROADCASTER", "QA", ["Al Jazeera English"]),
  o("Deutsche Welle", "dw.com", "BROADCASTER", "DE", ["DW"]),
  o("France 24", "france24.com", "BROADCASTER", "FR", ["France24"]),
  o("Voice of America", "voanews.com", "STATE_MEDIA", "US", ["VOA"]),
  o("Radio Free Europe/Radio Liberty", "rferl.org", "STATE_MEDIA", "US", ["RFE/RL", "Radio Free Europe"]),
  o("South China Morning Post", "scmp.com", "PUBLISHER", "HK", ["SCMP"]),
  o("The Korea Herald", "koreaherald.com", "PUBLISHER", "KR", ["Korea Herald"]),
  // UK
  o("BBC News", "bbc.co.uk", "BROADCASTER", "GB", ["BBC", "BBC.com"]),
  o("The Guardian", "theguardian.com", "PUBLISHER", "GB", ["Guardian"]),
  o("The Independent", "independent.co.uk", "PUBLISHER", "GB", ["Independent"]),
  o("Financial Times", "ft.com", "PUBLISHER", "GB", ["FT"]),
  o("The Telegraph", "telegraph.co.uk", "PUBLISHER", "GB", ["Daily Telegraph", "Telegraph"]),
  o("The Times", "thetimes.co.uk", "PUBLISHER", "GB", []),
  o("Daily Mail", "dailymail.co.uk", "PUBLISHER", "GB", ["Mail Online", "MailOnline"]),
  o("The Economist", "economist.com", "PUBLISHER", "GB", ["Economist"]),
  o("Sky News", "news.sky.com", "BROADCASTER", "GB", []),
  // US
  o("The New York Times", "nytimes.com", "PUBLISHER", "US", ["New York Times", "NYT", "New York Times (News)"]),
  o("The Washington Post", "washingtonpost.com", "PUBLISHER", "US", ["Washington Post", "WaPo"]),
  o("The Wall Street Journal", "wsj.com", "PUBLISHER", "US", ["Wall Street Journal", "WSJ", "Wall Street Journal (News)"]),
  o("CNN", "cnn.com", "BROADCASTER", "US", ["CNN (Online News)", "CNN Business", "CNN Politics"]),
  o("Fox News", "foxnews.com", "BROADCASTER", "US", ["Fox News (Online News)", "FoxNews"]),
  o("Fox Business", "foxbusiness.com", "BROADCASTER", "US", []),
  o("NBC News", "nbcnews.com", "BROADCASTER", "US", ["NBC News (Online)", "NBC"]),
  o("CBS News", "cbsnews.com", "BROADCASTER", "US", ["CBS News (Online)", "CBS"]),
  o("ABC News", "abcnews.go.com", "BROADCASTER", "US", ["ABC News (Online)"]),
  o("NPR", "npr.org", "BROADCASTER", "US", ["NPR (Online News)", "National Public Radio"]),
  o("PBS NewsHour", "pbs.org", "BROADCASTER", "US", ["PBS"]),
  o("CNBC", "cnbc.com", "BROADCASTER", "US", []),
  o("MSNBC", "msnbc.com", "BROADCASTER", "US", []),
  o("Politico", "politico.com", "PUBLISHER", "US", ["POLITICO"]),
  o("Axios", "axios.com", "PUBLISHER", "US", []),
  o("The Hill", "thehill.com", "PUBLISHER", "US", ["Hill"]),
  o("USA Today", "usatoday.com", "PUBLISHER", "US", ["USA TODAY"]),
  o("Los Angeles Times", "latimes.com", "PUBLISHER", "US", ["LA Times", "L.A. Times"]),
  o("New York Post", "nypost.com", "PUBLISHER", "US", ["New York Post (News)", "NY Post"]),
  o("New York Daily News", "nydailynews.com", "PUBLISHER", "US", ["Daily News"]),
  o("Washington Examiner", "washingtonexaminer.com", "PUBLISHER", "US", []),
  o("The Washington Times", "washingtontimes.com", "PUBLISHER", "US", ["Washington Times"]),
  o("National Review", "nationalreview.com", "PUBLISHER", "US", []),
  o("Breitbart News", "breitbart.com", "PUBLISHER", "US", ["Breitbart"]),
  o("The Daily Wire", "dailywire.com", "PUBLISHER", "US", ["Daily Wire"]),
  o("The Daily Caller", "dailycaller.com", "PUBLISHER", "US", ["Daily Caller"]),
  o("Newsmax", "newsmax.com", "PUBLISHER", "US", ["Newsmax (News)"]),
  o("The Epoch Times", "theepochtimes.com", "PUBLISHER", "US", ["Epoch Times"]),
  o("Newsweek", "newsweek.com", "PUBLISHER", "US", []),
  o("Time", "time.com", "PUBLISHER", "US", ["TIME"]),
  o("The Atlantic", "theatlantic.com", "PUBLISHER", "US", []),
  o("Vox", "vox.com", "PUBLISHER", "US", []),
  o("HuffPost", "huffpost.com", "PUBLISHER", "US", ["Huffington Post"]),
  o("The Daily Beast", "thedailybeast.com", "PUBLISHER", "US", ["Daily Beast"]),
  o("Slate", "slate.com", "PUBLISHER", "US", []),
  o("Forbes", "forbes.com", "PUBLISHER", "US", []),
  o("Business Insider", "businessinsider.com", "PUBLISHER", "US", ["Insider"]),
  o("MarketWatch", "marketwatch.com", "PUBLISHER", "US", []),
  o("Yahoo News", "news.yahoo.com", "AGGREGATOR", "US", ["Yahoo"]),
  o("The Verge", "theverge.com", "PUBLISHER", "US", []),
  o("Vice", "vice.com", "PUBLISHER", "US", ["VICE"]),
  o("ZeroHedge", "zerohedge.com", "BLOG", "US", ["Zero Hedge"]),
  o("TheBlaze", "theblaze.com", "PUBLISHER", "US", ["TheBlaze.com", "The Blaze"]),
  o("One America News Network", "oann.com", "BROADCASTER", "US", ["OAN", "OANN", "One America News Network (OAN)"]),
  o("Christian Science Monitor", "csmonitor.com", "PUBLISHER", "US", ["CSM"]),
  o("U.S. News & World Report", "usnews.com", "PUBLISHER", "US", ["US News"]),
  o("The Independent Journal Review", "ijr.com", "PUBLISHER", "US", ["IJR"]),
];

const normalize = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/^the\s+/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const byName = new Map<string, KnownOutlet>();
const byDomain = new Map<string, KnownOutlet>();
for (const outlet of KNOWN_OUTLETS) {
  for (const alias of [outlet.name, ...outlet.aliases]) byName.set(normalize(alias), outlet);
  if (outlet.domain) byDomain.set(outlet.domain, outlet);
}

/** Finds an outlet by any of its names ("AP", "The Associated Press") or by a domain ("rt.com", "www.rt.com"). */
export function lookupOutlet(nameOrDomain: string): KnownOutlet | null {
  const raw = nameOrDomain
    .trim()
    .toLowerCase()
    .replace(/^www\./, "");
  const domainHit = byDomain.get(raw);
  if (domainHit) return domainHit;
  for (const [domain, outlet] of byDomain) if (raw.endsWith(`.${domain}`)) return outlet;
  return byName.get(normalize(nameOrDomain)) ?? null;
}

/** Every alias, longest first, for scanning text ("Voice of Russia" before "RIA"). */
export function outletNamePatterns(): { alias: string; outlet: KnownOutlet }[] {
  const rows: { alias: string; outlet: KnownOutlet }[] = [];
  for (const outlet of KNOWN_OUTLETS) for (const alias of [outlet.name, ...outlet.aliases]) rows.push({ alias, outlet });
  return rows.sort((a, b) => b.alias.length - a.alias.length);
}

export const outletSlug = (name: string) => normalize(name).replace(/ /g, "-") || "unknown";
