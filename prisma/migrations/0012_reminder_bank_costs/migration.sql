-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN "bankCostsCents" INTEGER;

