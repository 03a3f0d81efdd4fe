-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN "firstSeenOn" TEXT;
ALTER TABLE "Invoice" ADD COLUMN "firstSeenOpenCents" INTEGER;

