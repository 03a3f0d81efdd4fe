-- Derived by `npm run db:derive-postgres` from the SQLite migrations: 0010_task_text

-- AlterTable
ALTER TABLE "DailyTask" ADD COLUMN     "detail" TEXT;
