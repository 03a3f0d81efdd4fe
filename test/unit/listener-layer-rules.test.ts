import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The layer rule of the listeners (biome.json's overrides for src/slack/listeners/**) checked on probe files in a
// scratch copy of the tree, so the repository itself is never touched: what a violation reports, what is allowed.
const root = resolve(__dirname, "../..");
const biome = join(root, "node_modules/.bin/biome");

interface Diagnostic {
  message: string;
  category: string;
  location: { path: string; start: { line: number } };
}

describe("listeners never touch Prisma nor import each other (biome noRestrictedImports)", () => {
  let dir: string;
  let diagnostics: Diagnostic[];
  const probes: Record<string, string> = {
    "src/slack/listeners/actions/probe.ts": [
      'import type { Db } from "../../../db/client";',
      'import type { FieldTrip } from "../../../generated/prisma/client";',
      'import { PrismaClient } from "@prisma/client";',
      'import { registerTripViews } from "../views/trip";',
      'import { registerBankActions } from "./bank";',
      'import { tellUser } from "../kit";',
      'import { escapeMrkdwn } from "../../../domain/text";',
      "export const all = [registerTripViews, registerBankActions, tellUser, escapeMrkdwn, PrismaClient];",
      "export type T = Db | FieldTrip;",
    ].join("\n"),
    // the kit may use its own files, never a listener's
    "src/slack/listeners/kit/probe.ts": [
      'import { tellUser } from "./reply";',
      'import { logSubcommand } from "../commands/log";',
      "export const all = [tellUser, logSubcommand];",
    ].join("\n"),
    // the command router registers its own folder's help
    "src/slack/listeners/commands/index.ts": [
      'import { helpSubcommand } from "./help";',
      "export const all = [helpSubcommand];",
    ].join("\n"),
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "credito-layers-"));
    copyFileSync(join(root, "biome.json"), join(dir, "biome.json"));
    for (const [path, text] of Object.entries(probes)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), `${text}\n`);
    }
    const run = spawnSync(biome, ["lint", "--reporter=json", "--only=style/noRestrictedImports", "."], {
      cwd: dir,
      encoding: "utf8",
    });
    diagnostics = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  }, 30_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

  const linesOf = (path: string) =>
    diagnostics
      .filter((d) => d.location.path === path && d.category === "lint/style/noRestrictedImports")
      .map((d) => d.location.start.line)
      .sort((a, b) => a - b);

  it("a listener importing the db modules, the Prisma client or another listener fails the lint", () => {
    expect(linesOf("src/slack/listeners/actions/probe.ts")).toEqual([1, 2, 3, 4, 5]);
    const messages = diagnostics.map((d) => d.message);
    expect(messages).toContain(
      "Listeners never touch Prisma: call a use case through ctx.services (src/services/use-cases.ts).",
    );
    expect(messages).toContain(
      'A listener never imports another listener: shared helpers go in the listener kit (import "../kit").',
    );
  });

  it("the kit may import its own files but not a listener; the command router may register its help", () => {
    expect(linesOf("src/slack/listeners/kit/probe.ts")).toEqual([2]);
    expect(linesOf("src/slack/listeners/commands/index.ts")).toEqual([]);
  });
});
