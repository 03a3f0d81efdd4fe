-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "chasingNote" TEXT;
ALTER TABLE "Customer" ADD COLUMN "lastContactOn" TEXT;
ALTER TABLE "Customer" ADD COLUMN "lastReminderOn" TEXT;
ALTER TABLE "Customer" ADD COLUMN "reminderLevel" INTEGER;

-- AlterTable
ALTER TABLE "PaymentPromise" ADD COLUMN "approvalId" INTEGER;

-- AlterTable
ALTER TABLE "ApprovalRequest" ADD COLUMN "dueDate" TEXT;

-- CreateTable
CREATE TABLE "ProposalDeferral" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" INTEGER NOT NULL,
    "caseId" INTEGER,
    "kind" TEXT NOT NULL,
    "until" TEXT,
    "slackUserId" TEXT NOT NULL,
    "reason" TEXT,
    "createdOn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StepClearance" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" INTEGER NOT NULL,
    "stepDay" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- AlterTable (a plain ADD COLUMN rather than the table rebuild prisma proposes: other branches touch Payment too)
ALTER TABLE "Payment" ADD COLUMN "toAnnounce" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "ProposalDeferral_customerId_kind_idx" ON "ProposalDeferral"("customerId", "kind");

-- CreateIndex
CREATE INDEX "StepClearance_customerId_idx" ON "StepClearance"("customerId");

