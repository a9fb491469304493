import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { addMeetings, BASE_TEXT, CLI, FIXTURES, lineOf, NEW_CLASHING_MEETING, ROOT } from "../helpers/ci";

// Slow on purpose (it spawns the built CLI and git): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "lichhop-ci-"));
}

const PROPOSED_TEXT = addMeetings(BASE_TEXT, NEW_CLASHING_MEETING);

function gitRepo(files: Record<string, string>): string {
  const dir = tempDir();
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", ...args], {
      cwd: dir,
      stdio: "pipe",
    });
  git("init", "-q");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  git("add", ".");
  git("commit", "-q", "-m", "base");
  return dir;
}

describe("lichhop check in CI (the built binary)", () => {
  it("--format github prints the golden annotations and exits 1", () => {
    const { code, stdout } = run(["check", "test/fixtures/ci/schedules/small.yaml", "--format", "github"]);
    expect(code).toBe(1);
    expect(stdout).toBe(readFileSync(join(__dirname, "../fixtures/ci/golden/small.github.txt"), "utf8"));
  });

  it.each(["junit", "sarif"])("--format %s writes a document and exits 1", (format) => {
    const { code, stdout } = run(["check", "test/fixtures/ci/schedules/small.yaml", "--format", format]);
    expect(code).toBe(1);
    expect(stdout).toContain(format === "junit" ? "<testsuites" : '"version": "2.1.0"');
  });

  it("--base reports only the new findings; only they count for --fail-on", () => {
    const dir = tempDir();
    const proposed = join(dir, "lich.yaml");
    writeFileSync(proposed, PROPOSED_TEXT);
    const base = join(FIXTURES, "lang-son-base.yaml");
    const json = run(["check", proposed, "--base", base, "--format", "json"]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.summary).toMatchObject({ conflicts: 4, new: 4, changed: 0, fixed: 0, unchanged: 10 });
    expect(run(["check", proposed, "--base", base, "--fail-on", "never"]).code).toBe(0);
    // The base against itself: ten conflicts, none new, exit 0.
    const same = run(["check", base, "--base", base, "--format", "json"]);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).summary).toMatchObject({ conflicts: 0, new: 0, changed: 0, fixed: 0, unchanged: 10 });
    const text = run(["check", proposed, "--base", base, "--lang", "en"]);
    expect(text.stdout).toContain("Against the base: 4 new, 0 changed, 0 fixed, 10 unchanged.");
  });

  it("--base-ref reads the base from git and annotates the changed line", () => {
    const dir = gitRepo({ "lich/lich.yaml": BASE_TEXT });
    writeFileSync(join(dir, "lich/lich.yaml"), PROPOSED_TEXT);
    const { code, stdout, stderr } = run(["check", "lich/lich.yaml", "--base-ref", "HEAD", "--format", "github"], dir);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const lines = [...stdout.matchAll(/^::error file=lich\/lich\.yaml,line=(\d+),col=5,/gm)].map((m) => Number(m[1]));
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(lineOf(PROPOSED_TEXT, line)).toMatch(/^ {4}(room: phong-hop-1|body: ubnd)$/);
    expect(stdout).toContain("against the base: 4 new, 0 changed, 0 fixed, 10 unchanged");
    // Unchanged working tree: nothing new.
    writeFileSync(join(dir, "lich/lich.yaml"), BASE_TEXT);
    expect(run(["check", "./lich/lich.yaml", "--base-ref", "HEAD"], dir).code).toBe(0);
  });

  it("--base-ref with a directory, and a file new since the base", () => {
    const dir = gitRepo({ "lich/hdnd.yaml": readFileSync(join(FIXTURES, "multi/hdnd.yaml"), "utf8") });
    copyFileSync(join(FIXTURES, "multi/ubnd.yaml"), join(dir, "lich/ubnd.yaml"));
    const { code, stdout } = run(["check", "lich", "--base-ref", "HEAD", "--format", "json"], dir);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ new: 2, fixed: 0, unchanged: 0 });
    expect(report.conflicts.map((c: { source: { file: string } }) => c.source.file)).toEqual(["lich/ubnd.yaml", "lich/ubnd.yaml"]);
  });

  it("--base-ref with an unknown revision exits 2 and says why", () => {
    const dir = gitRepo({ "lich.yaml": BASE_TEXT });
    const { code, stderr } = run(["check", "lich.yaml", "--base-ref", "origin/main", "--lang", "en"], dir);
    expect(code).toBe(2);
    expect(stderr).toContain("--base-ref origin/main: not a commit");
  });

  it("checks several files, or a directory, as one schedule", () => {
    const files = run([
      "check",
      "test/fixtures/ci/schedules/multi/hdnd.yaml",
      "test/fixtures/ci/schedules/multi/ubnd.yaml",
      "--format",
      "json",
    ]);
    const dir = run(["check", "test/fixtures/ci/schedules/multi", "--format", "json"]);
    expect(files.code).toBe(1);
    expect(dir.code).toBe(1);
    expect(JSON.parse(files.stdout).summary).toMatchObject({ meetings: 2, conflicts: 2 });
    expect(dir.stdout).toBe(files.stdout);
  });

  it("an id used in two files exits 2 naming both files", () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, "multi/hdnd.yaml"), join(dir, "a.yaml"));
    copyFileSync(join(FIXTURES, "multi/hdnd.yaml"), join(dir, "b.yaml"));
    const { code, stderr } = run(["check", join(dir, "a.yaml"), join(dir, "b.yaml"), "--lang", "en"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, "b.yaml")}:8:`);
    expect(stderr).toContain(`already used in ${join(dir, "a.yaml")} on line 8`);
  });

  it("a bad file exits 2, in the CI format asked for", () => {
    const github = run(["check", "test/fixtures/ci/schedules/broken.yaml", "--format", "github", "--lang", "en"]);
    expect(github.code).toBe(2);
    expect(github.stdout).toBe(readFileSync(join(__dirname, "../fixtures/ci/golden/broken.github.txt"), "utf8"));
    const junit = run(["check", "test/fixtures/ci/schedules/broken.yaml", "--format", "junit"]);
    expect(junit.code).toBe(2);
    expect(junit.stdout).toContain('<testcase classname="lichhop.schedule"');
    expect(run(["check", "no-such.yaml", "--format", "sarif"]).code).toBe(2);
  });

  it.each([
    [["check", "test/fixtures/ci/schedules/small.yaml", "--format", "xml"], "--format xml"],
    [["check", "test/fixtures/ci/schedules/small.yaml", "--base", "a.yaml", "--base-ref", "HEAD"], "give one of them"],
    [["check", "test/fixtures/ci/schedules/small.yaml", "--base", "no-such.yaml"], "cannot read no-such.yaml"],
    [["check"], "expected a schedule FILE"],
    [["expand", "test/fixtures/ci/schedules/small.yaml", "--format", "github"], "--format github"],
    [["schema", "extra"], "expected no arguments"],
  ])("%j exits 2", (args, text) => {
    const { code, stderr } = run([...args, "--lang", "en"]);
    expect(code).toBe(2);
    expect(stderr).toContain(text);
  });
});
