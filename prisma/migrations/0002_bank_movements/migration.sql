-- CreateTable
CREATE TABLE "BankImport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "channelId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BankMovement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BankMovement_importId_fkey" FOREIGN KEY ("importId") REFERENCES "BankImport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerIban" (
    "iban" TEXT NOT NULL PRIMARY KEY,
    "customerId" INTEGER NOT NULL,
    "source" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CaseCost" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "customerId" INTEGER NOT NULL,
    "caseId" INTEGER,
    "kind" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "note" TEXT,
    "source" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

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

