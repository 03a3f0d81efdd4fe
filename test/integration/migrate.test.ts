import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
});
