// A small gazetteer: countries (with demonyms), major places and regions, and organisations, each with aliases.
// Aliases fold different names of one thing into one entity ("Kuril Islands" = "Northern Territories" = "South Kurils").
// Matching is case-insensitive on a normalised form; the text scanner only asks about capitalised phrases.

export type GazetteerKind = "COUNTRY" | "PLACE" | "ORGANIZATION";

export interface GazetteerEntry {
  name: string;
  kind: GazetteerKind;
  aliases: string[];
  /** Adjectives and nouns for the people of a country ("Russian", "Russians"), used for roles too. */
  demonyms: string[];
  /** ISO-like country name the place or body belongs to, when it matters for roles ("Kremlin" -> Russia). */
  country: string | null;
}

const country = (name: string, demonyms: string[], aliases: string[] = []): GazetteerEntry => ({
  name,
  kind: "COUNTRY",
  aliases,
  demonyms,
  country: name,
});
const place = (name: string, aliases: string[] = [], countryName: string | null = null): GazetteerEntry => ({
  name,
  kind: "PLACE",
  aliases,
  demonyms: [],
  country: countryName,
});
const org = (name: string, aliases: string[] = [], countryName: string | null = null): GazetteerEntry => ({
  name,
  kind: "ORGANIZATION",
  aliases,
  demonyms: [],
  country: countryName,
});

