// Display formats. Dates are shown as the source wrote them: no time zone is ever applied (see
// docs/architecture.md, "Dates as written"), hence timeZone UTC on values that carry no zone.
import type { Bucket } from "./filters";

const LOCALE = "en-GB";
const utc = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", ...options });

const dayFormat = utc({ day: "numeric", month: "short", year: "numeric" });
const shortDayFormat = utc({ day: "numeric", month: "short" });
const monthFormat = utc({ month: "short", year: "numeric" });
const timeFormat = utc({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const numberFormat = new Intl.NumberFormat(LOCALE);
const percentFormat = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 1 });

const asUtc = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : `${value.replace(/Z$/, "")}Z`);

export const formatNumber = (n: number) => numberFormat.format(n);
export const formatShare = (share: number) => percentFormat.format(share);
export const formatDay = (day: string | null | undefined) => (day ? dayFormat.format(asUtc(day.slice(0, 10))) : "undated");

/** A LocalDateTime as written, with the time when the source gave one. */
export function formatLocal(value: string | null | undefined): string {
  if (!value) return "undated";
  const date = asUtc(value);
  const hasTime = value.length > 10 && !/T00:00(:00)?$/.test(value);
  return hasTime ? `${dayFormat.format(date)}, ${timeFormat.format(date)}` : dayFormat.format(date);
}

/** A date no finer than it is known: "2013" for a year, "Sep 2018" for a month, "week of 3 Sept 2018". */
export function formatDated(value: string | null | undefined, precision: string | null | undefined): string {
  if (!value) return "undated";
  if (precision === "YEAR") return value.slice(0, 4);
  if (precision === "MONTH") return monthFormat.format(asUtc(value.slice(0, 10)));
  if (precision === "WEEK") return `week of ${dayFormat.format(asUtc(value.slice(0, 10)))}`;
  return formatLocal(value);
}

/** An instant (DateTime, UTC) such as an ingest run's start. */
export const formatInstant = (value: string | null | undefined) =>
  value ? `${dayFormat.format(new Date(value))}, ${timeFormat.format(new Date(value))} UTC` : "—";

export function formatBucket(bucket: Bucket, day: string): string {
  const date = asUtc(day);
  if (bucket === "MONTH") return monthFormat.format(date);
  if (bucket === "WEEK") return `Week of ${dayFormat.format(date)}`;
  return dayFormat.format(date);
}

export function formatAxisBucket(bucket: Bucket, day: string): string {
  const date = asUtc(day);
  return bucket === "MONTH" ? monthFormat.format(date) : shortDayFormat.format(date);
}

/** "+3 h", "+2 d": how long after the first carrier another outlet carried a statement. */
export function formatDelay(fromValue: string | null | undefined, toValue: string | null | undefined): string | null {
  if (!fromValue || !toValue) return null;
  const minutes = Math.round((asUtc(toValue).getTime() - asUtc(fromValue).getTime()) / 60_000);
  if (minutes <= 0) return "same time";
  if (minutes < 60) return `+${minutes} min`;
  if (minutes < 48 * 60) return `+${Math.round(minutes / 60)} h`;
  return `+${Math.round(minutes / 1440)} d`;
}

export const formatDuration = (startedAt: string, finishedAt: string | null | undefined) => {
  if (!finishedAt) return "—";
  const seconds = (new Date(finishedAt).getTime() - new Date(startedAt).getTime()) / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds / 60)} min`;
};

export const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** A count the API stopped at a limit (CappedCount): "1,000+ quotes" when there are more. */
export const pluralCapped = (count: { count: number; capped: boolean }, one: string, many = `${one}s`) =>
  count.capped ? `${formatNumber(count.count)}+ ${many}` : plural(count.count, one, many);
