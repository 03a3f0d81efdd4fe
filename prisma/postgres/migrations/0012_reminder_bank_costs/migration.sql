-- Derived by `npm run db:derive-postgres` from the SQLite migrations: 0012_reminder_bank_costs

-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN     "bankCostsCents" INTEGER;
