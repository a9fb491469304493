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
    external: ["luxon", "rrule", "zod", "yaml"],
  },
  {
    // The feed server's handler: a subpath export (lichhop/server) that may use Node built-ins.
    entry: { server: "src/server/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "node20",
    platform: "node",
    external: ["luxon", "rrule", "zod", "yaml"],
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    target: "node20",
    platform: "node",
    // The CLI bundles its dependencies into one file: Node then compiles one module instead of
    // hundreds, which halves start-up time.
    noExternal: [/.*/],
    minify: true,
    banner: {
      js: '#!/usr/bin/env node\nimport { createRequire as __lichhopRequire } from "node:module";\nconst require = __lichhopRequire(import.meta.url);',
    },
  },
]);
