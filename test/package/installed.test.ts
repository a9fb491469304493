import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { libraryModules } from "../../scripts/library-modules";

// The package as an app gets it: `npm pack` of the build (`npm test` builds first), installed from
// the tarball into an app of its own. Slow on purpose (it packs, installs, bundles and runs it).
const ROOT = join(__dirname, "../..");
const RUNTIME = ["ical.js", "js-yaml", "luxon", "zod"];

let dir = "";
let app = "";
let tarball = "";
let packed: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lichhop-installed-"));
  // --ignore-scripts: pack the build under test; prepack would rebuild dist while other files read it.
  const [result] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }),
  ) as { filename: string; files: { path: string }[] }[];
  if (result === undefined) throw new Error("npm pack printed no package");
  tarball = join(dir, result.filename);
  packed = result.files.map((file) => file.path).sort();
  app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  // The app depends on the lockfile's versions of lichhop's runtime dependencies, so the test runs
  // what the other tests run; lichhop's ranges must then take the app's copies.
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version: string }> };
  const pinned = RUNTIME.map((name) => `${name}@${lock.packages[`node_modules/${name}`]?.version}`);
  execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball, ...pinned], { cwd: app, stdio: "pipe" });
}, 180_000);

afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: app, encoding: "utf8" }).trim();

describe("the packed package", () => {
  it("holds exactly the library's modules, its declarations, the CLI, the schema and the docs", () => {
    const { root, server } = libraryModules(ROOT);
    const modules = [...root, ...server];
    const exact = new Set([
      "CHANGELOG.md",
      "LICENSE",
      "README.md",
      "package.json",
      "schema.json",
      "dist/cli.js",
      "dist/cli/reload-worker.js",
      "dist/server/reload-worker.js",
      "dist/index.d.ts",
      "dist/index.d.cts",
      "dist/server/index.d.ts",
      "dist/server/index.d.cts",
      ...modules.flatMap((module) => [`dist/${module}.js`, `dist/${module}.cjs`]),
    ]);
    // Named by esbuild and rollup with a hash: the CLI's chunks and the declarations both exports share.
    const hashed = [/^dist\/cli\/[a-z-]+-[A-Z0-9]{8}\.js$/, /^dist\/[a-z-]+-[A-Za-z0-9_-]{8}\.d\.c?ts$/];
    expect([...exact].filter((file) => !packed.includes(file))).toEqual([]);
    expect(packed.filter((file) => !exact.has(file) && !hashed.some((pattern) => pattern.test(file)))).toEqual([]);
    expect(packed.filter((file) => /\.map$|^src\/|^test\/|(?<!\.d)\.c?ts$/.test(file))).toEqual([]);
    expect(modules).toContain("calendar/lunar");
    expect(modules).toContain("server/handler");
  });

  it("installs into an app with one copy of each runtime dependency, the app's own", () => {
    expect(existsSync(join(app, "node_modules/lichhop/dist/index.js"))).toBe(true);
    expect(existsSync(join(app, "node_modules/lichhop/node_modules"))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(app, "node_modules/lichhop/package.json"), "utf8")) as Record<
      string,
      Record<string, string>
    >;
    for (const range of [...Object.values(manifest["dependencies"] ?? {}), ...Object.values(manifest["peerDependencies"] ?? {})]) {
      expect(range).toMatch(/^\^\d+\.\d+\.\d+$/);
    }
  });

  // createFeedHandler throws at its first load when the file is invalid: the ScheduleError of the
  // root, since lichhop/server runs the root's own modules instead of a copy of them.
  it.each([
    [
      "ESM",
      ["--input-type=module", "-e"],
      'import { LichhopError, ScheduleError } from "lichhop"; import { createFeedHandler } from "lichhop/server";',
    ],
    ["CJS", ["-e"], 'const { LichhopError, ScheduleError } = require("lichhop"); const { createFeedHandler } = require("lichhop/server");'],
  ])("throws the root's ScheduleError from lichhop/server to %s", (_format, flags, load) => {
    writeFileSync(join(app, "invalid.yaml"), "version: 2\n");
    const script = `${load}
try {
  createFeedHandler({ file: "invalid.yaml", watch: false });
  console.log("no error");
} catch (error) {
  console.log(error.constructor.name, error instanceof ScheduleError, error instanceof LichhopError, error.issues[0].code);
}`;
    expect(run([...flags, script])).toBe("ScheduleError true true invalid-value");
  });

  it("lets a bundler keep only what an app imports: toLunar alone pulls in no zod, js-yaml, rrule, luxon or ical.js", async () => {
    const bundle = async (contents: string) => {
      const result = await build({
        stdin: { contents, resolveDir: app, loader: "js" },
        bundle: true,
        minify: true,
        format: "esm",
        platform: "browser",
        write: false,
        metafile: true,
        logLevel: "silent",
      });
      const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
      const used = Object.keys(inputs).filter((input) => input !== "<stdin>" && (inputs[input]?.bytesInOutput ?? 0) > 0);
      const packages = new Set(used.map((input) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? input));
      return { code: result.outputFiles[0]?.text ?? "", used, packages };
    };
    const lunar = await bundle('import { toLunar } from "lichhop"; console.log(JSON.stringify(toLunar("2024-02-10")));');
    expect([...lunar.packages]).toEqual(["lichhop"]);
    expect(lunar.used.every((input) => /node_modules\/lichhop\/dist\/(calendar|time|errors|limits)/.test(input))).toBe(true);
    expect(lunar.code).not.toMatch(/ZodError|YAMLException|RRule|DateTime|ICAL\./);
    expect(lunar.code.length).toBeLessThan(10_000);
    writeFileSync(join(app, "lunar.mjs"), lunar.code);
    expect(JSON.parse(run(["lunar.mjs"]))).toMatchObject({ day: 1, month: 1, year: 2024, leap: false });
    // The check itself: the whole root does bring them in.
    const whole = await bundle('import * as lichhop from "lichhop"; console.log(lichhop);');
    for (const name of RUNTIME) expect(whole.packages).toContain(name);
  });

  // node10 resolution (no `exports`) is out of scope: the package needs Node 20 or later.
  it("passes @arethetypeswrong on the tarball", () => {
    const attw = execFileSync(join(ROOT, "node_modules/.bin/attw"), [tarball, "--profile", "node16", "--format", "ascii"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(attw).toContain("lichhop/server"); // attw exits non-zero (and execFileSync throws) on any problem
  }, 120_000);
});
