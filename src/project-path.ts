import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * A path inside the project folder (prompts/, prisma/migrations/). Found by walking up from this module to
 * the folder with package.json, because this code runs from src/ (tsx, tests) and from a bundled chunk in
 * dist/ (npm start, the CLI), which sit at different depths.
 */
export function projectPath(...parts: string[]): string {
  if (root === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
    root = dir;
  }
  return join(root, ...parts);
}
