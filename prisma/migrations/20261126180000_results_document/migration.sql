-- CreateEnum
CREATE TYPE "ResultSourceKind" AS ENUM ('THREAD', 'POST', 'SPOTLIGHT');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'RESULT_COMMENT';
ALTER TYPE "NotificationKind" ADD VALUE 'RESULT_PUBLISHED';

-- CreateTable
CREATE TABLE "ResultDocument" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResultDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultSection" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "groupId" TEXT,
    "markdown" TEXT NOT NULL DEFAULT '',
    "html" TEXT NOT NULL DEFAULT '',
    "renderVersion" INTEGER NOT NULL DEFAULT 0,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResultSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultSectionDraft" (
    "sectionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "baseRevision" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResultSectionDraft_pkey" PRIMARY KEY ("sectionId","userId")
);

-- CreateTable
CREATE TABLE "ResultCitation" (
    "id" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "versionId" TEXT,
    "kind" "ResultSourceKind" NOT NULL,
    "sourceId" TEXT NOT NULL,
    "threadId" TEXT,
    "label" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ResultCitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultComment" (
    "id" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "anchorBlock" INTEGER,
    "anchorText" TEXT,
    "body" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "renderVersion" INTEGER NOT NULL DEFAULT 0,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResultComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultVersion" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "publishedById" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResultVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultVersionSection" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "markdown" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "renderVersion" INTEGER NOT NULL,

    CONSTRAINT "ResultVersionSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultVisit" (
    "userId" TEXT NOT NULL,
    "lastSeenVersion" INTEGER NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResultVisit_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "ResultSection_position_idx" ON "ResultSection"("position");

-- CreateIndex
CREATE INDEX "ResultCitation_sectionId_versionId_idx" ON "ResultCitation"("sectionId", "versionId");

-- CreateIndex
CREATE INDEX "ResultCitation_sourceId_idx" ON "ResultCitation"("sourceId");

-- CreateIndex
CREATE INDEX "ResultCitation_threadId_idx" ON "ResultCitation"("threadId");

-- CreateIndex
CREATE INDEX "ResultComment_sectionId_createdAt_idx" ON "ResultComment"("sectionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ResultVersion_number_key" ON "ResultVersion"("number");

-- CreateIndex
CREATE UNIQUE INDEX "ResultVersionSection_versionId_sectionId_key" ON "ResultVersionSection"("versionId", "sectionId");

-- AddForeignKey
ALTER TABLE "ResultSection" ADD CONSTRAINT "ResultSection_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultSection" ADD CONSTRAINT "ResultSection_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultSectionDraft" ADD CONSTRAINT "ResultSectionDraft_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "ResultSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultSectionDraft" ADD CONSTRAINT "ResultSectionDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultCitation" ADD CONSTRAINT "ResultCitation_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ResultVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultComment" ADD CONSTRAINT "ResultComment_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "ResultSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultComment" ADD CONSTRAINT "ResultComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultComment" ADD CONSTRAINT "ResultComment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultVersion" ADD CONSTRAINT "ResultVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultVersionSection" ADD CONSTRAINT "ResultVersionSection_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ResultVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultVisit" ADD CONSTRAINT "ResultVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

