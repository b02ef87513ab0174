// A story's events along its dates: each dot an event, its size the coverage it drew.
import { scaleSqrt, scaleUtc } from "d3-scale";
import Link from "next/link";
import type { GlobalFilters } from "../lib/filters";
import { formatAxisBucket, formatDay, plural } from "../lib/format";
import { eventHref } from "../lib/routes";

interface TimelineEvent {
  id: string;
  title: string;
  date: string | null;
  articleCount: number;
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function EventTimeline({ events, filters }: { events: TimelineEvent[]; filters: GlobalFilters }) {
  const dated = events.filter((e): e is TimelineEvent & { date: string } => Boolean(e.date));
  if (dated.length === 0) return null;
  const days = dated.map((e) => toDate(e.date));
  const min = new Date(Math.min(...days.map(Number)));
  const max = new Date(Math.max(...days.map(Number)));
  // One-day stories still need a width to sit in.
  const x = scaleUtc()
    .domain(+min === +max ? [new Date(+min - 86_400_000), new Date(+max + 86_400_000)] : [min, max])
    .range([3, 97]);
  const size = scaleSqrt()
    .domain([0, Math.max(1, ...dated.map((e) => e.articleCount))])
    .range([0.6, 1.8]);
  const ticks = x.ticks(6);
  const tickFormat = +max - +min > 120 * 86_400_000 ? "MONTH" : "DAY";
  return (
    <div className="event-timeline">
      <div className="event-track">
        {dated.map((event) => (
          <Link
            key={event.id}
            href={eventHref(event.id, filters)}
            className={`event-dot ${x(toDate(event.date)) > 55 ? "tip-left" : ""}`}
            style={{
              left: `${x(toDate(event.date))}%`,
              width: `${size(event.articleCount)}rem`,
              height: `${size(event.articleCount)}rem`,
            }}
            aria-label={`${event.title}, ${formatDay(event.date)}, ${plural(event.articleCount, "article")}`}
          >
            <span className="tip" aria-hidden="true">
              <strong>{event.title}</strong>
              <br />
              {formatDay(event.date)} · {plural(event.articleCount, "article")}
            </span>
          </Link>
        ))}
      </div>
      <div className="event-axis" aria-hidden="true">
        {ticks.map((tick) => (
          <span key={+tick} style={{ left: `${x(tick)}%` }}>
            {formatAxisBucket(tickFormat, tick.toISOString().slice(0, 10))}
          </span>
        ))}
      </div>
    </div>
  );
}
