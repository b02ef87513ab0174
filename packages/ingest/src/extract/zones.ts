// Where a publisher's clock hangs: the page's own offsets, else the outlet's home zone (a known outlet's country,
// or the country of its domain). A UTC instant is written on the publisher's local day, so dates are shown in it.
import { getPublicSuffix } from "tldts";
import type { ParsedDate } from "./dates.ts";
import { lookupOutlet } from "./known-outlets.ts";

/** The newsroom zone of each country we see often; for wide countries, where most national newsrooms sit. */
const COUNTRY_ZONES: Record<string, string> = {
  US: "America/New_York",
  CA: "America/Toronto",
  MX: "America/Mexico_City",
  BR: "America/Sao_Paulo",
  AR: "America/Argentina/Buenos_Aires",
  CL: "America/Santiago",
  CO: "America/Bogota",
  PE: "America/Lima",
  BO: "America/La_Paz",
  VE: "America/Caracas",
  GB: "Europe/London",
  UK: "Europe/London",
  IE: "Europe/Dublin",
  PT: "Europe/Lisbon",
  ES: "Europe/Madrid",
  FR: "Europe/Paris",
  BE: "Europe/Brussels",
  NL: "Europe/Amsterdam",
  LU: "Europe/Luxembourg",
  DE: "Europe/Berlin",
  AT: "Europe/Vienna",
  CH: "Europe/Zurich",
  IT: "Europe/Rome",
  DK: "Europe/Copenhagen",
  NO: "Europe/Oslo",
  SE: "Europe/Stockholm",
  FI: "Europe/Helsinki",
  PL: "Europe/Warsaw",
  CZ: "Europe/Prague",
  SK: "Europe/Bratislava",
  HU: "Europe/Budapest",
  SI: "Europe/Ljubljana",
  HR: "Europe/Zagreb",
  RS: "Europe/Belgrade",
  RO: "Europe/Bucharest",
  BG: "Europe/Sofia",
  GR: "Europe/Athens",
  TR: "Europe/Istanbul",
  UA: "Europe/Kyiv",
  RU: "Europe/Moscow",
  IL: "Asia/Jerusalem",
  QA: "Asia/Qatar",
  AE: "Asia/Dubai",
  SA: "Asia/Riyadh",
  IR: "Asia/Tehran",
  IN: "Asia/Kolkata",
  PK: "Asia/Karachi",
  CN: "Asia/Shanghai",
  HK: "Asia/Hong_Kong",
  TW: "Asia/Taipei",
  KR: "Asia/Seoul",
  JP: "Asia/Tokyo",
  SG: "Asia/Singapore",
  MY: "Asia/Kuala_Lumpur",
  PH: "Asia/Manila",
  ID: "Asia/Jakarta",
  TH: "Asia/Bangkok",
  VN: "Asia/Ho_Chi_Minh",
  AU: "Australia/Sydney",
  NZ: "Pacific/Auckland",
  ZA: "Africa/Johannesburg",
  NG: "Africa/Lagos",
  KE: "Africa/Nairobi",
  EG: "Africa/Cairo",
};

/** Outlets whose newsroom is not in their country's usual zone. */
const OUTLET_ZONES: Record<string, string> = {
  "latimes.com": "America/Los_Angeles",
  "sfchronicle.com": "America/Los_Angeles",
  "sfgate.com": "America/Los_Angeles",
  "seattletimes.com": "America/Los_Angeles",
  "denverpost.com": "America/Denver",
  "chicagotribune.com": "America/Chicago",
  "suntimes.com": "America/Chicago",
  "dallasnews.com": "America/Chicago",
  "houstonchronicle.com": "America/Chicago",
  "abc.net.au": "Australia/Sydney",
};

