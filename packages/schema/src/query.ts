// Prisma refuses `select: {}`, which is what Pothos plans when an operation selects nothing of a model but
// __typename (`{ article(id) { __typename } }` answered "Unexpected error"): select the id then.
export function selectingSomething<Q extends object>(query: Q): Q {
  const select = (query as { select?: Record<string, unknown> }).select;
  if (select && Object.keys(select).length === 0) return { ...query, select: { id: true } };
  return query;
}
