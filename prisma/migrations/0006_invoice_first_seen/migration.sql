-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN "firstSeenOn" TEXT;
ALTER TABLE "Invoice" ADD COLUMN "firstSeenOpenCents" INTEGER;


-- What the first sight showed travels through the staged import (0004) to the invoice
ALTER TABLE "StagedInvoice" ADD COLUMN "firstSeenOn" TEXT;
ALTER TABLE "StagedInvoice" ADD COLUMN "firstSeenOpenCents" INTEGER;
