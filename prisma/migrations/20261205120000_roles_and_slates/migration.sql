-- AlterTable
ALTER TABLE "CandidateProfile" ADD COLUMN "interestConfirmedAt" DATETIME;
ALTER TABLE "CandidateProfile" ADD COLUMN "interestReminderSentAt" DATETIME;
-- People already registered count as interested as of their last profile change.
UPDATE "CandidateProfile" SET "interestConfirmedAt" = "updatedAt";

-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "timeZone" TEXT NOT NULL,
    "minOverlapHours" INTEGER NOT NULL DEFAULT 0,
    "hoursPerWeek" INTEGER NOT NULL,
    "durationWeeks" INTEGER,
    "budgetPerHour" INTEGER,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "countries" TEXT NOT NULL DEFAULT '[]',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Role_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoleSkill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roleId" TEXT NOT NULL,
    "conceptUri" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "minLevel" INTEGER NOT NULL,
    "required" BOOLEAN NOT NULL,
    CONSTRAINT "RoleSkill_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoleLanguage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roleId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "minLevel" TEXT NOT NULL,
    CONSTRAINT "RoleLanguage_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Slate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roleId" TEXT NOT NULL,
    "inputs" TEXT NOT NULL,
    "engineVersion" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "balanceShare" REAL,
    "eligibleCount" INTEGER NOT NULL,
    "heldBack" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Slate_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SlateEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slateId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "candidateProfileId" TEXT,
    "score" INTEGER NOT NULL,
    "reasons" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "rejectReason" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SlateEntry_slateId_fkey" FOREIGN KEY ("slateId") REFERENCES "Slate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SlateEntry_candidateProfileId_fkey" FOREIGN KEY ("candidateProfileId") REFERENCES "CandidateProfile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SlateDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "actorUserId" TEXT,
    "decision" TEXT NOT NULL,
    "reasonCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SlateDecision_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "SlateEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Introduction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "candidateProfileId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" DATETIME,
    CONSTRAINT "Introduction_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "SlateEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Introduction_candidateProfileId_fkey" FOREIGN KEY ("candidateProfileId") REFERENCES "CandidateProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Role_organisationId_status_idx" ON "Role"("organisationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RoleSkill_roleId_conceptUri_key" ON "RoleSkill"("roleId", "conceptUri");

-- CreateIndex
CREATE UNIQUE INDEX "RoleLanguage_roleId_code_key" ON "RoleLanguage"("roleId", "code");

-- CreateIndex
CREATE INDEX "Slate_roleId_createdAt_idx" ON "Slate"("roleId", "createdAt");

-- CreateIndex
CREATE INDEX "SlateEntry_candidateProfileId_idx" ON "SlateEntry"("candidateProfileId");

-- CreateIndex
CREATE UNIQUE INDEX "SlateEntry_slateId_rank_key" ON "SlateEntry"("slateId", "rank");

-- CreateIndex
CREATE INDEX "SlateDecision_entryId_createdAt_idx" ON "SlateDecision"("entryId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Introduction_entryId_key" ON "Introduction"("entryId");

-- CreateIndex
CREATE INDEX "Introduction_candidateProfileId_status_idx" ON "Introduction"("candidateProfileId", "status");

-- CreateIndex
CREATE INDEX "CandidateProfile_updatedAt_idx" ON "CandidateProfile"("updatedAt");

