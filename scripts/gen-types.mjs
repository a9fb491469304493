#!/usr/bin/env node
// Writes src/schema/types.ts (the domain types, each property with its schema's description) from
// the zod schemas in src/: `npm run schema:types`. The generator is scripts/schema-types.ts, bundled
// here with esbuild since Node 20 runs no TypeScript; test/schema/types.test.ts keeps the file current.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "lichhop-gen-types-"));
try {
  const bundle = join(dir, "schema-types.mjs");
  buildSync({
    absWorkingDir: root,
    entryPoints: ["scripts/schema-types.ts"],
    bundle: true,
    outfile: bundle,
    format: "esm",
    platform: "node",
    logLevel: "error",
  });
  const { TYPES_FILE, schemaTypesSource } = await import(pathToFileURL(bundle).href);
  const target = join(root, TYPES_FILE);
  writeFileSync(target, schemaTypesSource(root));
  console.log(`wrote ${target}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
