-- CreateTable
CREATE TABLE "LinkerState" (
    "id" INTEGER NOT NULL,
    "state" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LinkerState_pkey" PRIMARY KEY ("id")
);
