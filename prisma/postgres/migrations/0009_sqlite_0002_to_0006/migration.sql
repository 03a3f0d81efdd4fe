-- Derived by `npm run db:derive-postgres` from the SQLite migrations: 0002_bank_movements, 0003_reminders, 0004_staged_imports, 0005_digest_decisions, 0006_invoice_first_seen

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "chasingNote" TEXT,
ADD COLUMN     "lastContactOn" TEXT,
ADD COLUMN     "lastReminderOn" TEXT,
ADD COLUMN     "reminderLevel" INTEGER;

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "firstSeenOn" TEXT,
ADD COLUMN     "firstSeenOpenCents" INTEGER;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "toAnnounce" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PaymentPromise" ADD COLUMN     "approvalId" INTEGER;

-- AlterTable
ALTER TABLE "ApprovalRequest" ADD COLUMN     "dueDate" TEXT;

-- CreateTable
CREATE TABLE "StagedBatch" (
    "id" SERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'staging',
    "pid" INTEGER,
    "host" TEXT,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),
    "commitMs" INTEGER,
    "stageMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StagedBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StagedRow" (
    "id" SERIAL NOT NULL,
    "batchId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "ref" INTEGER,
    "data" TEXT NOT NULL,
    "guard" TEXT,

    CONSTRAINT "StagedRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StagedInvoice" (
    "id" SERIAL NOT NULL,
    "batchId" INTEGER NOT NULL,
    "ref" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "installment" INTEGER NOT NULL,
    "issueDate" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "openCents" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT,
    "closedOn" TEXT,
    "firstSeenOn" TEXT,
    "firstSeenOpenCents" INTEGER,

    CONSTRAINT "StagedInvoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingSubmission" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "appliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalDeferral" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "caseId" INTEGER,
    "kind" TEXT NOT NULL,
    "until" TEXT,
    "slackUserId" TEXT NOT NULL,
    "reason" TEXT,
    "createdOn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalDeferral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StepClearance" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "stepDay" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StepClearance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankImport" (
    "id" SERIAL NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "channelId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankMovement" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "importId" INTEGER NOT NULL,
    "bookingDate" TEXT NOT NULL,
    "valueDate" TEXT,
    "amountCents" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "counterpartyName" TEXT,
    "counterpartyIban" TEXT,
    "counterpartyVat" TEXT,
    "bankReference" TEXT,
    "outcome" TEXT NOT NULL,
    "customerId" INTEGER,
    "allocation" TEXT,
    "detail" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerIban" (
    "iban" TEXT NOT NULL,
    "customerId" INTEGER NOT NULL,
    "source" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerIban_pkey" PRIMARY KEY ("iban")
);

-- CreateTable
CREATE TABLE "CaseCost" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "caseId" INTEGER,
    "kind" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "note" TEXT,
    "source" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseCost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "caseId" INTEGER,
    "step" TEXT NOT NULL,
    "medium" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "recipient" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attachmentName" TEXT NOT NULL,
    "invoices" TEXT NOT NULL,
    "overdueCents" INTEGER NOT NULL,
    "interestCents" INTEGER NOT NULL DEFAULT 0,
    "recoveryCostCents" INTEGER NOT NULL DEFAULT 0,
    "totalCents" INTEGER NOT NULL,
    "preparedBy" TEXT NOT NULL,
    "approvals" TEXT,
    "messageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "deliveryError" TEXT,
    "interactionId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailOutbox" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "reminderId" INTEGER,
    "transport" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "messageId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StagedBatch_status_idx" ON "StagedBatch"("status");

-- CreateIndex
CREATE INDEX "StagedRow_batchId_kind_idx" ON "StagedRow"("batchId", "kind");

-- CreateIndex
CREATE INDEX "StagedInvoice_batchId_idx" ON "StagedInvoice"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "PendingSubmission_dedupeKey_key" ON "PendingSubmission"("dedupeKey");

-- CreateIndex
CREATE INDEX "PendingSubmission_status_id_idx" ON "PendingSubmission"("status", "id");

-- CreateIndex
CREATE INDEX "ProposalDeferral_customerId_kind_idx" ON "ProposalDeferral"("customerId", "kind");

-- CreateIndex
CREATE INDEX "StepClearance_customerId_idx" ON "StepClearance"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "BankMovement_key_key" ON "BankMovement"("key");

-- CreateIndex
CREATE INDEX "BankMovement_importId_idx" ON "BankMovement"("importId");

-- CreateIndex
CREATE INDEX "BankMovement_customerId_idx" ON "BankMovement"("customerId");

-- CreateIndex
CREATE INDEX "CustomerIban_customerId_idx" ON "CustomerIban"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseCost_source_key" ON "CaseCost"("source");

-- CreateIndex
CREATE INDEX "CaseCost_customerId_idx" ON "CaseCost"("customerId");

-- CreateIndex
CREATE INDEX "CaseCost_caseId_idx" ON "CaseCost"("caseId");

-- CreateIndex
CREATE INDEX "Reminder_status_idx" ON "Reminder"("status");

-- CreateIndex
CREATE INDEX "Reminder_messageId_idx" ON "Reminder"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_customerId_step_day_key" ON "Reminder"("customerId", "step", "day");

-- CreateIndex
CREATE UNIQUE INDEX "MailOutbox_key_key" ON "MailOutbox"("key");

-- CreateIndex
CREATE INDEX "MailOutbox_status_nextAttemptAt_idx" ON "MailOutbox"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "BankMovement" ADD CONSTRAINT "BankMovement_importId_fkey" FOREIGN KEY ("importId") REFERENCES "BankImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
