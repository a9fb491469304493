import { existsSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";
import { libraryModules } from "./scripts/library-modules";

const DEPENDENCIES = ["luxon", "zod", "js-yaml", "ical.js"];

/** tsup's entry object for modules: src/X.ts is written to dist/X.js (and dist/X.cjs). */
const entries = (modules: readonly string[]) => Object.fromEntries(modules.map((module) => [module, `src/${module}.ts`]));

/**
 * Writes each module to its own file (the library's modules are entries, see below): an import of
 * another module of src/ stays an import, of its built file (.js or .cjs, as the format).
 */
const ownFiles: Plugin = {
  name: "lichhop-own-files",
  setup(build) {
    const extension = build.initialOptions.format === "cjs" ? ".cjs" : ".js";
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === "entry-point") return undefined;
      const base = resolve(args.resolveDir, args.path);
      const target = [`${base}.ts`, `${base}/index.ts`].find((file) => existsSync(file));
      if (target === undefined) return undefined;
      const path = relative(dirname(args.importer), target).replace(/\.ts$/, extension);
      return { path: path.startsWith(".") ? path : `./${path}`, external: true };
    });
  },
};

// The library is built module by module, as its sources are laid out: with `sideEffects: false`,
// a bundler keeps only the modules an app uses (toLunar alone pulls in neither zod nor js-yaml),
// and lichhop/server runs the root's own modules, so its errors are the root's classes. The root's
// modules are browser-safe (platform neutral, test/package checks it); the server's own are Node's.
const { root, server } = libraryModules(process.cwd());

export default defineConfig([
  {
    entry: entries(root),
    format: ["esm", "cjs"],
    // The declarations of both exports, rolled up from the sources; the types both use go to one
    // shared file, as their code does.
    dts: { entry: { index: "src/index.ts", "server/index": "src/server/index.ts" } },
    sourcemap: false,
    clean: true,
    splitting: false,
    target: "node20",
    platform: "neutral",
    external: DEPENDENCIES,
    esbuildPlugins: [ownFiles],
  },
  {
    // The feed server's handler: a subpath export (lichhop/server) that may use Node built-ins.
    entry: entries(server),
    format: ["esm", "cjs"],
    dts: false,
    splitting: false,
    target: "node20",
    platform: "node",
    external: DEPENDENCIES,
    esbuildPlugins: [ownFiles],
    // The handler finds its reload worker beside itself through import.meta.url, which the shim
    // gives the CJS build too.
    shims: true,
  },
  {
    // The feed handler's reload worker (src/server/reload.ts starts it): one self-contained ESM
    // file, dist/server/reload-worker.js beside dist/server/handler.js and .cjs, which both load
    // it; a bundler that inlines lichhop/server copies this one file.
    entry: { "server/reload-worker": "src/server/reload-worker.ts" },
    format: ["esm"],
    dts: false,
    target: "node20",
    platform: "node",
    external: DEPENDENCIES,
  },
  {
    // The serve command's reload worker goes beside the chunks, as dist/cli/reload-worker.js, where
    // the handler's chunk looks for it.
    entry: { cli: "src/cli/main.ts", "cli/reload-worker": "src/server/reload-worker.ts" },
    format: ["esm"],
    dts: false,
    target: "node20",
    platform: "node",
    // The CLI bundles its dependencies: Node then loads a few large modules instead of hundreds,
    // which halves start-up time.
    noExternal: [/.*/],
    minify: true,
    // Each command is a dynamic import() in src/cli/main.ts. With splitting, esbuild writes the
    // code behind them to chunks in dist/cli/, so a command loads and compiles only what it
    // runs: check never loads src/ical, src/server, src/init or src/schema/json-schema.ts, nor
    // node:http, node:crypto or node:child_process (only --base/--base-ref need git);
    // --version and --help load no schedule code at all.
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = "cli/[name]-[hash]";
    },
    // The banner goes to every chunk: each gets its own `require` for bundled CommonJS code.
    banner: {
      js: '#!/usr/bin/env node\nimport { createRequire as __lichhopRequire } from "node:module";\nconst require = __lichhopRequire(import.meta.url);',
    },
  },
]);
