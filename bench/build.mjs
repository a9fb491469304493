// Bundles the benchmark (bench/*.ts with the src/ modules it imports) into bench/.out/ with
// esbuild, so `node bench/.out/run.js` runs it without a TypeScript loader. Runtime
// dependencies stay external and load from node_modules, as they do for users of the package.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const bench = dirname(fileURLToPath(import.meta.url));
const out = join(bench, ".out");
mkdirSync(out, { recursive: true });

const entries = [
  { in: join(bench, "run.ts"), out: "run" },
  { in: join(bench, "generate-cli.ts"), out: "generate" },
  { in: join(bench, "profile.ts"), out: "profile" },
];
// The feed server's load test belongs to the iCal work; bundle it when it exists.
if (existsSync(join(bench, "server.ts"))) entries.push({ in: join(bench, "server.ts"), out: "server" });

await build({
  entryPoints: entries,
  outdir: out,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
  external: ["luxon", "rrule", "zod", "js-yaml", "@touch4it/ical-timezones", "autocannon"],
  // Some bundled code may call require() for Node built-ins; give ESM output one.
  banner: { js: 'import { createRequire as __benchRequire } from "node:module"; const require = __benchRequire(import.meta.url);' },
});
console.log(`bench: built ${entries.map((entry) => `${entry.out}.js`).join(", ")} in ${out}`);
