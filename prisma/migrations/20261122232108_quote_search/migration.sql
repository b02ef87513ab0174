-- Trigram search for quotes (pg_trgm ships with PostgreSQL itself).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "Quote_publishedAt_idx";

-- CreateIndex
CREATE INDEX "Quote_publishedAt_id_idx" ON "Quote"("publishedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Quote_text_trgm_idx" ON "Quote" USING GIN ("text" gin_trgm_ops);
