-- CreateTable
CREATE TABLE "StagedBatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "label" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'staging',
    "pid" INTEGER,
    "host" TEXT,
    "heartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" DATETIME,
    "commitMs" INTEGER,
    "stageMs" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StagedRow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "batchId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "ref" INTEGER,
    "data" TEXT NOT NULL,
    "guard" TEXT
);

-- CreateTable
CREATE TABLE "StagedInvoice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "closedOn" TEXT
);

-- CreateTable
CREATE TABLE "PendingSubmission" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "appliedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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

