-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "candidateProfileId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'handoff_pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEntry" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "orderKey" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketplaceEvent" (
    "webhookId" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MarketplaceEvent_pkey" PRIMARY KEY ("webhookId")
);

-- CreateTable
CREATE TABLE "SandboxPlacement" (
    "placementId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "deliveries" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxPlacement_pkey" PRIMARY KEY ("placementId")
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

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "SlateEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_candidateProfileId_fkey" FOREIGN KEY ("candidateProfileId") REFERENCES "CandidateProfile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_candidateProfileId_fkey" FOREIGN KEY ("candidateProfileId") REFERENCES "CandidateProfile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

