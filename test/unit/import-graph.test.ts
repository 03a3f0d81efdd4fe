import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The layers of README "Design in brief", over the whole import graph of src/ (type-only and dynamic imports
// included). Biome's noRestrictedImports checks each import line; this checks what a line cannot show: paths
// through the root files (context.ts, config.ts) and cycles between folders.

const SRC = resolve(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const specifiers =
    /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?["'](\.[^"']*)["']|import\(\s*["'](\.[^"']*)["']\s*\)/g;
  for (const file of sourceFiles(SRC)) {
    const targets = new Set<string>();
    for (const m of readFileSync(file, "utf8").matchAll(specifiers)) {
      const base = resolve(dirname(file), (m[1] ?? m[2]) as string);
      const target = [`${base}.ts`, join(base, "index.ts")].find((p) => existsSync(p));
      if (target) targets.add(relative(SRC, target));
    }
    graph.set(relative(SRC, file), [...targets]);
  }
  return graph;
}

const folderOf = (file: string) => (file.includes("/") ? file.slice(0, file.indexOf("/")) : file);

/** Strongly connected components with more than one file (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** Files of `from` that reach a file of one of `forbidden`, with the path that does it. */
function reaching(graph: Map<string, string[]>, from: string, forbidden: string[]): string[] {
  const found: string[] = [];
  for (const start of [...graph.keys()].filter((f) => folderOf(f) === from)) {
    const seen = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift()!;
      if (forbidden.includes(folderOf(v))) {
        const path = [v];
        for (let p = seen.get(v); p; p = seen.get(p)) path.unshift(p);
        found.push(path.join(" -> "));
        break;
      }
      for (const w of graph.get(v) ?? [])
        if (!seen.has(w)) {
          seen.set(w, v);
          queue.push(w);
        }
    }
  }
  return found;
}

describe("the import graph of src/", () => {
  const graph = importGraph();

  it("sees the whole tree", () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get("services/cases/case-thread.ts")).toContain("domain/cards.ts");
  });

  it("has no import cycle between two folders", () => {
    expect(cycles(graph).filter((c) => new Set(c.map(folderOf)).size > 1)).toEqual([]);
  });

  it("points only down: slack -> services -> messages -> domain, also through the root files", () => {
    expect(reaching(graph, "domain", ["messages", "services", "slack", "db", "generated"])).toEqual([]);
    expect(reaching(graph, "messages", ["services", "slack", "db"])).toEqual([]);
    for (const layer of ["services", "reminders", "bank", "import", "jobs", "ai"])
      expect(reaching(graph, layer, ["slack"])).toEqual([]);
  });
});
