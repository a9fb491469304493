import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

// Slow on purpose (it spawns the built CLI or workers on hostile input): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const CLI = join(__dirname, "../../dist/cli.js");
const EXAMPLE = join(__dirname, "../../examples/lang-son-2024.yaml");

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-ics-hostile-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every feed `lichhop ics` writes for the example, relative to --out. */
function feedPaths(): string[] {
  const dir = fresh();
  const res = spawnSync(process.execPath, [CLI, "ics", EXAMPLE, "--out", dir, "--format", "json"], { encoding: "utf8" });
  expect(res.status, res.stderr).toBe(0);
  return JSON.parse(res.stdout).feeds.map((feed: { path: string }) => feed.path.slice(dir.length + 1));
}

const VICTIM_TEXT = "do not overwrite me\n";

/**
 * Runs the CLI in a process that first plants, under its own pid, a symbolic link to the victim
 * at each `<feed>.tmp-<pid>` name (the name earlier versions wrote through).
 */
function runWithPlantedLinks(out: string, feeds: readonly string[], victim: string) {
  const script = join(fresh(), "plant.mjs");
  writeFileSync(
    script,
    `import { mkdirSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";

const out = ${JSON.stringify(out)};
for (const feed of ${JSON.stringify(feeds)}) {
  const temporary = join(out, feed) + ".tmp-" + process.pid;
  mkdirSync(dirname(temporary), { recursive: true });
  symlinkSync(${JSON.stringify(victim)}, temporary);
}
await import(${JSON.stringify(pathToFileURL(CLI).href)});
`,
  );
  return spawnSync(process.execPath, [script, "ics", EXAMPLE, "--out", out], { encoding: "utf8" });
}

describe("lichhop ics writes through a random, exclusively created temporary file", () => {
  const feeds = feedPaths();

  it("never follows a link planted at the old predictable temporary names", () => {
    const out = fresh();
    const victim = join(fresh(), "victim.txt");
    writeFileSync(victim, VICTIM_TEXT);
    const res = runWithPlantedLinks(out, feeds, victim);
    expect(res.status, res.stderr).toBe(0);
    expect(readFileSync(victim, "utf8")).toBe(VICTIM_TEXT);
    for (const feed of feeds) {
      const stat = lstatSync(join(out, feed));
      expect(stat.isFile() && !stat.isSymbolicLink(), feed).toBe(true);
      expect(readFileSync(join(out, feed), "utf8")).toMatch(/^BEGIN:VCALENDAR\r\n/);
    }
  });

  it("replaces a link at a feed's own name instead of writing through it", () => {
    const out = fresh();
    const victim = join(fresh(), "victim.txt");
    writeFileSync(victim, VICTIM_TEXT);
    for (const feed of feeds) {
      mkdirSync(join(out, feed, ".."), { recursive: true });
      symlinkSync(victim, join(out, feed));
    }
    const res = spawnSync(process.execPath, [CLI, "ics", EXAMPLE, "--out", out], { encoding: "utf8" });
    expect(res.status, res.stderr).toBe(0);
    expect(readFileSync(victim, "utf8")).toBe(VICTIM_TEXT);
    for (const feed of feeds) expect(lstatSync(join(out, feed)).isSymbolicLink(), feed).toBe(false);
  });

  it("leaves no temporary file behind", () => {
    const out = fresh();
    spawnSync(process.execPath, [CLI, "ics", EXAMPLE, "--out", out], { encoding: "utf8" });
    const all = ["", "body", "person", "room"].flatMap((sub) => readdirSync(join(out, sub)));
    expect(all.filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a feed subfolder that is a symbolic link (exit 2) and writes nothing into its target", () => {
    const out = fresh();
    const elsewhere = fresh();
    const victim = join(elsewhere, `${feeds.find((feed) => feed.startsWith("person/"))!.slice("person/".length)}`);
    writeFileSync(victim, VICTIM_TEXT);
    symlinkSync(elsewhere, join(out, "person"));
    const res = spawnSync(process.execPath, [CLI, "ics", EXAMPLE, "--out", out, "--lang", "en"], { encoding: "utf8" });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(`${join(out, "person")} is a symbolic link; remove it or choose another --out [bad-argument]`);
    const vi = spawnSync(process.execPath, [CLI, "ics", EXAMPLE, "--out", out, "--lang", "vi"], { encoding: "utf8" });
    expect(vi.stderr).toContain(`${join(out, "person")} là một liên kết tượng trưng; xóa liên kết đó hoặc chọn --out khác [bad-argument]`);
    expect(readFileSync(victim, "utf8")).toBe(VICTIM_TEXT);
    expect(readdirSync(elsewhere)).toEqual([victim.slice(elsewhere.length + 1)]);
  });

  it("accepts --out itself being a symbolic link to a folder", () => {
    const real = fresh();
    const link = join(fresh(), "feeds");
    symlinkSync(real, link);
    const res = spawnSync(process.execPath, [CLI, "ics", EXAMPLE, "--out", link], { encoding: "utf8" });
    expect(res.status, res.stderr).toBe(0);
    expect(existsSync(join(real, "all.ics"))).toBe(true);
  });
});
