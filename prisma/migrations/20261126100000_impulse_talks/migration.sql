-- CreateEnum
CREATE TYPE "ImpulseTalkCategory" AS ENUM ('OTHER_STATES', 'LIGHTHOUSE', 'FUTURE');

-- CreateEnum
CREATE TYPE "ImpulseQuestionStatus" AS ENUM ('OPEN', 'ANSWERED', 'HIDDEN', 'MERGED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'IMPULSE_TALK_CHANGED';
ALTER TYPE "NotificationKind" ADD VALUE 'IMPULSE_QUESTION_ANSWERED';

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "impulseTalkId" TEXT;

-- CreateTable
CREATE TABLE "ImpulseTalk" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "speakers" TEXT[],
    "organisation" TEXT NOT NULL,
    "federalState" TEXT NOT NULL,
    "category" "ImpulseTalkCategory" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "onlineUrl" TEXT,
    "place" TEXT,
    "abstract" TEXT NOT NULL,
    "abstractHtml" TEXT NOT NULL DEFAULT '',
    "renderVersion" INTEGER NOT NULL DEFAULT 0,
    "recordingUrl" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImpulseTalk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpulseTalkGroup" (
    "talkId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,

    CONSTRAINT "ImpulseTalkGroup_pkey" PRIMARY KEY ("talkId","groupId")
);

-- CreateTable
CREATE TABLE "ImpulseTalkLink" (
    "id" TEXT NOT NULL,
    "talkId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ImpulseTalkLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpulseTalkFollower" (
    "talkId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImpulseTalkFollower_pkey" PRIMARY KEY ("talkId","userId")
);

-- CreateTable
CREATE TABLE "ImpulseQuestion" (
    "id" TEXT NOT NULL,
    "talkId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "ImpulseQuestionStatus" NOT NULL DEFAULT 'OPEN',
    "voteCount" INTEGER NOT NULL DEFAULT 0,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "hiddenReason" TEXT,
    "hiddenAt" TIMESTAMP(3),
    "hiddenById" TEXT,
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImpulseQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpulseQuestionVote" (
    "questionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImpulseQuestionVote_pkey" PRIMARY KEY ("questionId","userId")
);

-- CreateTable
CREATE TABLE "CalendarFeedToken" (
    "userId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarFeedToken_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "ImpulseTalk_startsAt_idx" ON "ImpulseTalk"("startsAt");

-- CreateIndex
CREATE INDEX "ImpulseTalk_endsAt_idx" ON "ImpulseTalk"("endsAt");

-- CreateIndex
CREATE INDEX "ImpulseTalkGroup_groupId_idx" ON "ImpulseTalkGroup"("groupId");

-- CreateIndex
CREATE INDEX "ImpulseTalkLink_talkId_position_idx" ON "ImpulseTalkLink"("talkId", "position");

-- CreateIndex
CREATE INDEX "ImpulseTalkFollower_userId_idx" ON "ImpulseTalkFollower"("userId");

-- CreateIndex
CREATE INDEX "ImpulseQuestion_talkId_status_voteCount_idx" ON "ImpulseQuestion"("talkId", "status", "voteCount");

-- CreateIndex
CREATE INDEX "ImpulseQuestion_mergedIntoId_idx" ON "ImpulseQuestion"("mergedIntoId");

-- CreateIndex
CREATE INDEX "ImpulseQuestionVote_userId_idx" ON "ImpulseQuestionVote"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeedToken_token_key" ON "CalendarFeedToken"("token");

-- CreateIndex
CREATE INDEX "Attachment_impulseTalkId_idx" ON "Attachment"("impulseTalkId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_impulseTalkId_fkey" FOREIGN KEY ("impulseTalkId") REFERENCES "ImpulseTalk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseTalk" ADD CONSTRAINT "ImpulseTalk_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseTalkGroup" ADD CONSTRAINT "ImpulseTalkGroup_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "ImpulseTalk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseTalkGroup" ADD CONSTRAINT "ImpulseTalkGroup_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseTalkLink" ADD CONSTRAINT "ImpulseTalkLink_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "ImpulseTalk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseTalkFollower" ADD CONSTRAINT "ImpulseTalkFollower_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "ImpulseTalk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseTalkFollower" ADD CONSTRAINT "ImpulseTalkFollower_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseQuestion" ADD CONSTRAINT "ImpulseQuestion_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "ImpulseTalk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseQuestion" ADD CONSTRAINT "ImpulseQuestion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseQuestion" ADD CONSTRAINT "ImpulseQuestion_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseQuestion" ADD CONSTRAINT "ImpulseQuestion_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseQuestion" ADD CONSTRAINT "ImpulseQuestion_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "ImpulseQuestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseQuestionVote" ADD CONSTRAINT "ImpulseQuestionVote_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "ImpulseQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpulseQuestionVote" ADD CONSTRAINT "ImpulseQuestionVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeedToken" ADD CONSTRAINT "CalendarFeedToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

