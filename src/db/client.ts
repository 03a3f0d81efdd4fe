import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { migrate } from "./migrate";
import { openReader } from "./reads";

export type Db = PrismaClient;
/** The client handed to a `db.$transaction(async (tx) => ...)` callback. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Opens the SQLite database, creating and migrating it first when needed. */
export async function openDb(databaseUrl: string): Promise<Db> {
  migrate(databaseUrl);
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
  await db.$connect();
  // Concurrent writers (listeners, jobs, outbox) wait for the lock instead of failing at once.
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  openReader(db, databaseUrl); // hot-path reads off Prisma (reads.ts)
  return db;
}
