-- CreateTable
CREATE TABLE "CandidateStageEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "profileId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CandidateStageEvent_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CandidateStageEvent_profileId_stage_key" ON "CandidateStageEvent"("profileId", "stage");


-- People already in the pipeline: their current stage, as of their last profile change (the best we know).
INSERT INTO "CandidateStageEvent" ("id", "profileId", "stage", "at")
SELECT 'backfill-' || "id", "id", "stage", "updatedAt" FROM "CandidateProfile" WHERE "stage" <> 'referred';
