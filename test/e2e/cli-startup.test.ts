import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/client";
import { loadedPackages } from "../support/loaded-packages";

/**
 * The compiled `credito` bin (dist/, built by the global setup) loads only what a command needs: Node
 * reports every module it resolves to test/support/trace-imports.mjs, and loadedPackages reads the npm
 * packages off that (external ones by path, bundled ones from the loaded chunks' source maps).
 */
function packagesLoaded(
  args: string[],
  env: Record<string, string>,
): { status: number | null; packages: Set<string> } {
  const trace = join(dir, `trace-${args[0]?.replace(/\W/g, "")}.txt`);
  const run = spawnSync(
    process.execPath,
    ["--import", "./test/support/trace-imports.mjs", "bin/credito.mjs", ...args],
    {
      encoding: "utf8",
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        CREDITO_TRACE_IMPORTS: trace,
        ...env,
      },
      timeout: 60_000,
    },
  );
  const packages = loadedPackages(trace);
  return { status: run.status, packages };
}

const HEAVY_FOR_HELP = ["@prisma/client", "better-sqlite3", "@slack/bolt", "@slack/web-api", "zod", "openai"];
const CHARTS_AND_PDF = ["vega", "vega-lite", "@resvg/resvg-js", "pdfkit", "exceljs"];

let dir: string;

describe("the compiled credito CLI loads what each command needs", () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "credito-cli-startup-"));
    env = { DATABASE_URL: `file:${join(dir, "cli.db")}` };
    const db = await openDb(env.DATABASE_URL!);
    const c = await db.customer.create({ data: { code: "C1", name: "Rossi Srl" } });
    await db.invoice.create({
      data: {
        customerId: c.id,
        number: "1",
        issueDate: "2026-01-01",
        dueDate: "2026-02-10",
        amountCents: 50_000,
        openCents: 50_000,
      },
    });
    await db.$disconnect();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

  it("--help loads no database, Slack, charts or PDF package", () => {
    const { status, packages } = packagesLoaded(["--help"], env);
    expect(status).toBe(0);
    for (const p of [...HEAVY_FOR_HELP, ...CHARTS_AND_PDF]) expect(packages, p).not.toContain(p);
  });

  it("a command's --help loads none of them either", () => {
    const { status, packages } = packagesLoaded(["report", "--help"], env);
    expect(status).toBe(0);
    for (const p of [...HEAVY_FOR_HELP, ...CHARTS_AND_PDF]) expect(packages, p).not.toContain(p);
  });

  it("digest --dry-run --json loads the database but not Bolt, the charts or the PDF", () => {
    const { status, packages } = packagesLoaded(
      ["digest", "--date", "2026-03-02", "--dry-run", "--json"],
      env,
    );
    expect(status).toBe(0);
    // the trace does see what is loaded, external (Prisma) and bundled (zod, the Web API client)
    for (const p of ["@prisma/client", "zod", "@slack/web-api"]) expect(packages, p).toContain(p);
    for (const p of ["@slack/bolt", ...CHARTS_AND_PDF]) expect(packages, p).not.toContain(p);
  });

  it("prints stack traces that point at the TypeScript sources", () => {
    const run = spawnSync(process.execPath, ["bin/credito.mjs", "digest", "--json"], {
      encoding: "utf8",
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        DATABASE_URL: "file:/dev/null/x.db",
      },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/src\/db\/migrate\.ts:\d+/);
    expect(run.stderr).not.toContain("dist/");
  });
});
