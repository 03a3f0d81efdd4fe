-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN "firstSeenOn" TEXT;
ALTER TABLE "Invoice" ADD COLUMN "firstSeenOpenCents" INTEGER;


-- AlterTable
ALTER TABLE "StagedInvoice" ADD COLUMN "firstSeenOn" TEXT;
ALTER TABLE "StagedInvoice" ADD COLUMN "firstSeenOpenCents" INTEGER;
