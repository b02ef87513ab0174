-- A run killed mid-way is marked INTERRUPTED by the next run (it holds the ingest lock, so it knows).
ALTER TYPE "IngestStatus" ADD VALUE IF NOT EXISTS 'INTERRUPTED';
