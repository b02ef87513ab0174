// The global filters: a plain GET form, so applying them is a navigation to a shareable URL (no JavaScript).
import Link from "next/link";
import { GLOBAL_PARAMS, type GlobalFilters, MAX_MONTHLY_RANGE_DAYS, type SearchParams, withParams } from "../lib/filters";
import { formatDay, formatNumber, plural } from "../lib/format";
import { graphql } from "../lib/graphql";
import { load } from "../lib/load";
import type { ArticleDates } from "../lib/span";

const OutletChoicesQuery = graphql(`
  query OutletChoices {
    outlets(first: 100) {
      edges {
        node {
          id
          name
          domain
        }
      }
    }
  }
`);

/**
 * Starts the outlet list's request before a page's own data is in: the bar renders only after the page's awaits,
 * and load() is cached per request, so the bar then finds the answer ready instead of asking last.
 */
export function preloadFilterBar() {
  void load(OutletChoicesQuery, {});
}

/** Parameters that mean "where am I in a list": a new filter starts the list again. */
const RESET_ON_FILTER = new Set(["after", "before"]);

interface FilterBarProps {
  path: string;
  params: SearchParams;
  filters: GlobalFilters;
  /** The range the page actually shows, which the URL may leave open. */
  range?: { from: string; to: string };
  /** What the range is when the URL leaves it open, e.g. "the event’s own span". */
  defaultRangeLabel?: string;
  /** Pages about one outlet have no use for the outlet filter. */
  withOutlets?: boolean;
  /** How the page's articles spread over time: the label then says how many the range shows and leaves out. */
  dates?: ArticleDates | null;
  /** Where the undated ones are listed. */
  undatedHref?: string;
}

export async function FilterBar({
  path,
  params,
  filters,
  range,
  defaultRangeLabel = "all dated articles",
  withOutlets = true,
  dates,
  undatedHref,
}: FilterBarProps) {
  const outlets = withOutlets ? await load(OutletChoicesQuery, {}) : null;
  const choices = outlets?.data?.outlets.edges.map((e) => e.node) ?? [];
  const chosen = choices.filter((o) => filters.outletIds.includes(o.id));
  const kept = Object.entries(params).filter(
    ([key]) => !(GLOBAL_PARAMS as readonly string[]).includes(key) && !RESET_ON_FILTER.has(key),
  );
  const resetHref = withParams(path, params, { from: null, to: null, outlet: null, after: null, before: null });
  return (
    <form className="filters card" method="get" action={path} aria-label="Filters">
      {kept.flatMap(([key, value]) =>
        (Array.isArray(value) ? value : [value ?? ""]).map((v) => (
          <input key={`${key}=${v}`} type="hidden" name={key} value={v} />
        )),
      )}
      <label>
        From <input type="date" name="from" defaultValue={filters.from ?? ""} />
      </label>
      <label>
        To <input type="date" name="to" defaultValue={filters.to ?? ""} />
      </label>
      {withOutlets ? (
        <details className="outlet-picker">
          <summary>{chosen.length ? `Outlets: ${chosen.map((o) => o.name).join(", ")}` : "All outlets"}</summary>
          <fieldset>
            <legend className="visually-hidden">Outlets to include</legend>
            {choices.length === 0 ? <p className="muted">No outlets stored yet.</p> : null}
            {choices.map((o) => (
              <label key={o.id} className="check">
                <input type="checkbox" name="outlet" value={o.id} defaultChecked={filters.outletIds.includes(o.id)} />
                {o.name}
                {o.domain && o.domain !== o.name ? <span className="muted"> {o.domain}</span> : null}
              </label>
            ))}
          </fieldset>
        </details>
      ) : null}
      <button type="submit">Apply</button>
      <Link href={resetHref} className="reset">
        Reset
      </Link>
      {dates && (range || dates.dated === 0) ? (
        <RangeLabel path={path} params={params} filters={filters} range={range} dates={dates} undatedHref={undatedHref} />
      ) : range ? (
        <p className="filters-range muted">
          Showing {formatDay(range.from)} – {formatDay(range.to)}
          {filters.from || filters.to ? "" : ` (${defaultRangeLabel})`}
        </p>
      ) : null}
    </form>
  );
}

interface RangeLabelProps {
  path: string;
  params: SearchParams;
  filters: GlobalFilters;
  /** None when nothing is dated: there is no range to speak of. */
  range?: { from: string; to: string };
  dates: ArticleDates;
  undatedHref?: string;
}

/** "Showing 1 Dec 2018 – 1 Jan 2019: 2 of 3 dated articles, 1 outside this range (show all) · 2 undated (list them)". */
function RangeLabel({ path, params, filters, range, dates, undatedHref }: RangeLabelProps) {
  const shown = dates.dated - dates.outside;
  const chosen = Boolean(filters.from || filters.to);
  const showAllHref =
    dates.allFirst && dates.allLast
      ? withParams(path, params, { from: dates.allFirst, to: dates.allLast, after: null, before: null })
      : null;
  return (
    <p className="filters-range muted" data-testid="range-label">
      {range ? (
        <>
          Showing {formatDay(range.from)} – {formatDay(range.to)}
          {chosen ? " (chosen dates)" : ""}
          {filters.from && filters.from < range.from ? ` (at most ${MAX_MONTHLY_RANGE_DAYS / 365} years at once)` : ""}:{" "}
        </>
      ) : null}
      {dates.dated === 0 ? (
        range ? (
          "no dated articles"
        ) : (
          "No dated articles"
        )
      ) : dates.outside === 0 ? (
        `all ${plural(dates.dated, "dated article")}`
      ) : (
        <>
          {formatNumber(shown)} of {plural(dates.dated, "dated article")},{" "}
          <strong>{formatNumber(dates.outside)} outside this range</strong>
          {chosen ? "" : " (far-off dates left out)"}
          {showAllHref ? (
            <>
              {" "}
              <Link href={showAllHref} className="range-all">
                Show all ({formatDay(dates.allFirst)} – {formatDay(dates.allLast)})
              </Link>
            </>
          ) : null}
        </>
      )}
      {dates.estimated ? ` · ${formatNumber(dates.estimated)} with estimated dates` : ""}
      {dates.undated ? (
        <>
          {" · "}
          {undatedHref ? (
            <Link href={undatedHref} className="range-undated">
              {plural(dates.undated, "undated article")}
            </Link>
          ) : (
            plural(dates.undated, "undated article")
          )}
        </>
      ) : null}
    </p>
  );
}
