// The global filters: a plain GET form, so applying them is a navigation to a shareable URL (no JavaScript).
import Link from "next/link";
import { GLOBAL_PARAMS, type GlobalFilters, type SearchParams, withParams } from "../lib/filters";
import { formatDay } from "../lib/format";
import { graphql } from "../lib/graphql";
import { load } from "../lib/load";

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
}

export async function FilterBar({
  path,
  params,
  filters,
  range,
  defaultRangeLabel = "all dated articles",
  withOutlets = true,
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
      {range ? (
        <p className="filters-range muted">
          Showing {formatDay(range.from)} – {formatDay(range.to)}
          {filters.from || filters.to ? "" : ` (${defaultRangeLabel})`}
        </p>
      ) : null}
    </form>
  );
}