export const COUNTRIES: readonly GazetteerEntry[] = [
  country("Afghanistan", ["Afghan", "Afghans"]),
  country("Albania", ["Albanian", "Albanians"]),
  country("Algeria", ["Algerian", "Algerians"]),
  country("Andorra", ["Andorran"]),
  country("Angola", ["Angolan", "Angolans"]),
  country("Argentina", ["Argentine", "Argentinian", "Argentines"]),
  country("Armenia", ["Armenian", "Armenians"]),
  country("Australia", ["Australian", "Australians"]),
  country("Austria", ["Austrian", "Austrians"]),
  country("Azerbaijan", ["Azerbaijani", "Azeri", "Azerbaijanis"]),
  country("Bahrain", ["Bahraini", "Bahrainis"]),
  country("Bangladesh", ["Bangladeshi", "Bangladeshis"]),
  country("Belarus", ["Belarusian", "Belarusians"]),
  country("Belgium", ["Belgian", "Belgians"]),
  country("Bolivia", ["Bolivian", "Bolivians"]),
  country("Bosnia and Herzegovina", ["Bosnian", "Bosnians"], ["Bosnia"]),
  country("Botswana", ["Botswanan"]),
  country("Brazil", ["Brazilian", "Brazilians"]),
  country("Bulgaria", ["Bulgarian", "Bulgarians"]),
  country("Burkina Faso", ["Burkinabe"]),
  country("Cambodia", ["Cambodian", "Cambodians"]),
  country("Cameroon", ["Cameroonian"]),
  country("Canada", ["Canadian", "Canadians"]),
  country("Chad", ["Chadian"]),
  country("Chile", ["Chilean", "Chileans"]),
  country("China", ["Chinese"], ["People's Republic of China", "PRC"]),
  country("Colombia", ["Colombian", "Colombians"]),
  country("Congo", ["Congolese"], ["Democratic Republic of Congo", "Democratic Republic of the Congo", "DRC"]),
  country("Costa Rica", ["Costa Rican"]),
  country("Croatia", ["Croatian", "Croatians", "Croat", "Croats"]),
  country("Cuba", ["Cuban", "Cubans"]),
  country("Cyprus", ["Cypriot", "Cypriots"]),
  country("Czech Republic", ["Czech", "Czechs"], ["Czechia"]),
  country("Denmark", ["Danish", "Dane", "Danes"]),
  country("Dominican Republic", ["Dominican", "Dominicans"]),
  country("Ecuador", ["Ecuadorian", "Ecuadorean"]),
  country("Egypt", ["Egyptian", "Egyptians"]),
  country("El Salvador", ["Salvadoran", "Salvadorans"]),
  country("Eritrea", ["Eritrean", "Eritreans"]),
  country("Estonia", ["Estonian", "Estonians"]),
  country("Ethiopia", ["Ethiopian", "Ethiopians"]),
  country("Finland", ["Finnish", "Finn", "Finns"]),
  country("France", ["French"]),
  country("Georgia", ["Georgian", "Georgians"]),
  country("Germany", ["German", "Germans"]),
  country("Ghana", ["Ghanaian", "Ghanaians"]),
  country("Greece", ["Greek", "Greeks"]),
  country("Guatemala", ["Guatemalan", "Guatemalans"]),
  country("Haiti", ["Haitian", "Haitians"]),
  country("Honduras", ["Honduran", "Hondurans"]),
  country("Hungary", ["Hungarian", "Hungarians"]),
  country("Iceland", ["Icelandic", "Icelander", "Icelanders"]),
  country("India", ["Indian", "Indians"]),
  country("Indonesia", ["Indonesian", "Indonesians"]),
  country("Iran", ["Iranian", "Iranians"], ["Islamic Republic of Iran"]),
  country("Iraq", ["Iraqi", "Iraqis"]),
  country("Ireland", ["Irish"], ["Republic of Ireland"]),
  country("Israel", ["Israeli", "Israelis"]),
  country("Italy", ["Italian", "Italians"]),
  country("Ivory Coast", ["Ivorian", "Ivorians"], ["Cote d'Ivoire", "Côte d'Ivoire"]),
  country("Jamaica", ["Jamaican", "Jamaicans"]),
  country("Japan", ["Japanese"]),
  country("Jordan", ["Jordanian", "Jordanians"]),
  country("Kazakhstan", ["Kazakh", "Kazakhs"]),
  country("Kenya", ["Kenyan", "Kenyans"]),
  country("Kosovo", ["Kosovar", "Kosovars"]),
  country("Kuwait", ["Kuwaiti", "Kuwaitis"]),
  country("Kyrgyzstan", ["Kyrgyz"]),
  country("Laos", ["Lao", "Laotian"]),
  country("Latvia", ["Latvian", "Latvians"]),
  country("Lebanon", ["Lebanese"]),
  country("Libya", ["Libyan", "Libyans"]),
  country("Lithuania", ["Lithuanian", "Lithuanians"]),
  country("Luxembourg", ["Luxembourgish"]),
  country("Malaysia", ["Malaysian", "Malaysians"]),
  country("Mali", ["Malian", "Malians"]),
  country("Malta", ["Maltese"]),
  country("Mexico", ["Mexican", "Mexicans"]),
  country("Moldova", ["Moldovan", "Moldovans"]),
  country("Mongolia", ["Mongolian", "Mongolians"]),
  country("Montenegro", ["Montenegrin", "Montenegrins"]),
  country("Morocco", ["Moroccan", "Moroccans"]),
  country("Mozambique", ["Mozambican"]),
  country("Myanmar", ["Burmese"], ["Burma"]),
  country("Nepal", ["Nepalese", "Nepali"]),
  country("Netherlands", ["Dutch"], ["Holland", "The Netherlands"]),
  country("New Zealand", ["New Zealander", "New Zealanders"]),
  country("Nicaragua", ["Nicaraguan", "Nicaraguans"]),
  country("Niger", ["Nigerien"]),
  country("Nigeria", ["Nigerian", "Nigerians"]),
  country("North Korea", ["North Korean", "North Koreans"], ["DPRK", "Democratic People's Republic of Korea"]),
  country("North Macedonia", ["Macedonian", "Macedonians"], ["Macedonia"]),
  country("Norway", ["Norwegian", "Norwegians"]),
  country("Oman", ["Omani", "Omanis"]),
  country("Pakistan", ["Pakistani", "Pakistanis"]),
  country("Palestine", ["Palestinian", "Palestinians"], ["Palestinian Territories"]),
  country("Panama", ["Panamanian", "Panamanians"]),
  country("Paraguay", ["Paraguayan", "Paraguayans"]),
  country("Peru", ["Peruvian", "Peruvians"]),
  country("Philippines", ["Philippine", "Filipino", "Filipinos"], ["The Philippines"]),
  country("Poland", ["Polish", "Pole", "Poles"]),
  country("Portugal", ["Portuguese"]),
  country("Qatar", ["Qatari", "Qataris"]),
  country("Romania", ["Romanian", "Romanians"]),
  country("Russia", ["Russian", "Russians"], ["Russian Federation", "RF"]),
  country("Rwanda", ["Rwandan", "Rwandans"]),
  country("Saudi Arabia", ["Saudi", "Saudis"], ["KSA"]),
  country("Senegal", ["Senegalese"]),
  country("Serbia", ["Serbian", "Serb", "Serbs", "Serbians"]),
  country("Singapore", ["Singaporean", "Singaporeans"]),
  country("Slovakia", ["Slovak", "Slovakian", "Slovaks"]),
  country("Slovenia", ["Slovenian", "Slovene", "Slovenians"]),
  country("Somalia", ["Somali", "Somalis"]),
  country("South Africa", ["South African", "South Africans"]),
  country("South Korea", ["South Korean", "South Koreans"], ["Republic of Korea", "ROK", "Korea"]),
  country("South Sudan", ["South Sudanese"]),
  country("Soviet Union", ["Soviet", "Soviets"], ["USSR", "U.S.S.R."]),
  country("Spain", ["Spanish", "Spaniard", "Spaniards"]),
  country("Sri Lanka", ["Sri Lankan", "Sri Lankans"]),
  country("Sudan", ["Sudanese"]),
  country("Sweden", ["Swedish", "Swede", "Swedes"]),
  country("Switzerland", ["Swiss"]),
  country("Syria", ["Syrian", "Syrians"]),
  country("Taiwan", ["Taiwanese"], ["Republic of China"]),
  country("Tajikistan", ["Tajik", "Tajiks"]),
  country("Tanzania", ["Tanzanian", "Tanzanians"]),
  country("Thailand", ["Thai"]),
  country("Tunisia", ["Tunisian", "Tunisians"]),
  country("Turkey", ["Turkish", "Turk", "Turks"], ["Türkiye", "Turkiye"]),
  country("Turkmenistan", ["Turkmen"]),
  country("Uganda", ["Ugandan", "Ugandans"]),
  country("Ukraine", ["Ukrainian", "Ukrainians"], ["The Ukraine"]),
  country("United Arab Emirates", ["Emirati", "Emiratis"], ["UAE", "U.A.E."]),
  country("United Kingdom", ["British", "Briton", "Britons"], ["UK", "U.K.", "Britain", "Great Britain"]),
  country("United States", ["American", "Americans", "U.S.", "US"], [
    "United States of America",
    "USA",
    "U.S.A.",
    "U.S.",
    "US",
    "America",
  ]),
  country("Uruguay", ["Uruguayan", "Uruguayans"]),
  country("Uzbekistan", ["Uzbek", "Uzbeks"]),
  country("Vatican", ["Vatican"], ["Holy See", "Vatican City"]),
  country("Venezuela", ["Venezuelan", "Venezuelans"]),
  country("Vietnam", ["Vietnamese"], ["Viet Nam"]),
  country("Yemen", ["Yemeni", "Yemenis"]),
  country("Zambia", ["Zambian", "Zambians"]),
  country("Zimbabwe", ["Zimbabwean", "Zimbabweans"]),
];

