// Everything a page shows is decided by its URL, so any view can be shared by copying the address.
// Global filters (from, to, outlet) follow the analyst from page to page; chart toggles belong to one page.

export type SearchParams = Record<string, string | string[] | undefined>;
export type Bucket = "DAY" | "WEEK" | "MONTH";
export type Scale = "count" | "share";

export interface GlobalFilters {
  from: string | null;
  to: string | null;
  outletIds: string[];
}

export const GLOBAL_PARAMS = ["from", "to", "outlet"] as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** The API refuses longer coverage ranges in daily or weekly buckets; monthly ones may span two centuries. */
export const MAX_RANGE_DAYS = 3650;
export const MAX_MONTHLY_RANGE_DAYS = 73_000;

export const firstParam = (params: SearchParams, key: string): string | undefined => {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
};

export const allParams = (params: SearchParams, key: string): string[] => {
  const value = params[key];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v.length > 0);
};

const validDay = (value: string | undefined): string | null =>
  value && ISO_DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;

export function readGlobalFilters(params: SearchParams): GlobalFilters {
  let from = validDay(firstParam(params, "from"));
  let to = validDay(firstParam(params, "to"));
  if (from && to && from > to) [from, to] = [to, from];
  return { from, to, outletIds: [...new Set(allParams(params, "outlet"))] };
}

export const hasGlobalFilters = (filters: GlobalFilters) => Boolean(filters.from || filters.to || filters.outletIds.length);

export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
export const today = () => new Date().toISOString().slice(0, 10);

/**
 * A closed day range for charts: the URL's, else the data's own span (outliers left out, see lib/span.ts), else
 * the last 30 days. Long ranges are drawn in months (readBucket), never cut.
 */
export function resolveRange(filters: GlobalFilters, span: { first: string | null; last: string | null } | null) {
  let to = filters.to ?? span?.last ?? today();
  let from = filters.from ?? span?.first ?? addDays(to, -30);
  if (from > to) [from, to] = [to, from];
  if (daysBetween(from, to) > MAX_MONTHLY_RANGE_DAYS) from = addDays(to, -MAX_MONTHLY_RANGE_DAYS);
  return { from, to };
}

/** Sixty bars at most unless the analyst asks for more: beyond that a bar is thinner than a finger. */
export function autoBucket(from: string, to: string): Bucket {
  const days = daysBetween(from, to);
  if (days <= 60) return "DAY";
  if (days <= 420) return "WEEK";
  return "MONTH";
}

export function readBucket(params: SearchParams, from: string, to: string): Bucket {
  const asked = firstParam(params, "bucket")?.toUpperCase();
  if (daysBetween(from, to) > MAX_RANGE_DAYS) return "MONTH";
  return asked === "DAY" || asked === "WEEK" || asked === "MONTH" ? asked : autoBucket(from, to);
}

export const readScale = (params: SearchParams): Scale => (firstParam(params, "scale") === "share" ? "share" : "count");

export function readChoice<T extends string>(params: SearchParams, key: string, choices: readonly T[], fallback: T): T {
  const asked = firstParam(params, key);
  return choices.find((c) => c === asked) ?? fallback;
}

type ParamChanges = Record<string, string | string[] | null | undefined>;

/** The current URL's parameters with some changed (null removes one). */
export function withParams(path: string, params: SearchParams, changes: ParamChanges = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key in changes || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A link to another page that keeps the global filters and drops this page's own parameters. */
export function withGlobalFilters(path: string, filters: GlobalFilters, extra: ParamChanges = {}): string {
  const params: SearchParams = {};
  if (filters.from) params.from = filters.from;
  if (filters.to) params.to = filters.to;
  if (filters.outletIds.length) params.outlet = filters.outletIds;
  return withParams(path, params, extra);
}

/** Day part of a LocalDateTime or Date ("2025-03-14T14:30:00" -> "2025-03-14"). */
export const dayOf = (value: string | null | undefined) => (value ? value.slice(0, 10) : null);
