-- AlterTable
ALTER TABLE "MatchRun" ADD COLUMN "scoreBound" INTEGER;
