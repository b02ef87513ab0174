// Previous / next links for a relay connection; the cursors ride in the URL like every other choice.
import Link from "next/link";
import { firstParam, type SearchParams, withParams } from "../lib/filters";

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

export function Pager({
  path,
  params,
  pageInfo,
  label,
}: {
  path: string;
  params: SearchParams;
  pageInfo: PageInfo;
  label: string;
}) {
  const pagingBack = Boolean(firstParam(params, "before"));
  const pagedAtAll = pagingBack || Boolean(firstParam(params, "after"));
  const hasPrevious = pagingBack ? pageInfo.hasPreviousPage : pagedAtAll;
  const hasNext = pagingBack ? true : pageInfo.hasNextPage;
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={label}>
      {hasPrevious && pageInfo.startCursor ? (
        <Link href={withParams(path, params, { after: null, before: pageInfo.startCursor })}>← Previous</Link>
      ) : (
        <span />
      )}
      {hasNext && pageInfo.endCursor ? (
        <Link href={withParams(path, params, { before: null, after: pageInfo.endCursor })}>Next →</Link>
      ) : null}
    </nav>
  );
}
