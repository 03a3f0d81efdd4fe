import { spawnSync } from "node:child_process";

/**
 * vitest global setup: builds dist/ (about a quarter of a second) before any test runs, so the tests that
 * run `npm start`'s command or the `credito` bin exercise the compiled output of the current sources.
 */
export default function setup(): void {
  const run = spawnSync(process.execPath, ["scripts/build.mjs"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stdout}${run.stderr}`);
}
