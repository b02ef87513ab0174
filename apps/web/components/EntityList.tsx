// People, places and organisations named across a set of articles, grouped by kind, most named first.
import Link from "next/link";
import type { GlobalFilters } from "../lib/filters";
import { formatNumber } from "../lib/format";
import { personHref } from "../lib/routes";

type Kind = "PERSON" | "PLACE" | "ORGANIZATION";
export interface NamedEntity {
  id: string;
  name: string;
  kind: Kind;
  /** Articles that name it. */
  articles: number;
}

export function tallyMentions(mentions: { entity: { id: string; name: string; kind: Kind } }[]): NamedEntity[] {
  const byId = new Map<string, NamedEntity>();
  for (const { entity } of mentions) {
    const seen = byId.get(entity.id);
    if (seen) seen.articles += 1;
    else byId.set(entity.id, { ...entity, articles: 1 });
  }
  return [...byId.values()].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
}

const GROUPS: { kind: Kind; title: string }[] = [
  { kind: "PERSON", title: "People" },
  { kind: "PLACE", title: "Places" },
  { kind: "ORGANIZATION", title: "Organisations" },
];

export function EntityList({
  entities,
  filters,
  emptyText,
  limit = 10,
}: {
  entities: NamedEntity[];
  filters: GlobalFilters;
  emptyText: string;
  limit?: number;
}) {
  if (entities.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <>
      {GROUPS.map(({ kind, title }) => {
        const group = entities.filter((e) => e.kind === kind).slice(0, limit);
        if (!group.length) return null;
        return (
          <div key={kind}>
            <h3>{title}</h3>
            <ul className="list">
              {group.map((e) => (
                <li key={e.id} className="ranked">
                  {kind === "PERSON" ? <Link href={personHref(e.id, filters)}>{e.name}</Link> : <span>{e.name}</span>}
                  <span className="num muted">
                    {formatNumber(e.articles)} {e.articles === 1 ? "article" : "articles"}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
