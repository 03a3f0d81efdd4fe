#!/usr/bin/env node
// Entry for `npx credito`: runs the compiled CLI (dist/cli.js, built by `npm install` or `npm run build`)
// in this same Node process, with source maps so stack traces point at src/*.ts.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write("credito: the compiled CLI (dist/cli.js) is missing: run `npm run build` first\n");
  process.exit(1);
}
process.setSourceMapsEnabled(true);
await import(cli.href);
