-- AlterTable
ALTER TABLE "DailyTask" ADD COLUMN "detail" TEXT;

