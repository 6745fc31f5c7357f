-- AlterTable
-- Existing people get a random UUID as their badge subject id; new rows get one from the app.
ALTER TABLE "CandidateProfile" ADD COLUMN     "badgeSubjectId" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
ADD COLUMN     "coachingFormats" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "coachingHoursEnd" INTEGER NOT NULL DEFAULT 18,
ADD COLUMN     "coachingHoursStart" INTEGER NOT NULL DEFAULT 9,
ADD COLUMN     "coachingRequestedAt" TIMESTAMP(3);
ALTER TABLE "CandidateProfile" ALTER COLUMN "badgeSubjectId" DROP DEFAULT;

-- CreateTable
CREATE TABLE "CoachProfile" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL DEFAULT 5,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "hoursStart" INTEGER NOT NULL DEFAULT 9,
    "hoursEnd" INTEGER NOT NULL DEFAULT 17,
    "formats" TEXT NOT NULL DEFAULT '[]',
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoachProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoachLanguage" (
    "id" TEXT NOT NULL,
    "coachProfileId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "level" TEXT NOT NULL,

    CONSTRAINT "CoachLanguage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoachExpertise" (
    "id" TEXT NOT NULL,
    "coachProfileId" TEXT NOT NULL,
    "conceptUri" TEXT NOT NULL,

    CONSTRAINT "CoachExpertise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchRun" (
    "id" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" TIMESTAMP(3),
    "engineVersion" TEXT NOT NULL,
    "candidates" INTEGER NOT NULL,
    "coaches" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "greedyAssigned" INTEGER NOT NULL,
    "greedyScore" INTEGER NOT NULL,

    CONSTRAINT "MatchRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoachMatch" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "candidateProfileId" TEXT NOT NULL,
    "coachUserId" TEXT,
    "score" INTEGER NOT NULL DEFAULT 0,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL,
    "adjusted" BOOLEAN NOT NULL DEFAULT false,
    "respondBy" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoachMatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoachingSession" (
    "id" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "actionItems" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoachingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BadgeDefinition" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "texts" TEXT NOT NULL,
    "rubric" TEXT NOT NULL,
    "quiz" TEXT NOT NULL DEFAULT '[]',
    "quizPassMark" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BadgeDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BadgeSkill" (
    "id" TEXT NOT NULL,
    "badgeId" TEXT NOT NULL,
    "conceptUri" TEXT NOT NULL,

    CONSTRAINT "BadgeSkill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessorProfile" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "languages" TEXT NOT NULL DEFAULT '[]',
    "areas" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessorProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentRequest" (
    "id" TEXT NOT NULL,
    "badgeId" TEXT NOT NULL,
    "candidateProfileId" TEXT NOT NULL,
    "requestedByUserId" TEXT,
    "statement" TEXT NOT NULL,
    "links" TEXT NOT NULL DEFAULT '[]',
    "evidenceFileIds" TEXT NOT NULL DEFAULT '[]',
    "quizCorrect" INTEGER,
    "includeEmailHash" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "assessorUserId" TEXT,
    "rubricChecked" TEXT NOT NULL DEFAULT '[]',
    "feedback" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BadgeAward" (
    "id" TEXT NOT NULL,
    "badgeId" TEXT NOT NULL,
    "assessmentId" TEXT,
    "candidateProfileId" TEXT,
    "statusIndex" INTEGER NOT NULL,
    "credential" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revocationReason" TEXT,

    CONSTRAINT "BadgeAward_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CoachProfile_userId_key" ON "CoachProfile"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CoachLanguage_coachProfileId_code_key" ON "CoachLanguage"("coachProfileId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "CoachExpertise_coachProfileId_conceptUri_key" ON "CoachExpertise"("coachProfileId", "conceptUri");

-- CreateIndex
CREATE INDEX "MatchRun_status_createdAt_idx" ON "MatchRun"("status", "createdAt");

-- CreateIndex
CREATE INDEX "CoachMatch_runId_idx" ON "CoachMatch"("runId");

-- CreateIndex
CREATE INDEX "CoachMatch_coachUserId_status_idx" ON "CoachMatch"("coachUserId", "status");

-- CreateIndex
CREATE INDEX "CoachMatch_candidateProfileId_status_idx" ON "CoachMatch"("candidateProfileId", "status");

-- CreateIndex
CREATE INDEX "CoachingSession_matchId_idx" ON "CoachingSession"("matchId");

-- CreateIndex
CREATE UNIQUE INDEX "BadgeDefinition_slug_key" ON "BadgeDefinition"("slug");

-- CreateIndex
CREATE INDEX "BadgeSkill_conceptUri_idx" ON "BadgeSkill"("conceptUri");

-- CreateIndex
CREATE UNIQUE INDEX "BadgeSkill_badgeId_conceptUri_key" ON "BadgeSkill"("badgeId", "conceptUri");

-- CreateIndex
CREATE UNIQUE INDEX "AssessorProfile_userId_key" ON "AssessorProfile"("userId");

-- CreateIndex
CREATE INDEX "AssessmentRequest_status_assessorUserId_idx" ON "AssessmentRequest"("status", "assessorUserId");

-- CreateIndex
CREATE INDEX "AssessmentRequest_candidateProfileId_idx" ON "AssessmentRequest"("candidateProfileId");

-- CreateIndex
CREATE UNIQUE INDEX "BadgeAward_assessmentId_key" ON "BadgeAward"("assessmentId");

-- CreateIndex
CREATE UNIQUE INDEX "BadgeAward_statusIndex_key" ON "BadgeAward"("statusIndex");

-- CreateIndex
CREATE INDEX "BadgeAward_candidateProfileId_idx" ON "BadgeAward"("candidateProfileId");

-- CreateIndex
CREATE UNIQUE INDEX "CandidateProfile_badgeSubjectId_key" ON "CandidateProfile"("badgeSubjectId");

-- AddForeignKey
ALTER TABLE "CoachProfile" ADD CONSTRAINT "CoachProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachLanguage" ADD CONSTRAINT "CoachLanguage_coachProfileId_fkey" FOREIGN KEY ("coachProfileId") REFERENCES "CoachProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachExpertise" ADD CONSTRAINT "CoachExpertise_coachProfileId_fkey" FOREIGN KEY ("coachProfileId") REFERENCES "CoachProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachMatch" ADD CONSTRAINT "CoachMatch_runId_fkey" FOREIGN KEY ("runId") REFERENCES "MatchRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachMatch" ADD CONSTRAINT "CoachMatch_candidateProfileId_fkey" FOREIGN KEY ("candidateProfileId") REFERENCES "CandidateProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachMatch" ADD CONSTRAINT "CoachMatch_coachUserId_fkey" FOREIGN KEY ("coachUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingSession" ADD CONSTRAINT "CoachingSession_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "CoachMatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BadgeSkill" ADD CONSTRAINT "BadgeSkill_badgeId_fkey" FOREIGN KEY ("badgeId") REFERENCES "BadgeDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessorProfile" ADD CONSTRAINT "AssessorProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentRequest" ADD CONSTRAINT "AssessmentRequest_badgeId_fkey" FOREIGN KEY ("badgeId") REFERENCES "BadgeDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentRequest" ADD CONSTRAINT "AssessmentRequest_candidateProfileId_fkey" FOREIGN KEY ("candidateProfileId") REFERENCES "CandidateProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BadgeAward" ADD CONSTRAINT "BadgeAward_badgeId_fkey" FOREIGN KEY ("badgeId") REFERENCES "BadgeDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BadgeAward" ADD CONSTRAINT "BadgeAward_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "AssessmentRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BadgeAward" ADD CONSTRAINT "BadgeAward_candidateProfileId_fkey" FOREIGN KEY ("candidateProfileId") REFERENCES "CandidateProfile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

