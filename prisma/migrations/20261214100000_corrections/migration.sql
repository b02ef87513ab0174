-- Corrections that stick (issue 14): the audit trail and rules, and hidden articles.
CREATE TYPE "CorrectionKind" AS ENUM ('MERGE_ENTITIES', 'UPDATE_ENTITY', 'SET_QUOTE_SPEAKER', 'REJECT_QUOTE', 'MOVE_ARTICLE', 'MERGE_EVENTS', 'UPDATE_EVENT', 'UPDATE_STORY', 'HIDE_ARTICLE', 'UNDO');

ALTER TABLE "Article" ADD COLUMN "hidden" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "Correction" (
    "id" SERIAL NOT NULL,
    "kind" "CorrectionKind" NOT NULL,
    "targetIds" INTEGER[],
    "oldValue" JSONB,
    "newValue" JSONB,
    "note" TEXT,
    "rule" JSONB,
    "rows" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "undoneById" INTEGER,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Correction_undoneById_key" ON "Correction"("undoneById");
CREATE INDEX "Correction_createdAt_idx" ON "Correction"("createdAt");
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "Correction"("id") ON DELETE SET NULL ON UPDATE CASCADE;
