import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// The schema's datasource reads DATABASE_URL; without it Prisma falls back to downloading its Rust
// engine, which is not reachable offline. Default it to the embedded database.
process.env.DATABASE_URL ??= "file:./data/credito.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/credito.db" });
  },
});
