-- CreateEnum
CREATE TYPE "OutletKind" AS ENUM ('WIRE_AGENCY', 'PUBLISHER', 'BROADCASTER', 'STATE_MEDIA', 'BLOG', 'AGGREGATOR', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ProvenanceSource" AS ENUM ('INPUT', 'FEED', 'METADATA', 'URL', 'TEXT', 'INFERRED', 'NONE');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('MINUTE', 'DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "InputKind" AS ENUM ('TEXT', 'HTML', 'JSON', 'JSONL', 'FEED', 'URL', 'STDIN');

-- CreateEnum
CREATE TYPE "EntityKind" AS ENUM ('PERSON', 'PLACE', 'ORGANIZATION');

-- CreateEnum
CREATE TYPE "AttributionMethod" AS ENUM ('CUE_AFTER', 'CUE_BEFORE', 'COLON', 'DASH', 'ACCORDING_TO', 'OUTLET_REPORT', 'CARRY_OVER', 'PRONOUN', 'ROLE_NOUN', 'ALIAS_TABLE', 'UNRESOLVED', 'NONE');

-- CreateEnum
CREATE TYPE "QuoteKind" AS ENUM ('FULL', 'FRAGMENT');

-- CreateEnum
CREATE TYPE "CitationKind" AS ENUM ('REPORTS', 'SOURCE_LINE', 'BYLINE', 'ACCORDING_TO', 'FROM', 'MENTION');

-- CreateEnum
CREATE TYPE "IngestStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateEnum
CREATE TYPE "CoverageDimension" AS ENUM ('ALL', 'OUTLET', 'EVENT', 'STORY', 'SPEAKER');

-- CreateTable
CREATE TABLE "Outlet" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "domain" TEXT,
    "country" TEXT,
    "language" TEXT,
    "kind" "OutletKind" NOT NULL DEFAULT 'UNKNOWN',
    "aliases" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Outlet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Article" (
    "id" SERIAL NOT NULL,
    "outletId" INTEGER,
    "outletSource" "ProvenanceSource" NOT NULL DEFAULT 'NONE',
    "outletEvidence" TEXT,
    "externalId" TEXT,
    "url" TEXT,
    "title" TEXT,
    "authors" TEXT[],
    "body" TEXT NOT NULL,
    "language" TEXT,
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMP(0),
    "publishedAtOffset" TEXT,
    "publishedAtPrecision" "DatePrecision",
    "publishedAtSource" "ProvenanceSource" NOT NULL DEFAULT 'NONE',
    "publishedAtConfidence" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "publishedAtEarliest" TIMESTAMP(0),
    "publishedAtLatest" TIMESTAMP(0),
    "publishedAtEvidence" TEXT,
    "modifiedAt" TIMESTAMP(0),
    "contentHash" TEXT NOT NULL,
    "simhash" BIGINT,
    "simhashBands" INTEGER[],
    "duplicateOfId" INTEGER,
    "duplicateSimilarity" DOUBLE PRECISION,
    "inputKind" "InputKind" NOT NULL,
    "rawRef" TEXT,
    "rawSha256" TEXT,
    "ingestRunId" INTEGER,
    "eventId" INTEGER,
    "eventSimilarity" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Entity" (
    "id" SERIAL NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "aliases" TEXT[],
    "gender" TEXT,
    "country" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Entity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "entityId" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "offsets" INTEGER[],
    "asWritten" TEXT[],

    CONSTRAINT "Mention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleHolding" (
    "id" SERIAL NOT NULL,
    "role" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "firstSeen" TIMESTAMP(0) NOT NULL,
    "lastSeen" TIMESTAMP(0) NOT NULL,
    "evidenceCount" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RoleHolding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "parts" JSONB,
    "kind" "QuoteKind" NOT NULL DEFAULT 'FULL',
    "speakerId" INTEGER,
    "speakerAsWritten" TEXT,
    "attribution" "AttributionMethod" NOT NULL DEFAULT 'NONE',
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "clusterId" INTEGER,
    "publishedAt" TIMESTAMP(0),

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteCluster" (
    "id" SERIAL NOT NULL,
    "canonicalText" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "speakerId" INTEGER,
    "firstArticleId" INTEGER,
    "firstOutletId" INTEGER,
    "firstSeenAt" TIMESTAMP(0),
    "quoteCount" INTEGER NOT NULL DEFAULT 0,
    "outletCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "QuoteCluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "outletId" INTEGER NOT NULL,
    "kind" "CitationKind" NOT NULL,
    "asWritten" TEXT NOT NULL,
    "start" INTEGER,
    "end" INTEGER,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Story" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "firstDate" DATE,
    "lastDate" DATE,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "articleCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "date" DATE,
    "dateEnd" DATE,
    "placeId" INTEGER,
    "storyId" INTEGER,
    "articleCount" INTEGER NOT NULL DEFAULT 0,
    "firstSeenAt" TIMESTAMP(0),
    "lastSeenAt" TIMESTAMP(0),
    "centroid" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventParticipant" (
    "eventId" INTEGER NOT NULL,
    "entityId" INTEGER NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,

    CONSTRAINT "EventParticipant_pkey" PRIMARY KEY ("eventId","entityId")
);

-- CreateTable
CREATE TABLE "EventMention" (
    "articleId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "asWritten" TEXT NOT NULL,

    CONSTRAINT "EventMention_pkey" PRIMARY KEY ("articleId","eventId")
);

-- CreateTable
CREATE TABLE "IngestRun" (
    "id" SERIAL NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "status" "IngestStatus" NOT NULL DEFAULT 'RUNNING',
    "command" TEXT NOT NULL,
    "inputs" TEXT[],
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "seen" INTEGER NOT NULL DEFAULT 0,
    "stored" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "nearDuplicates" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IngestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestError" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "input" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IngestError_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoverageDay" (
    "dimension" "CoverageDimension" NOT NULL,
    "key" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "unique" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CoverageDay_pkey" PRIMARY KEY ("dimension","key","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "Outlet_slug_key" ON "Outlet"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Outlet_domain_key" ON "Outlet"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "Article_contentHash_key" ON "Article"("contentHash");

-- CreateIndex
CREATE INDEX "Article_publishedAt_idx" ON "Article"("publishedAt");

-- CreateIndex
CREATE INDEX "Article_outletId_publishedAt_idx" ON "Article"("outletId", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_eventId_publishedAt_idx" ON "Article"("eventId", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_duplicateOfId_idx" ON "Article"("duplicateOfId");

-- CreateIndex
CREATE INDEX "Article_ingestRunId_idx" ON "Article"("ingestRunId");

-- CreateIndex
CREATE INDEX "Article_simhashBands_idx" ON "Article" USING GIN ("simhashBands");

-- CreateIndex
CREATE INDEX "Article_externalId_idx" ON "Article"("externalId");

-- CreateIndex
CREATE INDEX "Entity_name_idx" ON "Entity"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Entity_kind_key_key" ON "Entity"("kind", "key");

-- CreateIndex
CREATE INDEX "Mention_entityId_idx" ON "Mention"("entityId");

-- CreateIndex
CREATE UNIQUE INDEX "Mention_articleId_entityId_key" ON "Mention"("articleId", "entityId");

-- CreateIndex
CREATE INDEX "RoleHolding_role_idx" ON "RoleHolding"("role");

-- CreateIndex
CREATE UNIQUE INDEX "RoleHolding_role_entityId_key" ON "RoleHolding"("role", "entityId");

-- CreateIndex
CREATE INDEX "Quote_articleId_idx" ON "Quote"("articleId");

-- CreateIndex
CREATE INDEX "Quote_speakerId_publishedAt_idx" ON "Quote"("speakerId", "publishedAt");

-- CreateIndex
CREATE INDEX "Quote_clusterId_idx" ON "Quote"("clusterId");

-- CreateIndex
CREATE INDEX "Quote_publishedAt_idx" ON "Quote"("publishedAt");

-- CreateIndex
CREATE INDEX "QuoteCluster_speakerId_idx" ON "QuoteCluster"("speakerId");

-- CreateIndex
CREATE INDEX "QuoteCluster_fingerprint_idx" ON "QuoteCluster"("fingerprint");

-- CreateIndex
CREATE INDEX "Citation_outletId_idx" ON "Citation"("outletId");

-- CreateIndex
CREATE UNIQUE INDEX "Citation_articleId_outletId_kind_key" ON "Citation"("articleId", "outletId", "kind");

-- CreateIndex
CREATE INDEX "Story_lastDate_idx" ON "Story"("lastDate");

-- CreateIndex
CREATE INDEX "Event_date_idx" ON "Event"("date");

-- CreateIndex
CREATE INDEX "Event_storyId_date_idx" ON "Event"("storyId", "date");

-- CreateIndex
CREATE INDEX "Event_lastSeenAt_idx" ON "Event"("lastSeenAt");

-- CreateIndex
CREATE INDEX "EventParticipant_entityId_idx" ON "EventParticipant"("entityId");

-- CreateIndex
CREATE INDEX "EventMention_eventId_idx" ON "EventMention"("eventId");

-- CreateIndex
CREATE INDEX "IngestRun_startedAt_idx" ON "IngestRun"("startedAt");

-- CreateIndex
CREATE INDEX "IngestError_runId_idx" ON "IngestError"("runId");

-- CreateIndex
CREATE INDEX "CoverageDay_dimension_day_idx" ON "CoverageDay"("dimension", "day");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_ingestRunId_fkey" FOREIGN KEY ("ingestRunId") REFERENCES "IngestRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleHolding" ADD CONSTRAINT "RoleHolding_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "QuoteCluster"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteCluster" ADD CONSTRAINT "QuoteCluster_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteCluster" ADD CONSTRAINT "QuoteCluster_firstArticleId_fkey" FOREIGN KEY ("firstArticleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteCluster" ADD CONSTRAINT "QuoteCluster_firstOutletId_fkey" FOREIGN KEY ("firstOutletId") REFERENCES "Outlet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestError" ADD CONSTRAINT "IngestError_runId_fkey" FOREIGN KEY ("runId") REFERENCES "IngestRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
