import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "../../src/db/migrate";
import { projectPath } from "../../src/project-path";

describe("opening the database applies migrations only when needed", () => {
  let dir: string;
  let migrations: string;
  let url: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "credito-migrate-"));
    migrations = join(dir, "migrations");
    cpSync(projectPath("prisma", "migrations"), migrations, { recursive: true });
    url = `file:${join(dir, "db", "m.db")}`;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

  it("creates and migrates a new database, then finds it up to date", () => {
    const applied = migrate(url, migrations);
    expect(applied).toContain("0001_init");
    const file = join(dir, "db", "m.db");
    expect(migrate(url, migrations)).toEqual([]);
    const db = new Database(file, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("applies a migration added later, once", () => {
    migrate(url, migrations);
    mkdirSync(join(migrations, "9999_extra"));
    writeFileSync(
      join(migrations, "9999_extra", "migration.sql"),
      'CREATE TABLE "Extra" ("id" INTEGER PRIMARY KEY);',
    );
    expect(migrate(url, migrations)).toEqual(["9999_extra"]);
    expect(migrate(url, migrations)).toEqual([]);
    const db = new Database(join(dir, "db", "m.db"), { readonly: true });
    const names = db.prepare(`SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`).pluck().all();
    expect(names.filter((n) => n === "9999_extra")).toHaveLength(1);
    expect(db.prepare(`SELECT count(*) FROM "Extra"`).pluck().get()).toBe(0);
    db.close();
  });

  it("migrates a file that exists but has no bookkeeping table yet", () => {
    const file = join(dir, "db", "m.db");
    mkdirSync(join(dir, "db"));
    new Database(file).close();
    expect(migrate(url, migrations)).toContain("0001_init");
  });

  it("0011 marks the contacts Credito wrote and drops the sentences stored on reminders' contacts", () => {
    const later = join(dir, "0011_written_contacts");
    renameSync(join(migrations, "0011_written_contacts"), later);
    migrate(url, migrations);
    const db = new Database(join(dir, "db", "m.db"));
    db.exec(`INSERT INTO "Customer" ("id", "code", "name", "updatedAt") VALUES (1, 'C1', 'Uno SRL', 0)`);
    const contact = db.prepare(
      `INSERT INTO "Interaction" ("id", "customerId", "channel", "outcome", "notes", "date", "occurredAt")
       VALUES (?, 1, ?, 'info', ?, '2026-03-02', ?)`,
    );
    contact.run(1, "pec", "Messa in mora: Fatture scadute (a@pec.it) · consegnata il 02/03/2026 09:31", 1000);
    contact.run(2, "phone", "ha promesso di pagare venerdì", 2000);
    contact.run(3, "pec", "Riepilogo del colloquio (a@pec.it)", 3000);
    contact.run(4, "pec", "mandata PEC dal commercialista", 4000);
    db.exec(
      `INSERT INTO "Reminder" ("customerId", "step", "medium", "day", "subject", "body", "attachmentName",
         "invoices", "overdueCents", "totalCents", "preparedBy", "interactionId", "updatedAt")
       VALUES (1, 'formal_notice', 'pec', '2026-03-02', 'Fatture scadute', '', 'e.pdf', '[]', 100, 100, 'U1', 1, 0)`,
    );
    db.exec(
      `INSERT INTO "PecDraft" ("customerId", "ownerSlackId", "recipient", "subject", "body", "status", "sentAt")
       VALUES (1, 'U1', 'a@pec.it', 'Riepilogo del colloquio', '', 'sent', 3000)`,
    );
    db.close();
    renameSync(later, join(migrations, "0011_written_contacts"));
    expect(migrate(url, migrations)).toEqual(["0011_written_contacts"]);
    const after = new Database(join(dir, "db", "m.db"), { readonly: true });
    expect(after.prepare(`SELECT "id", "outcome", "notes" FROM "Interaction" ORDER BY "id"`).all()).toEqual([
      { id: 1, outcome: "reminder_sent", notes: null },
      { id: 2, outcome: "info", notes: "ha promesso di pagare venerdì" },
      { id: 3, outcome: "recap_sent", notes: "Riepilogo del colloquio (a@pec.it)" },
      { id: 4, outcome: "info", notes: "mandata PEC dal commercialista" },
    ]);
    after.close();
  });
});
