-- Indexes in the order NEWEST sorts by: "publishedAt" DESC NULLS LAST, id DESC (undated rows last).
-- A plain DESC index is NULLS FIRST, which PostgreSQL cannot use for NULLS LAST: at 1M articles the newest
-- article (the dashboard's default date range) was a sort of every row, ~600 ms, and an outlet's newest
-- articles a sort of all of that outlet's. Prisma's schema language cannot say NULLS LAST (schema.prisma
-- declares these as DESC) and the schema engine does not compare nulls order, so `migrate diff` shows no drift.

-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt" DESC NULLS LAST, "id" DESC);

-- CreateIndex
CREATE INDEX "Article_outletId_publishedAt_id_idx" ON "Article"("outletId", "publishedAt" DESC NULLS LAST, "id" DESC);

-- The quote list's index, created NULLS FIRST by 20261122232108_quote_search: the newest quotes were a sort
-- of every match instead of an index walk.
DROP INDEX "Quote_publishedAt_id_idx";
CREATE INDEX "Quote_publishedAt_id_idx" ON "Quote"("publishedAt" DESC NULLS LAST, "id" DESC);