const US_STATES = [
  "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
  "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
  "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
  "New Hampshire", "New Jersey", "New Mexico", "New York State", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
  "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
  "Vermont", "Virginia", "Washington State", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico",
];

// AP-style abbreviations, as written after a city ("Hartford, Conn.") or in party tags ("R-Fla.").
const US_STATE_ABBREVIATIONS: Record<string, string[]> = {
  Alabama: ["Ala."], Arizona: ["Ariz."], Arkansas: ["Ark."], California: ["Calif."], Colorado: ["Colo."],
  Connecticut: ["Conn."], Delaware: ["Del."], Florida: ["Fla."], Georgia: ["Ga."], Illinois: ["Ill."],
  Indiana: ["Ind."], Kansas: ["Kan.", "Kans."], Kentucky: ["Ky."], Louisiana: ["La."], Maryland: ["Md."],
  Massachusetts: ["Mass."], Michigan: ["Mich."], Minnesota: ["Minn."], Mississippi: ["Miss."], Missouri: ["Mo."],
  Montana: ["Mont."], Nebraska: ["Neb."], Nevada: ["Nev."], "New Hampshire": ["N.H."], "New Jersey": ["N.J."],
  "New Mexico": ["N.M."], "New York State": ["N.Y."], "North Carolina": ["N.C."], "North Dakota": ["N.D."],
  Oklahoma: ["Okla."], Oregon: ["Ore."], Pennsylvania: ["Pa."], "Rhode Island": ["R.I."], "South Carolina": ["S.C."],
  "South Dakota": ["S.D."], Tennessee: ["Tenn."], Texas: ["Tex."], Vermont: ["Vt."], Virginia: ["Va."],
  "Washington State": ["Wash."], "West Virginia": ["W.Va."], Wisconsin: ["Wis."], Wyoming: ["Wyo."],
};

