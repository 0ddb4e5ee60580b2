-- CreateEnum
CREATE TYPE "OzgPhase" AS ENUM ('DEPRIORITIZED', 'NOT_STARTED', 'INITIALISATION', 'REUSE_REVIEW', 'REUSE_PLANNING', 'PILOT', 'ROLLOUT', 'DONE');

-- CreateEnum
CREATE TYPE "OzgAvailability" AS ENUM ('NONE', 'PARTIAL', 'AREA_WIDE');

-- CreateEnum
CREATE TYPE "OzgImportStatus" AS ENUM ('CHECKED', 'APPLIED', 'DISCARDED');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'OZG_SERVICE_CHANGED';

-- CreateTable
CREATE TABLE "OzgService" (
    "ozgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lage" TEXT NOT NULL,
    "themenfeld" TEXT NOT NULL,
    "ressort" TEXT,
    "priority" INTEGER,
    "phase" "OzgPhase" NOT NULL DEFAULT 'NOT_STARTED',
    "implementationModel" TEXT,
    "leadState" TEXT,
    "isFocus" BOOLEAN NOT NULL DEFAULT false,
    "availability" "OzgAvailability" NOT NULL DEFAULT 'NONE',
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OzgService_pkey" PRIMARY KEY ("ozgId")
);

-- CreateTable
CREATE TABLE "OzgLeikaService" (
    "id" TEXT NOT NULL,
    "ozgId" TEXT NOT NULL,
    "leikaKey" TEXT,
    "name" TEXT NOT NULL,
    "leikaType" TEXT,
    "legalBasis" TEXT,
    "laws" TEXT,
    "lawAbbrevs" TEXT,

    CONSTRAINT "OzgLeikaService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OzgImport" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "uploadedById" TEXT,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "OzgImportStatus" NOT NULL DEFAULT 'CHECKED',
    "baseVersion" INTEGER NOT NULL,
    "plan" JSONB NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "newCount" INTEGER NOT NULL,
    "changedCount" INTEGER NOT NULL,
    "unchangedCount" INTEGER NOT NULL,
    "missingCount" INTEGER NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "appliedById" TEXT,
    "appliedAt" TIMESTAMP(3),
    "applyingSince" TIMESTAMP(3),

    CONSTRAINT "OzgImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OzgFieldChange" (
    "id" TEXT NOT NULL,
    "ozgId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT,
    "importId" TEXT,
    "changedById" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OzgFieldChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OzgServiceFollower" (
    "ozgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OzgServiceFollower_pkey" PRIMARY KEY ("ozgId","userId")
);

-- CreateTable
CREATE TABLE "ThreadOzgService" (
    "threadId" TEXT NOT NULL,
    "ozgId" TEXT NOT NULL,
    "linkedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreadOzgService_pkey" PRIMARY KEY ("threadId","ozgId")
);

-- CreateTable
CREATE TABLE "SpotlightOzgService" (
    "spotlightId" TEXT NOT NULL,
    "ozgId" TEXT NOT NULL,
    "linkedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpotlightOzgService_pkey" PRIMARY KEY ("spotlightId","ozgId")
);

-- CreateTable
CREATE TABLE "OzgSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "isDemoData" BOOLEAN NOT NULL DEFAULT false,
    "catalogVersion" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OzgSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OzgService_phase_idx" ON "OzgService"("phase");

-- CreateIndex
CREATE INDEX "OzgService_ressort_idx" ON "OzgService"("ressort");

-- CreateIndex
CREATE INDEX "OzgService_themenfeld_idx" ON "OzgService"("themenfeld");

-- CreateIndex
CREATE INDEX "OzgService_lage_idx" ON "OzgService"("lage");

-- CreateIndex
CREATE INDEX "OzgService_priority_idx" ON "OzgService"("priority");

-- CreateIndex
CREATE INDEX "OzgLeikaService_ozgId_idx" ON "OzgLeikaService"("ozgId");

-- CreateIndex
CREATE INDEX "OzgLeikaService_leikaKey_idx" ON "OzgLeikaService"("leikaKey");

-- CreateIndex
CREATE INDEX "OzgImport_status_uploadedAt_idx" ON "OzgImport"("status", "uploadedAt");

-- CreateIndex
CREATE INDEX "OzgImport_sha256_idx" ON "OzgImport"("sha256");

-- CreateIndex
CREATE INDEX "OzgFieldChange_ozgId_changedAt_idx" ON "OzgFieldChange"("ozgId", "changedAt");

-- CreateIndex
CREATE INDEX "OzgFieldChange_field_changedAt_idx" ON "OzgFieldChange"("field", "changedAt");

-- CreateIndex
CREATE INDEX "OzgFieldChange_importId_idx" ON "OzgFieldChange"("importId");

-- CreateIndex
CREATE INDEX "OzgServiceFollower_userId_idx" ON "OzgServiceFollower"("userId");

-- CreateIndex
CREATE INDEX "ThreadOzgService_ozgId_idx" ON "ThreadOzgService"("ozgId");

-- CreateIndex
CREATE INDEX "SpotlightOzgService_ozgId_idx" ON "SpotlightOzgService"("ozgId");

-- AddForeignKey
ALTER TABLE "OzgLeikaService" ADD CONSTRAINT "OzgLeikaService_ozgId_fkey" FOREIGN KEY ("ozgId") REFERENCES "OzgService"("ozgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OzgImport" ADD CONSTRAINT "OzgImport_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OzgImport" ADD CONSTRAINT "OzgImport_appliedById_fkey" FOREIGN KEY ("appliedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OzgFieldChange" ADD CONSTRAINT "OzgFieldChange_ozgId_fkey" FOREIGN KEY ("ozgId") REFERENCES "OzgService"("ozgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OzgFieldChange" ADD CONSTRAINT "OzgFieldChange_importId_fkey" FOREIGN KEY ("importId") REFERENCES "OzgImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OzgFieldChange" ADD CONSTRAINT "OzgFieldChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OzgServiceFollower" ADD CONSTRAINT "OzgServiceFollower_ozgId_fkey" FOREIGN KEY ("ozgId") REFERENCES "OzgService"("ozgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OzgServiceFollower" ADD CONSTRAINT "OzgServiceFollower_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadOzgService" ADD CONSTRAINT "ThreadOzgService_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadOzgService" ADD CONSTRAINT "ThreadOzgService_ozgId_fkey" FOREIGN KEY ("ozgId") REFERENCES "OzgService"("ozgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadOzgService" ADD CONSTRAINT "ThreadOzgService_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotlightOzgService" ADD CONSTRAINT "SpotlightOzgService_spotlightId_fkey" FOREIGN KEY ("spotlightId") REFERENCES "Spotlight"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotlightOzgService" ADD CONSTRAINT "SpotlightOzgService_ozgId_fkey" FOREIGN KEY ("ozgId") REFERENCES "OzgService"("ozgId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotlightOzgService" ADD CONSTRAINT "SpotlightOzgService_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Full-text (German stemming) and trigram search on service names, as for threads and spotlights
CREATE INDEX "OzgService_name_search_idx" ON "OzgService" USING GIN (to_tsvector('german', "name"));
CREATE INDEX "OzgService_name_trgm_idx" ON "OzgService" USING GIN (lower("name") gin_trgm_ops);

-- The settings row exists from the start: reading it never has to create it
INSERT INTO "OzgSettings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
