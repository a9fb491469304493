// The layers of docs/architecture.md, checked on every relative import in src/: a module may
// import its own layer or a lower one, never a higher one.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "../../src");

/** Each layer, bottom first, by the src/ paths (folders or files) it holds. */
const LAYERS: readonly (readonly string[])[] = [
  ["errors.ts", "messages", "source.ts", "limits.ts", "internal", "time"],
  ["schema", "calendar"],
  ["recurrence"],
  ["load", "import"],
  ["conflicts", "report/report.ts", "report/locate.ts", "report/finding-text.ts"],
  ["check.ts", "expand.ts", "slots"],
  ["report", "ical", "diff", "init"],
  ["cli", "server", "index.ts"],
];

function layerOf(file: string): number {
  const path = relative(SRC, file).replace(/\\/g, "/");
  // The longest listed path that holds the file decides (report/report.ts before report).
  const holds = (name: string) => path === name || path.startsWith(`${name}/`);
  let layer = -1;
  let longest = 0;
  LAYERS.forEach((names, index) => {
    for (const name of names) {
      if (holds(name) && name.length > longest) {
        layer = index;
        longest = name.length;
      }
    }
  });
  if (layer < 0) throw new Error(`${path} is in no layer of docs/architecture.md`);
  return layer;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function target(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, "index.ts"), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g;

describe("imports point down the layers only", () => {
  const files = sources(SRC);

  it("puts every module of src/ in a layer", () => {
    for (const file of files) expect(() => layerOf(file)).not.toThrow();
  });

  it("never imports a higher layer", () => {
    const upward: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(IMPORT)) {
        const specifier = (match[1] ?? match[2]) as string;
        const to = target(file, specifier);
        if (to === undefined || !to.startsWith(SRC)) continue;
        if (layerOf(to) > layerOf(file)) upward.push(`${relative(SRC, file)} → ${relative(SRC, to)}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