export const PLACES: readonly GazetteerEntry[] = [
  ...US_STATES.map((s) => place(s, US_STATE_ABBREVIATIONS[s] ?? [], "United States")),
  // Places that matter to the project's stories, with the names the two sides use.
  place("Kuril Islands", ["Kurils", "Kurile Islands", "Kuriles", "Kurile", "Kuril", "South Kurils", "Southern Kurils", "South Kuril Islands", "Southern Kuril Islands", "Northern Territories", "Northern Territory islands", "Kuril Island"], "Russia"),
  place("Shikotan", ["Shikotan Island"], "Russia"),
  place("Habomai", ["Habomai Islands", "Habomai islets"], "Russia"),
  place("Iturup", ["Etorofu", "Iturup Island"], "Russia"),
  place("Kunashir", ["Kunashiri", "Kunashir Island"], "Russia"),
  place("Sakhalin", ["Sakhalin Island"], "Russia"),
  place("Crimea", ["Crimean Peninsula"], null),
  place("Donbas", ["Donbass"], "Ukraine"),
  place("Korean Peninsula", [], null),
  place("East China Sea", [], null),
  place("South China Sea", [], null),
  place("Senkaku Islands", ["Senkakus", "Diaoyu Islands", "Diaoyu"], null),
  place("Taiwan Strait", [], null),
  place("Middle East", ["Mideast"], null),
  place("Europe", [], null),
  place("Asia", [], null),
  place("Africa", [], null),
  place("Latin America", [], null),
  place("South America", [], null),
  place("North America", [], null),
  place("Central America", [], null),
  place("Asia-Pacific", ["Asia Pacific"], null),
  place("Arctic", [], null),
  place("Antarctica", [], null),
  place("Pacific Ocean", ["Pacific"], null),
  place("Atlantic Ocean", ["Atlantic"], null),
  place("Siberia", [], "Russia"),
  place("Russian Far East", ["Far East"], "Russia"),
  place("Hokkaido", [], "Japan"),
  place("Okinawa", [], "Japan"),
  place("Kashmir", [], null),
  place("Gaza Strip", ["Gaza"], null),
  place("West Bank", [], null),
  place("Golan Heights", [], null),
  place("Chechnya", [], "Russia"),
  place("Kaliningrad", [], "Russia"),
  place("Hong Kong", [], "China"),
  place("Macau", ["Macao"], "China"),
  place("Tibet", [], "China"),
  place("Xinjiang", [], "China"),
  place("Scotland", [], "United Kingdom"),
  place("Wales", [], "United Kingdom"),
  place("England", [], "United Kingdom"),
  place("Northern Ireland", [], "United Kingdom"),
  place("Catalonia", [], "Spain"),
  place("Bavaria", [], "Germany"),
  place("Silicon Valley", [], "United States"),
  place("Wall Street", [], "United States"),
  place("Midwest", [], "United States"),
  place("Rust Belt", [], "United States"),
  // Capitals and major cities.
  ...[
    ["Moscow", "Russia"], ["St. Petersburg", "Russia"], ["Saint Petersburg", "Russia"], ["Vladivostok", "Russia"], ["Sochi", "Russia"],
    ["Novosibirsk", "Russia"], ["Yekaterinburg", "Russia"], ["Kazan", "Russia"], ["Salisbury", "United Kingdom"],
    ["Tokyo", "Japan"], ["Osaka", "Japan"], ["Kyoto", "Japan"], ["Hiroshima", "Japan"], ["Nagasaki", "Japan"], ["Yokohama", "Japan"], ["Sapporo", "Japan"], ["Nemuro", "Japan"],
    ["Beijing", "China"], ["Shanghai", "China"], ["Shenzhen", "China"], ["Wuhan", "China"], ["Guangzhou", "China"],
    ["Seoul", "South Korea"], ["Busan", "South Korea"], ["Pyongyang", "North Korea"], ["Taipei", "Taiwan"],
    ["Manila", "Philippines"], ["Hanoi", "Vietnam"], ["Bangkok", "Thailand"], ["Jakarta", "Indonesia"], ["Kuala Lumpur", "Malaysia"],
    ["New Delhi", "India"], ["Delhi", "India"], ["Mumbai", "India"], ["Islamabad", "Pakistan"], ["Karachi", "Pakistan"], ["Kabul", "Afghanistan"],
    ["Tehran", "Iran"], ["Baghdad", "Iraq"], ["Damascus", "Syria"], ["Aleppo", "Syria"], ["Beirut", "Lebanon"], ["Jerusalem", "Israel"], ["Tel Aviv", "Israel"],
    ["Riyadh", "Saudi Arabia"], ["Doha", "Qatar"], ["Dubai", "United Arab Emirates"], ["Abu Dhabi", "United Arab Emirates"], ["Ankara", "Turkey"], ["Istanbul", "Turkey"],
    ["Cairo", "Egypt"], ["Tripoli", "Libya"], ["Tunis", "Tunisia"], ["Algiers", "Algeria"], ["Nairobi", "Kenya"], ["Lagos", "Nigeria"], ["Abuja", "Nigeria"],
    ["Johannesburg", "South Africa"], ["Cape Town", "South Africa"], ["Pretoria", "South Africa"], ["Addis Ababa", "Ethiopia"],
    ["London", "United Kingdom"], ["Manchester", "United Kingdom"], ["Edinburgh", "United Kingdom"], ["Dublin", "Ireland"], ["Paris", "France"], ["Marseille", "France"],
    ["Berlin", "Germany"], ["Munich", "Germany"], ["Frankfurt", "Germany"], ["Hamburg", "Germany"], ["Bonn", "Germany"], ["Brussels", "Belgium"], ["Amsterdam", "Netherlands"],
    ["The Hague", "Netherlands"], ["Luxembourg City", "Luxembourg"], ["Geneva", "Switzerland"], ["Zurich", "Switzerland"], ["Davos", "Switzerland"], ["Bern", "Switzerland"],
    ["Vienna", "Austria"], ["Rome", "Italy"], ["Milan", "Italy"], ["Madrid", "Spain"], ["Barcelona", "Spain"], ["Lisbon", "Portugal"],
    ["Athens", "Greece"], ["Warsaw", "Poland"], ["Prague", "Czech Republic"], ["Budapest", "Hungary"], ["Bucharest", "Romania"], ["Sofia", "Bulgaria"],
    ["Belgrade", "Serbia"], ["Zagreb", "Croatia"], ["Kiev", "Ukraine"], ["Kyiv", "Ukraine"], ["Kharkiv", "Ukraine"], ["Odessa", "Ukraine"], ["Minsk", "Belarus"],
    ["Vilnius", "Lithuania"], ["Riga", "Latvia"], ["Tallinn", "Estonia"], ["Helsinki", "Finland"], ["Stockholm", "Sweden"], ["Oslo", "Norway"], ["Copenhagen", "Denmark"],
    ["Reykjavik", "Iceland"], ["Tbilisi", "Georgia"], ["Yerevan", "Armenia"], ["Baku", "Azerbaijan"], ["Astana", "Kazakhstan"], ["Almaty", "Kazakhstan"],
    ["Tashkent", "Uzbekistan"], ["Ottawa", "Canada"], ["Toronto", "Canada"], ["Montreal", "Canada"], ["Vancouver", "Canada"],
    ["Mexico City", "Mexico"], ["Havana", "Cuba"], ["Caracas", "Venezuela"], ["Bogota", "Colombia"], ["Lima", "Peru"], ["Santiago", "Chile"],
    ["Buenos Aires", "Argentina"], ["Brasilia", "Brazil"], ["Sao Paulo", "Brazil"], ["São Paulo", "Brazil"], ["Rio de Janeiro", "Brazil"],
    ["Sydney", "Australia"], ["Melbourne", "Australia"], ["Canberra", "Australia"], ["Wellington", "New Zealand"], ["Auckland", "New Zealand"],
    ["Washington", "United States"], ["Washington, D.C.", "United States"], ["New York", "United States"], ["New York City", "United States"],
    ["Los Angeles", "United States"], ["Chicago", "United States"], ["Houston", "United States"], ["Philadelphia", "United States"], ["Phoenix", "United States"],
    ["San Antonio", "United States"], ["San Diego", "United States"], ["Dallas", "United States"], ["San Francisco", "United States"], ["Boston", "United States"],
    ["Miami", "United States"], ["Atlanta", "United States"], ["Seattle", "United States"], ["Denver", "United States"], ["Detroit", "United States"],
    ["Las Vegas", "United States"], ["Cleveland", "United States"], ["Cincinnati", "United States"], ["Columbus", "United States"], ["Pittsburgh", "United States"],
    ["Baltimore", "United States"], ["Milwaukee", "United States"], ["Minneapolis", "United States"], ["St. Louis", "United States"], ["New Orleans", "United States"],
    ["Charlotte", "United States"], ["Orlando", "United States"], ["Tampa", "United States"], ["Nashville", "United States"], ["Austin", "United States"],
    ["Tulsa", "United States"], ["Honolulu", "United States"], ["Anchorage", "United States"], ["Des Moines", "United States"], ["Manhattan", "United States"],
    ["Brooklyn", "United States"], ["Queens", "United States"], ["Bronx", "United States"], ["Harlem", "United States"], ["Scranton", "United States"],
    ["Charlotte", "United States"], ["Raleigh", "United States"], ["Richmond", "United States"], ["Sacramento", "United States"], ["Portland", "United States"],
    ["Singapore City", "Singapore"], ["Hangzhou", "China"], ["Osaka Prefecture", "Japan"],
  ].map(([name, c]) => place(name as string, [], c as string)),
];

