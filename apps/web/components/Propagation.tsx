// How one statement travelled: every carrier on a shared clock, first carrier first.
import { scaleUtc } from "d3-scale";
import Link from "next/link";
import type { GlobalFilters } from "../lib/filters";
import { formatDelay, formatLocal } from "../lib/format";
import { articleHref, outletHref, quoteAnchor } from "../lib/routes";

export interface Carrying {
  id: string;
  text: string;
  publishedAt: string | null;
  article: { id: string; title: string | null; outlet: { name: string; slug: string } | null };
}

const toDate = (value: string) => new Date(`${value.slice(0, 19)}Z`);

export function Propagation({
  carryings,
  canonicalText,
  filters,
}: {
  carryings: Carrying[];
  canonicalText: string;
  filters: GlobalFilters;
}) {
  const dated = carryings.filter((c) => c.publishedAt);
  const first = dated[0]?.publishedAt ?? null;
  const times = dated.map((c) => toDate(c.publishedAt ?? ""));
  const min = times.length ? new Date(Math.min(...times.map(Number))) : new Date();
  const max = times.length ? new Date(Math.max(...times.map(Number))) : new Date();
  const x = scaleUtc()
    .domain(+min === +max ? [min, new Date(+max + 3_600_000)] : [min, max])
    .range([2, 98]);
  const normalise = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  return (
    <ol className="propagation" aria-label="Carriers, first first">
      {carryings.map((c, index) => {
        const reworded = normalise(c.text) !== normalise(canonicalText);
        return (
          <li key={c.id} className="propagation-row">
            <div>
              {c.article.outlet ? (
                <Link href={outletHref(c.article.outlet.slug, filters)}>{c.article.outlet.name}</Link>
              ) : (
                "unknown outlet"
              )}
              <div className="meta">
                <Link href={articleHref(c.article.id, quoteAnchor(c.id))}>{formatLocal(c.publishedAt)}</Link>{" "}
                {index === 0 ? <span className="badge good">first</span> : <span>{formatDelay(first, c.publishedAt)}</span>}
              </div>
              {reworded ? <div className="meta">worded: “{c.text}”</div> : null}
            </div>
            <div className="track" aria-hidden="true">
              {c.publishedAt ? (
                <span className={`dot ${index === 0 ? "first" : ""}`} style={{ left: `${x(toDate(c.publishedAt))}%` }} />
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
