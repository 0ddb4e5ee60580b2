-- Spotlight topics (server/services/spotlights). Trigram similarity suggests existing spotlights and
-- threads while a new title is typed; pg_trgm ships with PostgreSQL and with PGlite (contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "SpotlightStatus" AS ENUM ('PROPOSED', 'IN_REVIEW', 'PROMOTED', 'FORWARDED', 'ANSWERED', 'CLOSED', 'DECLINED');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'SPOTLIGHT_STATUS';

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "spotlightId" TEXT;

-- CreateTable
CREATE TABLE "Spotlight" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "problemHtml" TEXT NOT NULL DEFAULT '',
    "requestedAction" TEXT NOT NULL,
    "requestedActionHtml" TEXT NOT NULL DEFAULT '',
    "renderVersion" INTEGER NOT NULL DEFAULT 0,
    "affectedMunicipalities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "SpotlightStatus" NOT NULL DEFAULT 'PROPOSED',
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "proposerId" TEXT NOT NULL,
    "sourceThreadId" TEXT,
    "threadId" TEXT NOT NULL,
    "forwardedTo" TEXT,
    "forwardedContact" TEXT,
    "forwardedOn" DATE,
    "dueOn" DATE,
    "answer" TEXT,
    "answerHtml" TEXT,
    "answeredOn" DATE,
    "declineReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Spotlight_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpotlightGroup" (
    "spotlightId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,

    CONSTRAINT "SpotlightGroup_pkey" PRIMARY KEY ("spotlightId","groupId")
);

-- CreateTable
CREATE TABLE "SpotlightCosignature" (
    "spotlightId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpotlightCosignature_pkey" PRIMARY KEY ("spotlightId","userId")
);

-- CreateTable
CREATE TABLE "SpotlightTransition" (
    "id" TEXT NOT NULL,
    "spotlightId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "fromStatus" "SpotlightStatus",
    "toStatus" "SpotlightStatus" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpotlightTransition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Spotlight_number_key" ON "Spotlight"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Spotlight_threadId_key" ON "Spotlight"("threadId");

-- CreateIndex
CREATE INDEX "Spotlight_status_statusChangedAt_idx" ON "Spotlight"("status", "statusChangedAt");

-- CreateIndex
CREATE INDEX "Spotlight_statusChangedAt_idx" ON "Spotlight"("statusChangedAt");

-- CreateIndex
CREATE INDEX "Spotlight_sourceThreadId_idx" ON "Spotlight"("sourceThreadId");

-- CreateIndex
CREATE INDEX "SpotlightGroup_groupId_idx" ON "SpotlightGroup"("groupId");

-- CreateIndex
CREATE INDEX "SpotlightCosignature_spotlightId_organisation_idx" ON "SpotlightCosignature"("spotlightId", "organisation");

-- CreateIndex
CREATE INDEX "SpotlightTransition_spotlightId_createdAt_idx" ON "SpotlightTransition"("spotlightId", "createdAt");

-- CreateIndex
CREATE INDEX "SpotlightTransition_createdAt_idx" ON "SpotlightTransition"("createdAt");

-- CreateIndex
CREATE INDEX "Attachment_spotlightId_idx" ON "Attachment"("spotlightId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_spotlightId_fkey" FOREIGN KEY ("spotlightId") REFERENCES "Spotlight"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Spotlight" ADD CONSTRAINT "Spotlight_proposerId_fkey" FOREIGN KEY ("proposerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Spotlight" ADD CONSTRAINT "Spotlight_sourceThreadId_fkey" FOREIGN KEY ("sourceThreadId") REFERENCES "Thread"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Spotlight" ADD CONSTRAINT "Spotlight_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotlightGroup" ADD CONSTRAINT "SpotlightGroup_spotlightId_fkey" FOREIGN KEY ("spotlightId") REFERENCES "Spotlight"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotlightGroup" ADD CONSTRAINT "SpotlightGroup_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotlightCosignature" ADD CONSTRAINT "SpotlightCosignature_spotlightId_fkey" FOREIGN KEY ("spotlightId") REFERENCES "Spotlight"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotlightCosignature" ADD CONSTRAINT "SpotlightCosignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotlightTransition" ADD CONSTRAINT "SpotlightTransition_spotlightId_fkey" FOREIGN KEY ("spotlightId") REFERENCES "Spotlight"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotlightTransition" ADD CONSTRAINT "SpotlightTransition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Expression indexes (Prisma's schema cannot express them and leaves them alone); the similarity
-- queries must use exactly these expressions.
CREATE INDEX "Spotlight_title_trgm_idx" ON "Spotlight" USING GIN (lower("title") gin_trgm_ops);
CREATE INDEX "Thread_title_trgm_idx" ON "Thread" USING GIN (lower("title") gin_trgm_ops);
CREATE INDEX "Spotlight_search_idx" ON "Spotlight" USING GIN (to_tsvector('german', "title" || ' ' || "problem"));
