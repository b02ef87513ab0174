// The demo corpus: a fictional story (the Norland-Estova harbour treaty talks) covered by fictional outlets
// over eight months. Deterministic: the same files every time. It exercises every input format and the
// hard cases: missing dates, datelines, syndicated wire copy, pronoun and role-noun speakers, boilerplate.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Mulberry32: a tiny seeded PRNG, so the corpus never changes between machines (tests reuse it for seeded corpora). */
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

export const DEMO_OUTLETS = [
  { name: "Meridian Wire", domain: "meridianwire.example", format: "jsonl" },
  { name: "The Northern Herald", domain: "northernherald.example", format: "html" },
  { name: "Coastal Times", domain: "coastaltimes.example", format: "html" },
  { name: "Estova Today", domain: "estovatoday.example", format: "txt" },
  { name: "Global Dispatch", domain: "globaldispatch.example", format: "rss" },
  { name: "Riverside Post", domain: "riversidepost.example", format: "txt" },
] as const;

const PEOPLE = {
  lind: { name: "Maria Lind", role: "Norland's prime minister", roleNoun: "the Norland prime minister", pronoun: "she" },
  vetrov: { name: "Oleg Vetrov", role: "Estova's president", roleNoun: "the Estovan president", pronoun: "he" },
  sato: { name: "Kenji Sato", role: "the harbour commission's chair", roleNoun: "the commission chair", pronoun: "he" },
  amadi: { name: "Grace Amadi", role: "Norland's foreign minister", roleNoun: "the foreign minister", pronoun: "she" },
};
type PersonKey = keyof typeof PEOPLE;

interface DemoEvent {
  date: string; // the happening
  place: string;
  headline: string;
  lead: string;
  quotes: { by: PersonKey; text: string }[];
  outlets: number;
}

const EVENTS: DemoEvent[] = [
  {
    date: "2025-03-14",
    place: "Port Halden",
    headline: "Norland and Estova open talks on the Halden harbour treaty",
    lead: "Negotiators from Norland and Estova met in Port Halden to open talks on a treaty over the disputed harbour.",
    quotes: [
      { by: "lind", text: "We have waited forty years for this table, and we will not leave it empty-handed" },
      { by: "vetrov", text: "Estova comes to these talks without any preconditions" },
    ],
    outlets: 5,
  },
  {
    date: "2025-04-02",
    place: "Vessa",
    headline: "Harbour commission proposes shared fishing zones",
    lead: "The joint harbour commission proposed shared fishing zones around the Halden shoals at a session in Vessa.",
    quotes: [
      { by: "sato", text: "Shared zones are the fastest way to lower tensions on the water" },
      { by: "amadi", text: "Norland will study the proposal carefully before it answers" },
    ],
    outlets: 4,
  },
  {
    date: "2025-05-20",
    place: "Port Halden",
    headline: "Talks stall over control of the lighthouse islands",
    lead: "Talks on the Halden harbour treaty stalled after the two delegations failed to agree on control of the lighthouse islands.",
    quotes: [
      { by: "vetrov", text: "The lighthouse islands are not a bargaining chip" },
      { by: "lind", text: "A pause is not a failure, and we expect to return within weeks" },
    ],
    outlets: 6,
  },
  {
    date: "2025-06-11",
    place: "Geneva",
    headline: "Mediators in Geneva revive the harbour negotiations",
    lead: "International mediators in Geneva brought the Norland and Estova delegations back to the harbour negotiations.",
    quotes: [
      { by: "amadi", text: "The mediators gave both sides a reason to come back" },
      { by: "sato", text: "Every technical question on the table now has a working answer" },
    ],
    outlets: 4,
  },
  {
    date: "2025-07-25",
    place: "Vessa",
    headline: "Vetrov and Lind agree a framework for the harbour treaty",
    lead: "Estova's president Oleg Vetrov and Norland's prime minister Maria Lind agreed a framework for the harbour treaty in Vessa.",
    quotes: [
      { by: "lind", text: "This framework is the first real step toward a lasting peace on the harbour" },
      { by: "vetrov", text: "Estova comes to these talks without any preconditions" },
    ],
    outlets: 6,
  },
  {
    date: "2025-08-30",
    place: "Port Halden",
    headline: "Fishermen protest the draft harbour treaty",
    lead: "Hundreds of fishermen protested in Port Halden against the draft harbour treaty, saying it ignores their catch rights.",
    quotes: [{ by: "sato", text: "The commission will meet the fishermen before any text is signed" }],
    outlets: 3,
  },
  {
    date: "2025-09-18",
    place: "Norland",
    headline: "Norland parliament debates the harbour treaty",
    lead: "Norland's parliament opened its debate on the harbour treaty with Estova, with ratification expected next month.",
    quotes: [
      { by: "amadi", text: "Ratification would end a dispute older than most of this chamber" },
      { by: "lind", text: "We have waited forty years for this table, and we will not leave it empty-handed" },
    ],
    outlets: 5,
  },
  {
    date: "2025-10-27",
    place: "Vessa",
    headline: "Norland and Estova sign the Halden harbour treaty",
    lead: "Norland and Estova signed the Halden harbour treaty in Vessa, ending a forty-year dispute over the harbour.",
    quotes: [
      { by: "vetrov", text: "Today the harbour belongs to the people who work on it" },
      { by: "lind", text: "This treaty proves that patient talks can settle what force never could" },
    ],
    outlets: 6,
  },
];

