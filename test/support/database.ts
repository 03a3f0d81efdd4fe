import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { isPostgresUrl } from "../../src/db/dialect";
import { postgresTarget } from "../../src/db/migrate";

/**
 * The database a test uses: a SQLite file in its temp folder by default, or, when TEST_DATABASE_URL names a
 * PostgreSQL server, a schema of its own there (created by the app's migrations, dropped by `dropTestDatabase`).
 */
export function testDatabaseUrl(dir: string, name = "test"): string {
  const server = process.env.TEST_DATABASE_URL;
  if (!server || !isPostgresUrl(server)) return `file:${join(dir, `${name}.db`)}`;
  const url = new URL(server);
  url.searchParams.set("schema", `t_${name.replace(/\W/g, "_")}_${randomBytes(5).toString("hex")}`);
  return url.toString();
}

export const onPostgres = (): boolean => isPostgresUrl(process.env.TEST_DATABASE_URL ?? "");

/** Drops a test's PostgreSQL schema (a SQLite file goes with its temp folder). */
export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  if (!isPostgresUrl(databaseUrl)) return;
  const { connectionString, schema } = postgresTarget(databaseUrl);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
