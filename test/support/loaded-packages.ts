import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PACKAGE = /node_modules\/((?:@[^/]+\/)?[^/]+)\//;

/**
 * The npm packages a process loaded, from the module URLs trace-imports.mjs wrote: packages resolved from
 * node_modules at run time, and the ones bundled into the dist/ chunks it loaded (named by each chunk's
 * source map), so a bundled package counts as loaded exactly when its chunk was.
 */
export function loadedPackages(traceFile: string): Set<string> {
  const packages = new Set<string>();
  for (const url of new Set(readFileSync(traceFile, "utf8").split("\n"))) {
    if (!url.startsWith("file:")) continue;
    const external = PACKAGE.exec(url)?.[1];
    if (external) packages.add(external);
    const map = `${fileURLToPath(url)}.map`;
    if (!url.includes("/dist/") || !existsSync(map)) continue;
    for (const source of (JSON.parse(readFileSync(map, "utf8")) as { sources: string[] }).sources) {
      const bundled = PACKAGE.exec(source)?.[1];
      if (bundled) packages.add(bundled);
    }
  }
  return packages;
}
