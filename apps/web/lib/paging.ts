// Relay cursors in the URL: ?after= pages forward, ?before= pages back.
import { firstParam, type SearchParams } from "./filters";

export type PageWindow = { first: number; after?: string } | { last: number; before: string };

export function readPageWindow(params: SearchParams, size: number): PageWindow {
  const before = firstParam(params, "before");
  if (before) return { last: size, before };
  const after = firstParam(params, "after");
  return after ? { first: size, after } : { first: size };
}
