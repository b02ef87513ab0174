// What every list page shows under its header: the API's failure, an empty list that says what to do, or
// the count, the table and the pager.
import type { ReactNode } from "react";
import type { SearchParams } from "../lib/filters";
import { formatNumber } from "../lib/format";
import type { Loaded } from "../lib/load";
import { EmptyState } from "./EmptyState";
import { ErrorState } from "./ErrorState";
import { type PageInfo, Pager } from "./Pager";

interface ListConnection {
  totalCount: number;
  pageInfo: PageInfo;
  edges: readonly unknown[];
}

export function ListResults<Data, List extends ListConnection>({
  result,
  select,
  what,
  noun,
  empty,
  pager,
  children,
}: {
  result: Loaded<Data>;
  select: (data: Data) => List;
  /** "the people": completes "The API could not load …". */
  what: string;
  /** "people": after the count. */
  noun: string;
  empty: { title: string; hint: ReactNode };
  pager: { path: string; params: SearchParams; label: string };
  /** The table of one page. */
  children: (list: List) => ReactNode;
}) {
  if (result.failure) return <ErrorState failure={result.failure} what={what} />;
  const list = select(result.data);
  if (list.edges.length === 0)
    return (
      <section className="card">
        <EmptyState title={empty.title}>{empty.hint}</EmptyState>
      </section>
    );
  return (
    <section className="card">
      <p className="muted">
        {formatNumber(list.totalCount)} {noun}
      </p>
      <div className="table-scroll">{children(list)}</div>
      <Pager path={pager.path} params={pager.params} pageInfo={list.pageInfo} label={pager.label} />
    </section>
  );
}