const BOILERPLATE_TOP = ["Home | World | Politics | Business", "Share on Facebook  Share on X  Email"];
const BOILERPLATE_BOTTOM = [
  "Advertisement",
  "You might also like",
  "Latest news",
  "Please enter your comment!",
  "© 2025 All rights reserved.",
];

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const weekday = (iso: string) => WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()];

function paragraphs(event: DemoEvent, random: () => number, variant: number): string[] {
  const lines = [event.lead.replace(/\.$/, ` on ${weekday(event.date)}.`)];
  event.quotes.forEach((q, i) => {
    const p = PEOPLE[q.by];
    // Vary how the speaker is named, so the demo shows every attribution method.
    const style = (variant + i) % 4;
    if (style === 0) lines.push(`"${q.text}," said ${p.name}, ${p.role}.`);
    else if (style === 1) lines.push(`${p.name}, ${p.role}, told reporters: "${q.text}."`);
    else if (style === 2) lines.push(`${p.name} spoke after the session. "${q.text}," ${p.pronoun} said.`);
    else lines.push(`${p.name} was asked about the outcome. Later, ${p.roleNoun} said: "${q.text}."`);
  });
  lines.push(
    random() < 0.5
      ? "The dispute over the Halden harbour dates back to the 1985 border settlement, which left the lighthouse islands unassigned."
      : "Both governments have said any treaty must be ratified by their parliaments before it takes effect.",
  );
  return lines;
}

export interface DemoFiles {
  dir: string;
  files: string[];
}

export function writeDemoCorpus(dir: string): DemoFiles {
  const random = rng(20250314);
  mkdirSync(join(dir, "text"), { recursive: true });
  mkdirSync(join(dir, "html"), { recursive: true });
  const records: string[] = [];
  const rssItems: string[] = [];
  const files: string[] = [];
  EVENTS.forEach((event, e) => {
    const outlets = DEMO_OUTLETS.slice(0, event.outlets);
    const wire = paragraphs(event, random, e);
    outlets.forEach((outlet, o) => {
      const day = addDays(event.date, o === 0 ? 0 : Math.floor(random() * 4));
      const slug = `${event.date}-${o}`;
      // A third of the papers run the wire copy almost verbatim: syndicated near-duplicates.
      const syndicated = o > 0 && random() < 0.34;
      const body = syndicated ? [...wire, "(Meridian Wire)"] : paragraphs(event, random, e + o + 1);
      const title = syndicated ? event.headline : `${event.headline}${o % 2 ? "" : ` - ${event.place}`}`;
      if (outlet.format === "jsonl") {
        records.push(
          JSON.stringify({
            id: `demo-${slug}`,
            url: `https://${outlet.domain}/${slug}`,
            title,
            text: body.join("\n\n"),
            publishedAt: `${day}T09:${String(10 + o).padStart(2, "0")}:00`,
            outlet: outlet.name,
            authors: ["Demo Desk"],
          }),
        );
      } else if (outlet.format === "rss") {
        rssItems.push(
          `<item><title>${title}</title><link>https://${outlet.domain}/${slug}</link><guid>demo-${slug}</guid><pubDate>${new Date(`${day}T14:30:00Z`).toUTCString()}</pubDate><description><![CDATA[${body.map((p) => `<p>${p}</p>`).join("")}]]></description></item>`,
        );
      } else if (outlet.format === "html") {
        const html = `<!doctype html><html><head><meta charset="utf-8"><title>${title} | ${outlet.name}</title><meta property="og:site_name" content="${outlet.name}"><meta property="article:published_time" content="${day}T07:45:00+02:00"><meta name="author" content="Demo Reporter"></head><body><nav>${BOILERPLATE_TOP.join(" ")}</nav><article><h1>${title}</h1>${body.map((p) => `<p>${p.replace(/&/g, "&amp;")}</p>`).join("\n")}</article><aside>${BOILERPLATE_BOTTOM.join("<br>")}</aside></body></html>`;
        const file = join(dir, "html", `${slug}-${outlet.domain}.html`);
        writeFileSync(file, html);
        files.push(file);
      } else {
        // Plain text: one outlet gives a dateline, the other no date at all (it must be inferred).
        const dateline =
          outlet.name === "Estova Today"
            ? [
                `${Number(day.slice(8))} ${new Date(`${day}T00:00:00Z`).toLocaleString("en", { month: "short", timeZone: "UTC" })}, ${day.slice(0, 4)} 10:05`,
              ]
            : [];
        const text = [
          title,
          "",
          ...BOILERPLATE_TOP,
          "",
          ...dateline,
          ...body.flatMap((p) => [p, ""]),
          `Also on ${outlet.domain}`,
          "",
          ...BOILERPLATE_BOTTOM,
        ].join("\n");
        const file = join(dir, "text", `${slug}-${outlet.domain}.txt`);
        writeFileSync(file, text);
        files.push(file);
      }
    });
  });
  const jsonl = join(dir, "meridian-wire.jsonl");
  writeFileSync(jsonl, `${records.join("\n")}\n`);
  const rss = join(dir, "global-dispatch.rss");
  writeFileSync(
    rss,
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Global Dispatch</title><link>https://globaldispatch.example</link>${rssItems.join("")}</channel></rss>`,
  );
  files.push(jsonl, rss);
  return { dir, files };
}
