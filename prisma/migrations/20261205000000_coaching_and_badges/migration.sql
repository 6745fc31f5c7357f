-- CreateTable
CREATE TABLE "CoachProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL DEFAULT 5,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "hoursStart" INTEGER NOT NULL DEFAULT 9,
    "hoursEnd" INTEGER NOT NULL DEFAULT 17,
    "formats" TEXT NOT NULL DEFAULT '[]',
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CoachProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoachLanguage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coachProfileId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    CONSTRAINT "CoachLanguage_coachProfileId_fkey" FOREIGN KEY ("coachProfileId") REFERENCES "CoachProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoachExpertise" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coachProfileId" TEXT NOT NULL,
    "conceptUri" TEXT NOT NULL,
    CONSTRAINT "CoachExpertise_coachProfileId_fkey" FOREIGN KEY ("coachProfileId") REFERENCES "CoachProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MatchRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" DATETIME,
    "engineVersion" TEXT NOT NULL,
    "candidates" INTEGER NOT NULL,
    "coaches" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "greedyAssigned" INTEGER NOT NULL,
    "greedyScore" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "CoachMatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "candidateProfileId" TEXT NOT NULL,
    "coachUserId" TEXT,
    "score" INTEGER NOT NULL DEFAULT 0,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL,
    "adjusted" BOOLEAN NOT NULL DEFAULT false,
    "respondBy" DATETIME,
    "respondedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CoachMatch_runId_fkey" FOREIGN KEY ("runId") REFERENCES "MatchRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoachMatch_candidateProfileId_fkey" FOREIGN KEY ("candidateProfileId") REFERENCES "CandidateProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoachMatch_coachUserId_fkey" FOREIGN KEY ("coachUserId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoachingSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "matchId" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "actionItems" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CoachingSession_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "CoachMatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BadgeDefinition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "texts" TEXT NOT NULL,
    "rubric" TEXT NOT NULL,
    "quiz" TEXT NOT NULL DEFAULT '[]',
    "quizPassMark" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BadgeSkill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "badgeId" TEXT NOT NULL,
    "conceptUri" TEXT NOT NULL,
    CONSTRAINT "BadgeSkill_badgeId_fkey" FOREIGN KEY ("badgeId") REFERENCES "BadgeDefinition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessorProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "languages" TEXT NOT NULL DEFAULT '[]',
    "areas" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AssessorProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessmentRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AssessmentRequest_badgeId_fkey" FOREIGN KEY ("badgeId") REFERENCES "BadgeDefinition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AssessmentRequest_candidateProfileId_fkey" FOREIGN KEY ("candidateProfileId") REFERENCES "CandidateProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BadgeAward" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "badgeId" TEXT NOT NULL,
    "assessmentId" TEXT,
    "candidateProfileId" TEXT,
    "statusIndex" INTEGER NOT NULL,
    "credential" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "validUntil" DATETIME,
    "revokedAt" DATETIME,
    "revocationReason" TEXT,
    CONSTRAINT "BadgeAward_badgeId_fkey" FOREIGN KEY ("badgeId") REFERENCES "BadgeDefinition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BadgeAward_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "AssessmentRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "BadgeAward_candidateProfileId_fkey" FOREIGN KEY ("candidateProfileId") REFERENCES "CandidateProfile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CandidateProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "referralId" TEXT,
    "referringOrganisationId" TEXT,
    "nativeName" TEXT NOT NULL,
    "latinName" TEXT NOT NULL,
    "countryOfOrigin" TEXT,
    "currentCountry" TEXT,
    "dateOfBirth" TEXT,
    "timeZone" TEXT,
    "availabilityHours" INTEGER,
    "desiredRoles" TEXT NOT NULL DEFAULT '[]',
    "workHistory" TEXT NOT NULL DEFAULT '[]',
    "education" TEXT NOT NULL DEFAULT '[]',
    "portfolioLinks" TEXT NOT NULL DEFAULT '[]',
    "cvFileId" TEXT,
    "consentEmployers" BOOLEAN NOT NULL DEFAULT false,
    "consentCoaches" BOOLEAN NOT NULL DEFAULT false,
    "consentReferringNgo" BOOLEAN NOT NULL DEFAULT false,
    "consentEmail" BOOLEAN NOT NULL DEFAULT false,
    "consentPhone" BOOLEAN NOT NULL DEFAULT false,
    "stage" TEXT NOT NULL DEFAULT 'registered',
    "coachingRequestedAt" DATETIME,
    "coachingHoursStart" INTEGER NOT NULL DEFAULT 9,
    "coachingHoursEnd" INTEGER NOT NULL DEFAULT 18,
    "coachingFormats" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "badgeSubjectId" TEXT NOT NULL
);
INSERT INTO "new_CandidateProfile" ("availabilityHours", "consentCoaches", "consentEmail", "consentEmployers", "consentPhone", "consentReferringNgo", "countryOfOrigin", "createdAt", "currentCountry", "cvFileId", "dateOfBirth", "desiredRoles", "education", "id", "latinName", "nativeName", "portfolioLinks", "referralId", "referringOrganisationId", "stage", "timeZone", "updatedAt", "userId", "workHistory", "badgeSubjectId") SELECT "availabilityHours", "consentCoaches", "consentEmail", "consentEmployers", "consentPhone", "consentReferringNgo", "countryOfOrigin", "createdAt", "currentCountry", "cvFileId", "dateOfBirth", "desiredRoles", "education", "id", "latinName", "nativeName", "portfolioLinks", "referralId", "referringOrganisationId", "stage", "timeZone", "updatedAt", "userId", "workHistory",
    -- Existing people get a random version-4 UUID as their badge subject id.
    lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
    FROM "CandidateProfile";
DROP TABLE "CandidateProfile";
ALTER TABLE "new_CandidateProfile" RENAME TO "CandidateProfile";
CREATE UNIQUE INDEX "CandidateProfile_userId_key" ON "CandidateProfile"("userId");
CREATE UNIQUE INDEX "CandidateProfile_referralId_key" ON "CandidateProfile"("referralId");
CREATE UNIQUE INDEX "CandidateProfile_badgeSubjectId_key" ON "CandidateProfile"("badgeSubjectId");
CREATE INDEX "CandidateProfile_referringOrganisationId_idx" ON "CandidateProfile"("referringOrganisationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

