-- The page's own canonical link, so the dashboard can link back to the original of a portal copy.
ALTER TABLE "Article" ADD COLUMN "canonicalUrl" TEXT;
