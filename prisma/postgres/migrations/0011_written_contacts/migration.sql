-- Derived by `npm run db:derive-postgres` from the SQLite migrations: 0011_written_contacts

-- This is an empty migration.

-- Hand-written, from 0011_written_contacts
-- A contact Credito wrote (a written reminder, a trip's PEC recap) says so in its outcome, not "info", and a
-- reminder's contact reads its words from the reminder itself at display time (step, subject, recipient,
-- PEC delivery) in the reader's language: the sentences stored before are dropped.
UPDATE "Interaction" SET "notes" = NULL, "outcome" = 'reminder_sent'
WHERE "id" IN (SELECT "interactionId" FROM "Reminder" WHERE "interactionId" IS NOT NULL);

UPDATE "Interaction" SET "outcome" = 'recap_sent'
WHERE "outcome" = 'info' AND "channel" = 'pec'
  AND EXISTS (
    SELECT 1 FROM "PecDraft" p
    WHERE p."customerId" = "Interaction"."customerId" AND p."sentAt" = "Interaction"."occurredAt"
  );
