-- CreateTable
CREATE TABLE "CandidateStageEvent" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CandidateStageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CandidateStageEvent_profileId_stage_key" ON "CandidateStageEvent"("profileId", "stage");

-- AddForeignKey
ALTER TABLE "CandidateStageEvent" ADD CONSTRAINT "CandidateStageEvent_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- People already in the pipeline: their current stage, as of their last profile change (the best we know).
INSERT INTO "CandidateStageEvent" ("id", "profileId", "stage", "at")
SELECT 'backfill-' || "id", "id", "stage", "updatedAt" FROM "CandidateProfile" WHERE "stage" <> 'referred';
