import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { projectPath } from "../project-path";

const MIGRATIONS_DIR = projectPath("prisma", "migrations");
const PG_MIGRATIONS_DIR = projectPath("prisma", "postgres", "migrations");

/** "file:./data/credito.db" -> absolute path (relative to the working directory, as Prisma does). */
export function sqlitePath(databaseUrl: string): string {
  const path = databaseUrl.replace(/^file:/, "").split("?")[0] ?? "";
  return path === ":memory:" ? path : resolve(path);
}

/**
 * Applies prisma/migrations/* that are not yet applied, in the bookkeeping table `prisma migrate deploy`
 * uses, so the database is created and migrated on first use with no extra command (and the Prisma
 * CLI stays compatible with it).
 */
export function migrate(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): string[] {
  const file = sqlitePath(databaseUrl);
  if (upToDate(file, migrationsDir)) return [];
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const applied = new Set(
      db
        .prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)
        .all()
        .map((r) => (r as { migration_name: string }).migration_name),
    );
    const names = existsSync(migrationsDir)
      ? readdirSync(migrationsDir, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
          .sort()
      : [];
    const done: string[] = [];
    for (const name of names) {
      if (applied.has(name)) continue;
      const sql = readFileSync(join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      db.transaction(() => {
        db.exec(sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES (?, ?, ?, ?, 1)`,
        ).run(randomUUID(), checksum, Date.now(), name);
      })();
      done.push(name);
    }
    return done;
  } finally {
    db.close();
  }
}

/**
 * The cheap check every start-up and CLI call makes first: one query on a read-only connection comparing
 * the migration folders with what `_prisma_migrations` records as applied. Only a new database or a new
 * migration takes the writing path above (journal mode, bookkeeping table, the migrations themselves).
 */
function upToDate(file: string, migrationsDir: string): boolean {
  if (file === ":memory:" || !existsSync(file)) return false;
  const names = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory())
    : [];
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const applied = new Set(
      db
        .prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)
        .pluck()
        .all() as string[],
    );
    return names.every((d) => applied.has(d.name));
  } catch {
    return false; // no bookkeeping table yet, or unreadable: the writing path reports real problems
  } finally {
    db?.close();
  }
}

function migrationNames(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
}

/** `postgresql://...?schema=x` -> the URL pg understands and the schema (default `public`). */
export function postgresTarget(databaseUrl: string): { connectionString: string; schema: string } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") || "public";
  url.searchParams.delete("schema");
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  return { connectionString: url.toString(), schema };
}

// Instances starting together migrate one at a time: the others wait on this advisory lock, then find it done.
const MIGRATION_LOCK = 7_300_117;

/**
 * The PostgreSQL counterpart of `migrate`: applies prisma/postgres/migrations/* (derived from the SQLite ones)
 * in the schema the URL names, each in one transaction, bookkept like `prisma migrate deploy` does.
 */
export async function migratePostgres(
  databaseUrl: string,
  migrationsDir = PG_MIGRATIONS_DIR,
): Promise<string[]> {
  const { connectionString, schema } = postgresTarget(databaseUrl);
  const { default: pg } = await import("pg"); // loaded only for PostgreSQL
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const applied = new Set(
      (
        await client.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)
      ).rows.map((r: { migration_name: string }) => r.migration_name),
    );
    const done: string[] = [];
    for (const name of migrationNames(migrationsDir)) {
      if (applied.has(name)) continue;
      const sql = readFileSync(join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`PostgreSQL migration ${name} failed: ${(err as Error).message}`);
      }
      done.push(name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
