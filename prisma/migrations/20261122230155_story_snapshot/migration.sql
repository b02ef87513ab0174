-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "centroid" JSONB;
