#!/usr/bin/env node
// `npm run build` (and the last step of `npm install`): bundles src/main.ts and src/cli.ts into dist/ as
// plain ESM for Node 20 with esbuild. Why a bundle and not tsc: the sources import without extensions
// (`./cli/command`), which Node's ESM loader refuses, and a few chunks load in a fraction of the time of
// hundreds of small modules. Code splitting turns every `await import()` (one per CLI command, the charts,
// the PDF) into its own chunk, loaded only when used. Source maps let `node --enable-source-maps` print
// stack traces that point at src/*.ts. The README ("Build and start-up") has the measurements.
//
// Files are written atomically (temporary name, then rename) and stale chunks are removed, so a CLI call
// running during a rebuild (tests build in their global setup) never reads a half-written file.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist");

// npm packages stay external (resolved from node_modules at run time), except these: pure JavaScript that
// start-up always loads, spread over hundreds of small files (Bolt and the Web API client ~450 CommonJS
// files, zod ~230): bundled, they load in about half the CPU time. Native addons, WebAssembly, packages that
// read their own files (fonts, Prisma's query compiler) and the ones loaded on first use stay external, and
// so does every package named in package.json, also when a bundled package requires it (ws, for one).
const BUNDLED = new Set(["@slack/bolt", "@slack/web-api", "@slack/types", "zod", "bottleneck", "node-cron"]);
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

// Prisma's runtime resolves to its CommonJS build under Node's "node" condition; its ES module build (the
// same code, shipped next to it) loads about 60 ms faster, as Node needn't scan 230 kB of CommonJS for
// its export names. The generated client is our TypeScript and is bundled, so its import is pointed there.
const prismaRuntimeAsEsm = {
  name: "prisma-runtime-esm",
  setup(b) {
    b.onResolve({ filter: /^@prisma\/client\/runtime\/client$/ }, () => ({
      path: "@prisma/client/runtime/client.mjs",
      external: true,
    }));
  },
};

export async function buildDist({ quiet = false } = {}) {
  const started = performance.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["src/main.ts", "src/cli.ts"],
    outdir,
    outbase: "src",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external,
    // bundled CommonJS calls require(): give it Node's, for this chunk's location
    banner: {
      js: 'import { createRequire as __creditoCreateRequire } from "node:module";\nconst require = __creditoCreateRequire(import.meta.url);',
    },
    plugins: [prismaRuntimeAsEsm],
    sourcemap: true,
    sourcesContent: false,
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning",
    write: false,
  });
  const wanted = new Set();
  for (const file of result.outputFiles) {
    wanted.add(file.path);
    mkdirSync(dirname(file.path), { recursive: true });
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  const removeStale = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) removeStale(path);
      else if (!wanted.has(path) && !entry.name.endsWith(".tmp")) rmSync(path, { force: true });
    }
  };
  removeStale(outdir);
  if (!quiet) {
    const ms = Math.round(performance.now() - started);
    const files = result.outputFiles.filter((f) => f.path.endsWith(".js")).length;
    process.stdout.write(`built ${relative(root, outdir)}/ (${files} files) in ${ms} ms\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildDist();
}