export const ORGANIZATIONS: readonly GazetteerEntry[] = [
  org("United Nations", ["UN", "U.N.", "UN Security Council", "United Nations Security Council", "U.N. Security Council", "UN General Assembly"]),
  org("NATO", ["North Atlantic Treaty Organization", "Nato"]),
  org("European Union", ["EU", "E.U."]),
  org("European Commission", []),
  org("European Parliament", []),
  org("G20", ["G-20", "Group of 20", "Group of Twenty"]),
  org("G7", ["G-7", "Group of Seven", "G8", "G-8"]),
  org("World Trade Organization", ["WTO"]),
  org("World Health Organization", ["WHO"]),
  org("International Monetary Fund", ["IMF"]),
  org("World Bank", []),
  org("OPEC", ["Organization of the Petroleum Exporting Countries"]),
  org("ASEAN", ["Association of Southeast Asian Nations"]),
  org("APEC", ["Asia-Pacific Economic Cooperation"]),
  org("Eastern Economic Forum", ["EEF"]),
  org("Shanghai Cooperation Organisation", ["SCO", "Shanghai Cooperation Organization"]),
  org("OSCE", ["Organization for Security and Co-operation in Europe"]),
  org("International Criminal Court", ["ICC"]),
  org("International Atomic Energy Agency", ["IAEA"]),
  org("Interpol", []),
  org("Red Cross", ["International Committee of the Red Cross", "ICRC"]),
  org("Amnesty International", ["Amnesty"]),
  org("Human Rights Watch", []),
  org("Greenpeace", []),
  org("WikiLeaks", ["Wikileaks"]),
  org("Kremlin", ["The Kremlin", "Moscow Kremlin"], "Russia"),
  org("State Duma", ["Duma"], "Russia"),
  org("Federation Council", [], "Russia"),
  org("Russian Foreign Ministry", ["Russian Foreign Affairs Ministry"], "Russia"),
  org("FSB", ["Federal Security Service"], "Russia"),
  org("GRU", [], "Russia"),
  org("Gazprom", [], "Russia"),
  org("Rosneft", [], "Russia"),
  org("Japanese Foreign Ministry", ["Japan's Foreign Ministry", "Ministry of Foreign Affairs of Japan"], "Japan"),
  org("Diet", ["National Diet", "Japanese Diet"], "Japan"),
  org("Liberal Democratic Party", ["LDP"], "Japan"),
  org("Self-Defense Forces", ["Japan Self-Defense Forces", "SDF"], "Japan"),
  org("Toyota", ["Toyota Motor"], "Japan"),
  org("Mitsubishi", [], "Japan"),
  org("Sony", [], "Japan"),
  org("Metropolitan Police", ["Scotland Yard", "Met Police"], "United Kingdom"),
  org("Parliament", ["British Parliament", "House of Commons", "House of Lords"], "United Kingdom"),
  org("Downing Street", ["No 10", "Number 10"], "United Kingdom"),
  org("Foreign Office", ["Foreign and Commonwealth Office"], "United Kingdom"),
  org("MI6", ["MI5"], "United Kingdom"),
  org("Conservative Party", ["Tories", "Tory party"], "United Kingdom"),
  org("Labour Party", ["Labour"], "United Kingdom"),
  org("White House", ["The White House"], "United States"),
  org("Pentagon", ["The Pentagon", "Department of Defense", "Defense Department", "DoD"], "United States"),
  org("State Department", ["Department of State", "U.S. State Department"], "United States"),
  org("Justice Department", ["Department of Justice", "DOJ"], "United States"),
  org("Treasury Department", ["Department of the Treasury", "Treasury"], "United States"),
  org("Department of Homeland Security", ["Homeland Security Department", "DHS"], "United States"),
  org("Congress", ["U.S. Congress", "US Congress"], "United States"),
  org("Senate", ["U.S. Senate", "US Senate"], "United States"),
  org("House of Representatives", ["U.S. House", "House"], "United States"),
  org("Supreme Court", ["U.S. Supreme Court", "US Supreme Court"], "United States"),
  org("FBI", ["Federal Bureau of Investigation", "F.B.I."], "United States"),
  org("CIA", ["Central Intelligence Agency", "C.I.A."], "United States"),
  org("NSA", ["National Security Agency"], "United States"),
  org("Federal Reserve", ["Fed", "the Fed"], "United States"),
  org("Secret Service", [], "United States"),
  org("Democratic Party", ["Democrats", "Democratic National Committee", "DNC"], "United States"),
  org("Republican Party", ["Republicans", "GOP", "Republican National Committee", "RNC"], "United States"),
  org("Environmental Protection Agency", ["EPA"], "United States"),
  org("Federal Election Commission", ["FEC"], "United States"),
  org("IRS", ["Internal Revenue Service"], "United States"),
  org("NASA", [], "United States"),
  org("Google", ["Alphabet"], "United States"),
  org("Facebook", ["Meta"], "United States"),
  org("Twitter", [], "United States"),
  org("Apple", ["Apple Inc."], "United States"),
  org("Microsoft", [], "United States"),
  org("Amazon", [], "United States"),
  org("YouTube", [], "United States"),
  org("Goldman Sachs", [], "United States"),
  org("JPMorgan Chase", ["JPMorgan", "JP Morgan"], "United States"),
  org("Clinton Foundation", [], "United States"),
  org("Trump Organization", [], "United States"),
  org("Hamas", [], null),
  org("Hezbollah", [], null),
  org("Taliban", [], null),
  org("Islamic State", ["ISIS", "ISIL", "Daesh"], null),
  org("al-Qaeda", ["al Qaeda", "Al Qaeda", "al-Qaida"], null),
  org("Communist Party of China", ["Chinese Communist Party", "CCP", "CPC"], "China"),
];

