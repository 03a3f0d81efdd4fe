import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { isPostgresUrl } from "./dialect";
import { migrate, migratePostgres, postgresTarget } from "./migrate";
import { openReader } from "./reads";

export type Db = PrismaClient;
/** The client handed to a `db.$transaction(async (tx) => ...)` callback. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** SQLite's own busy wait, when the caller gives none (CREDITO_DB_BUSY_TIMEOUT_MS's default). */
export const DEFAULT_BUSY_TIMEOUT_MS = 250;

/**
 * Opens the database named by the URL, creating and migrating it first when needed: a SQLite file
 * (`file:...`, the default) or PostgreSQL (`postgresql://...`, optionally `?schema=name`).
 */
export async function openDb(databaseUrl: string, opts: { busyTimeoutMs?: number } = {}): Promise<Db> {
  if (isPostgresUrl(databaseUrl)) return openPostgres(databaseUrl);
  migrate(databaseUrl);
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
  await db.$connect();
  // Concurrent writers wait a little for the lock; better-sqlite3 waits synchronously (the event loop
  // stops), so the wait is short and the unit of work (./unit-of-work.ts) retries beyond it.
  const busy = Math.max(0, Math.floor(opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS));
  await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${busy}`);
  openReader(db, databaseUrl); // hot-path reads off Prisma (reads.ts)
  return db;
}

/**
 * PostgreSQL through its own generated client (same models, from the derived schema). Its type is the SQLite
 * client's: the code uses only what both providers share, and the dialect module for the rest.
 */
async function openPostgres(databaseUrl: string): Promise<Db> {
  // loaded only for PostgreSQL: the embedded SQLite default doesn't pay for the second client at start-up
  const [{ PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("../generated/prisma-pg/client"),
  ]);
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
