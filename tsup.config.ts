import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: false,
    clean: true,
    target: "node20",
    platform: "neutral",
    external: ["luxon", "zod", "js-yaml"],
  },
  {
    // The feed server's handler: a subpath export (lichhop/server) that may use Node built-ins.
    entry: { server: "src/server/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "node20",
    platform: "node",
    external: ["luxon", "zod", "js-yaml"],
    // The handler finds its reload worker beside itself through import.meta.url, which the shim
    // gives the CJS build too.
    shims: true,
  },
  {
    // The feed handler's reload worker (src/server/reload.ts starts it): one ESM file that both
    // dist/server.js and dist/server.cjs load as dist/reload-worker.js.
    entry: { "reload-worker": "src/server/reload-worker.ts" },
    format: ["esm"],
    dts: false,
    target: "node20",
    platform: "node",
    external: ["luxon", "zod", "js-yaml"],
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