// Country-code suffixes that are sold as generic names and say nothing about where the site is.
const GENERIC_CC = new Set([
  "co",
  "io",
  "tv",
  "me",
  "fm",
  "ai",
  "ly",
  "to",
  "cc",
  "ws",
  "nu",
  "gg",
  "am",
  "la",
  "sh",
  "im",
  "is",
  "it",
]);

/** The IANA zone of the publisher at this address, when its outlet or its country-code domain says. */
export function homeZone(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
  for (const [domain, zone] of Object.entries(OUTLET_ZONES)) if (host === domain || host.endsWith(`.${domain}`)) return zone;
  const known = lookupOutlet(host);
  if (known?.country && known.domain && COUNTRY_ZONES[known.country]) return COUNTRY_ZONES[known.country] as string;
  const suffix = getPublicSuffix(host) ?? "";
  const cc = suffix.split(".").pop() ?? "";
  // ".it" is generic in the list only for hacks like "make.it"; an Italian newspaper is under .it anyway.
  if (cc === "it") return "Europe/Rome";
  if (cc.length !== 2 || GENERIC_CC.has(cc)) return null;
  return COUNTRY_ZONES[cc.toUpperCase()] ?? null;
}

/** "+05:30" -> 330 minutes. */
export function offsetMinutes(offset: string): number | null {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) return null;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const formatOffset = (minutes: number): string => {
  const sign = minutes < 0 ? "-" : "+";
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClockIn(instant: number, zone: string): string | null {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
      });
    } catch {
      return null;
    }
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

export interface PublisherZone {
  /** An IANA zone (DST-aware), when the outlet's home is known. */
  iana?: string | null;
  /** A fixed offset the page itself states, e.g. "-05:00". */
  offset?: string | null;
}

/**
 * A timestamp stated in UTC, rewritten as the publisher's wall clock (offset kept, so the instant is unchanged).
 * Anything else (no offset, a local offset, a bare day) is already as the publisher wrote it.
 */
export function inPublisherZone<T extends ParsedDate>(date: T, zone: PublisherZone): T {
  if (date.offset !== "+00:00" || date.precision !== "MINUTE") return date;
  const instant = Date.parse(`${date.value}Z`);
  if (Number.isNaN(instant)) return date;
  if (zone.offset && zone.offset !== "+00:00") {
    const minutes = offsetMinutes(zone.offset);
    if (minutes === null) return date;
    return { ...date, value: new Date(instant + minutes * 60_000).toISOString().slice(0, 19), offset: zone.offset };
  }
  if (zone.iana) {
    const local = wallClockIn(instant, zone.iana);
    if (!local) return date;
    const minutes = Math.round((Date.parse(`${local}Z`) - instant) / 60_000);
    return minutes === 0 ? date : { ...date, value: local, offset: formatOffset(minutes) };
  }
  return date;
}

/**
 * The offset a page writes its times in: the most common non-UTC offset among its stamps, or the difference
 * between a zone-less stamp and a UTC stamp of the same minute and second (sailthru.date beside published_time).
 */
export function statedPageOffset(dates: readonly ParsedDate[]): string | null {
  const counts = new Map<string, number>();
  for (const d of dates) if (d.offset && d.offset !== "+00:00") counts.set(d.offset, (counts.get(d.offset) ?? 0) + 1);
  let best: string | null = null;
  for (const [offset, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = offset;
  if (best) return best;
  const utc = dates.filter((d) => d.offset === "+00:00" && d.precision === "MINUTE");
  const naive = dates.filter((d) => d.offset === null && d.precision === "MINUTE" && d.value.slice(14, 19) !== "00:00");
  for (const n of naive)
    for (const u of utc) {
      if (n.value.slice(14, 19) !== u.value.slice(14, 19)) continue;
      const minutes = Math.round((Date.parse(`${n.value}Z`) - Date.parse(`${u.value}Z`)) / 60_000);
      if (minutes !== 0 && Math.abs(minutes) <= 14 * 60 && minutes % 30 === 0) return formatOffset(minutes);
    }
  return null;
}
