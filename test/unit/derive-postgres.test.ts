import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { driftProblems, handWritten, postgresSchema, SQLITE_SCHEMA } from "../../src/db/derive-postgres";

describe("the PostgreSQL schema and migrations derived from the SQLite ones", () => {
  it("are in step with prisma/schema.prisma and prisma/migrations (else: npm run db:derive-postgres)", () => {
    expect(driftProblems()).toEqual([]);
  });

  it("change only the provider and the generated client's folder", () => {
    const sqlite = readFileSync(SQLITE_SCHEMA, "utf8");
    const pg = postgresSchema(sqlite);
    expect(pg).toContain('provider = "postgresql"');
    expect(pg).toContain('"../../src/generated/prisma-pg"');
    const models = (s: string) => s.slice(s.indexOf("model "));
    expect(models(pg)).toBe(models(sqlite));
  });

  it("notice a model added to the SQLite schema without re-deriving", () => {
    const sqlite = readFileSync(SQLITE_SCHEMA, "utf8");
    const stored = readFileSync("prisma/postgres/schema.prisma", "utf8");
    expect(postgresSchema(`${sqlite}\nmodel Extra {\n  id Int @id\n}\n`)).not.toBe(stored);
  });

  it("carry the hand-written statements of a migration, not Prisma's own", () => {
    const sql = [
      "-- CreateTable",
      'CREATE TABLE "A" (',
      '    "x" TEXT NOT NULL,',
      "",
      '    PRIMARY KEY ("x")',
      ");",
      "",
      "-- CreateIndex",
      'CREATE INDEX "A_x" ON "A"("x");',
      "",
      "-- Hand-written: one open per x",
      'CREATE UNIQUE INDEX "A_open" ON "A"("x") WHERE "x" IS NOT NULL;',
      "",
      "-- RedefineTables",
      "PRAGMA foreign_keys=OFF;",
      'INSERT INTO "new_A" SELECT * FROM "A";',
      "PRAGMA foreign_keys=ON;",
      "",
      "-- seed",
      "INSERT INTO \"A\" VALUES ('a'),",
      "  ('b');",
    ].join("\n");
    expect(handWritten(sql)).toBe(
      [
        "-- Hand-written: one open per x",
        'CREATE UNIQUE INDEX "A_open" ON "A"("x") WHERE "x" IS NOT NULL;',
        "",
        "-- seed",
        "INSERT INTO \"A\" VALUES ('a'),",
        "  ('b');",
      ].join("\n"),
    );
  });
});
