// The library's modules, as tsup.config.ts builds them (one file each) and test/package checks
// the tarball for them.
import { buildSync } from "esbuild";

/** The src/ modules `entry` reaches through value imports (type-only imports are erased), as `dir/name`. */
function modulesOf(root: string, entry: string, platform: "neutral" | "node"): string[] {
  const { metafile } = buildSync({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    packages: "external",
    platform,
    logLevel: "silent",
  });
  return Object.keys(metafile.inputs)
    .filter((input) => input.startsWith("src/") && input.endsWith(".ts"))
    .map((input) => input.slice("src/".length, -".ts".length))
    .sort();
}

/**
 * The modules of the root export (browser-safe) and the ones lichhop/server adds (Node's): each
 * is written to dist/<module>.js and dist/<module>.cjs. The reload worker is not among them: it is
 * started, never imported, and ships as one file.
 */
export function libraryModules(root: string): { root: string[]; server: string[] } {
  const modules = modulesOf(root, "src/index.ts", "neutral");
  return { root: modules, server: modulesOf(root, "src/server/index.ts", "node").filter((module) => !modules.includes(module)) };
}