export const GAZETTEER: readonly GazetteerEntry[] = [...COUNTRIES, ...PLACES, ...ORGANIZATIONS];

export const normalizeGazetteerKey = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’']s$/i, "")
    .replace(/^the\s+/i, "")
    .replace(/[.]/g, "")
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .toLowerCase();

const byKey = new Map<string, GazetteerEntry>();
const byDemonym = new Map<string, GazetteerEntry>();
// Short all-capital aliases ("WHO", "US", "UN") only match as written: "Who" and "Us" are ordinary words.
const byAcronym = new Map<string, GazetteerEntry>();
const isAcronym = (alias: string) => /^[A-Z][A-Z.\-0-9]{0,6}$/.test(alias) && alias.replace(/[^A-Z]/g, "").length <= 5;
for (const entry of GAZETTEER) {
  for (const alias of [entry.name, ...entry.aliases]) {
    if (isAcronym(alias)) {
      if (!byAcronym.has(alias)) byAcronym.set(alias, entry);
      continue;
    }
    const key = normalizeGazetteerKey(alias);
    // The first entry wins: countries come before places of the same name ("Georgia" the country, "Washington" the city).
    if (key && !byKey.has(key)) byKey.set(key, entry);
  }
}
for (const entry of COUNTRIES) for (const d of entry.demonyms) byDemonym.set(normalizeGazetteerKey(d), entry);
// "Japan's" and "Russia's" work as demonyms in roles: "Japan's chief cabinet secretary".
for (const entry of COUNTRIES) byDemonym.set(normalizeGazetteerKey(entry.name), entry);

