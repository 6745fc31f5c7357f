-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "candidateProfileId" TEXT,
    "rateAmount" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "hoursPerWeek" INTEGER NOT NULL,
    "startDate" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" DATETIME,
    CONSTRAINT "Offer_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "SlateEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Offer_candidateProfileId_fkey" FOREIGN KEY ("candidateProfileId") REFERENCES "CandidateProfile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "candidateProfileId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'handoff_pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Placement_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Placement_candidateProfileId_fkey" FOREIGN KEY ("candidateProfileId") REFERENCES "CandidateProfile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "orderKey" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MarketplaceEvent" (
    "webhookId" TEXT NOT NULL PRIMARY KEY,
    "placementId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SandboxPlacement" (
    "placementId" TEXT NOT NULL PRIMARY KEY,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "deliveries" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Offer_entryId_key" ON "Offer"("entryId");

-- CreateIndex
CREATE INDEX "Offer_candidateProfileId_status_idx" ON "Offer"("candidateProfileId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Placement_offerId_key" ON "Placement"("offerId");

-- CreateIndex
CREATE INDEX "Placement_organisationId_createdAt_idx" ON "Placement"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEntry_status_orderKey_createdAt_idx" ON "OutboxEntry"("status", "orderKey", "createdAt");

