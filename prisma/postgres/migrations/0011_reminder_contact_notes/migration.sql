-- Derived by `npm run db:derive-postgres` from the SQLite migrations: 0011_reminder_contact_notes

-- This is an empty migration.

-- Hand-written, from 0011_reminder_contact_notes
-- A sent reminder's contact reads its words from the reminder itself at display time (step, subject,
-- recipient, PEC delivery), in the reader's language: the sentences stored before are dropped.
UPDATE "Interaction" SET "notes" = NULL
WHERE "id" IN (SELECT "interactionId" FROM "Reminder" WHERE "interactionId" IS NOT NULL);
