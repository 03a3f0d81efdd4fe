#!/usr/bin/env node
// Entry for `npx credito`: runs the compiled CLI (dist/cli.js, built by `npm install` or `npm run build`)
// in this same Node process, with source maps so stack traces point at src/*.ts.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  // the catalogues are in the missing build: this one line says it in both languages itself
  const at = process.argv.indexOf("--locale");
  const en =
    process.argv.includes("--locale=en") ||
    (at >= 0 ? process.argv[at + 1] === "en" : process.env.CREDITO_LOCALE === "en");
  process.stderr.write(
    en
      ? "credito: the compiled CLI (dist/cli.js) is missing: run `npm run build` first\n"
      : "credito: manca la CLI compilata (dist/cli.js): esegui prima `npm run build`\n",
  );
  process.exit(1);
}
process.setSourceMapsEnabled(true);
await import(cli.href);