// Lookups repeat a lot (every capitalised word is asked about), so answers are remembered.
const MEMO_LIMIT = 50_000;
function memo<T>(f: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string) => {
    let hit = cache.get(key);
    if (hit === undefined && !cache.has(key)) {
      hit = f(key);
      if (cache.size >= MEMO_LIMIT) cache.clear();
      cache.set(key, hit);
    }
    return hit as T;
  };
}
export { memo };

/** Finds a country, place or organisation by any of its names ("South Kurils" -> Kuril Islands). */
export const lookupGazetteer: (name: string) => GazetteerEntry | null = memo(lookupGazetteerUncached);

function lookupGazetteerUncached(name: string): GazetteerEntry | null {
  const trimmed = name.trim().replace(/[’']s$/, "");
  const acronym = byAcronym.get(trimmed);
  if (acronym) return acronym;
  if (isAcronym(trimmed)) return null;
  return byKey.get(normalizeGazetteerKey(trimmed)) ?? null;
}

/** The country a demonym or country name refers to: "Russian" -> Russia, "Japan's" -> Japan. */
export const lookupDemonym: (word: string) => GazetteerEntry | null = memo((word) => byDemonym.get(normalizeGazetteerKey(word)) ?? null);

/** Longest alias length in words, so scanners know how far to look ahead. */
export const GAZETTEER_MAX_WORDS = Math.max(...[...byKey.keys()].map((k) => k.split(" ").length));
