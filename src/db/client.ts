import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresClient } from "../generated/prisma-pg/client";
import { isPostgresUrl } from "./dialect";
import { migrate, migratePostgres, postgresTarget } from "./migrate";

export type Db = PrismaClient;
/** The client handed to a `db.$transaction(async (tx) => ...)` callback. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Opens the database named by the URL, creating and migrating it first when needed: a SQLite file
 * (`file:...`, the default) or PostgreSQL (`postgresql://...`, optionally `?schema=name`).
 */
export async function openDb(databaseUrl: string): Promise<Db> {
  if (isPostgresUrl(databaseUrl)) return openPostgres(databaseUrl);
  migrate(databaseUrl);
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
  await db.$connect();
  // Concurrent writers (listeners, jobs, outbox) wait for the lock instead of failing at once.
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  return db;
}

/**
 * PostgreSQL through its own generated client (same models, from the derived schema). Its type is the SQLite
 * client's: the code uses only what both providers share, and the dialect module for the rest.
 */
async function openPostgres(databaseUrl: string): Promise<Db> {
  await migratePostgres(databaseUrl);
  const { connectionString, schema } = postgresTarget(databaseUrl);
  const adapter = new PrismaPg(
    {
      connectionString,
      max: Number(process.env.CREDITO_PG_POOL ?? 10),
      options: `-c search_path="${schema}"`,
    },
    { schema },
  );
  const db = new PostgresClient({ adapter });
  await db.$connect();
  return db as unknown as Db;
}
