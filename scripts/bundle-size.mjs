#!/usr/bin/env node
// What a bundler makes of lichhop in an app: packs the build (run `npm run build` first), installs
// the tarball into a temporary app with the lockfile's versions of the dependencies, and bundles
// one-line consumers with esbuild, minified. Prints bytes minified and gzipped, and the packages
// in each bundle.
//
//   node scripts/bundle-size.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const consumers = [
  ["toLunar alone", 'import { toLunar } from "lichhop"; console.log(toLunar("2024-02-10"));', "browser"],
  ["checkSchedule", 'import { checkSchedule } from "lichhop"; console.log(checkSchedule);', "browser"],
  ["the whole root", 'import * as lichhop from "lichhop"; console.log(lichhop);', "browser"],
  ["lichhop/server", 'import { createFeedHandler } from "lichhop/server"; console.log(createFeedHandler);', "node"],
  [
    "the root and lichhop/server",
    'import * as lichhop from "lichhop"; import { createFeedHandler } from "lichhop/server"; console.log(lichhop, createFeedHandler);',
    "node",
  ],
];

const dir = mkdtempSync(join(tmpdir(), "lichhop-size-"));
try {
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  const app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const pinned = ["ical.js", "js-yaml", "luxon", "zod"].map((name) => `${name}@${lock.packages[`node_modules/${name}`].version}`);
  execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", join(dir, packed.filename), ...pinned], {
    cwd: app,
    stdio: "pipe",
  });
  console.log(`${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`);
  for (const [name, contents, platform] of consumers) {
    const result = await build({
      stdin: { contents, resolveDir: app, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform,
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const code = result.outputFiles[0].contents;
    const inputs = Object.values(result.metafile.outputs)[0].inputs;
    const packages = new Set(
      Object.keys(inputs)
        .filter((input) => inputs[input].bytesInOutput > 0)
        .map((input) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1])
        .filter(Boolean),
    );
    const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
    console.log(
      `${name.padEnd(28)} ${kb(code.length).padStart(9)} min ${kb(gzipSync(code).length).padStart(9)} gzip   ${[...packages].sort().join(", ")}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
