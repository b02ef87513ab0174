-- Quotes of hidden articles leave quote lists (issue 14): a copy of the article's flag, so no list needs a join.
ALTER TABLE "Quote" ADD COLUMN "hidden" BOOLEAN NOT NULL DEFAULT false;
