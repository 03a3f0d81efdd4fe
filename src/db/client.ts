import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { migrate } from "./migrate";
import { openReader } from "./reads";

export type Db = PrismaClient;
/** The client handed to a `db.$transaction(async (tx) => ...)` callback. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** SQLite's own busy wait, when the caller gives none (CREDITO_DB_BUSY_TIMEOUT_MS's default). */
export const DEFAULT_BUSY_TIMEOUT_MS = 250;

/** Opens the SQLite database, creating and migrating it first when needed. */
export async function openDb(databaseUrl: string, opts: { busyTimeoutMs?: number } = {}): Promise<Db> {
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
