import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { COMMAND_HELP } from "../../src/cli/help";
import { colorWanted } from "../../src/cli/color";
import { CLI, CLI_ENV, runCli } from "../helpers/cli";

vi.setConfig({ testTimeout: 60_000 });

const EXAMPLE = join(__dirname, "../../examples/lang-son-2024.yaml");
const folder = () => mkdtempSync(join(tmpdir(), "lichhop-habits-"));

describe("per-command help", () => {
  it("prints each command's own usage, options and examples, differing from the general help", () => {
    const general = runCli(["--help"]).stdout;
    for (const command of Object.keys(COMMAND_HELP)) {
      const own = runCli([command, "--help"]);
      expect(own.code).toBe(0);
      expect(own.stdout).not.toBe(general);
      expect(own.stdout).toContain(`Usage: lichhop ${command}`);
      expect(own.stdout).toContain("Examples:\n  lichhop ");
      expect(runCli(["help", command]).stdout).toBe(own.stdout);
    }
    expect(runCli(["check", "--help"]).stdout).toContain("  --sarif FILE ");
    expect(runCli(["lunar", "--help"]).stdout).not.toContain("--sarif");
  });

  it("gives examples that use only options their command takes", () => {
    for (const [command, help] of Object.entries(COMMAND_HELP)) {
      for (const example of help.examples) {
        const words = example.replace(/^\S+=\S+ /, "").split(" ");
        expect(words.slice(0, 2)).toEqual(["lichhop", command]);
        for (const word of words.filter((w) => w.startsWith("--"))) expect(help.options).toContain(word.slice(2));
      }
    }
  });
});

describe("options a command does not take", () => {
  it("are refused with exit 2, naming the command", () => {
    const lunar = runCli(["lunar", "2024-01-01", "--port", "9"]);
    expect(lunar.code).toBe(2);
    expect(lunar.stderr).toBe("Lệnh lunar không dùng tùy chọn --port; xem lichhop lunar --help [bad-argument]\n");
    const expand = runCli(["expand", EXAMPLE, "--fail-on", "warning", "--lang", "en"]);
    expect(expand.code).toBe(2);
    expect(expand.stderr).toContain("--fail-on does not apply to lichhop expand; see lichhop expand --help");
    expect(runCli(["schema", "--detail"]).code).toBe(2);
    expect(runCli(["check", EXAMPLE, "--port", "1"]).code).toBe(2);
  });
});

describe("-o/--output", () => {
  it("writes what stdout would get to the file, and nothing to stdout", () => {
    const dir = folder();
    const file = join(dir, "report.json");
    const result = runCli(["check", EXAMPLE, "--format", "json", "-o", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toBe(runCli(["check", EXAMPLE, "--format", "json"]).stdout);
    expect(readdirSync(dir)).toEqual(["report.json"]);
    runCli(["expand", EXAMPLE, "--output", file]);
    expect(readFileSync(file, "utf8")).toBe(runCli(["expand", EXAMPLE]).stdout);
  });

  it("leaves the file as it was when the command is refused before writing", () => {
    const dir = folder();
    const file = join(dir, "report.txt");
    writeFileSync(file, "báo cáo cũ\n");
    const result = runCli(["check", join(dir, "khong-co.yaml"), "-o", file]);
    expect(result.code).toBe(2);
    expect(readFileSync(file, "utf8")).toBe("báo cáo cũ\n");
    expect(readdirSync(dir)).toEqual(["report.txt"]);
  });

  it("names a folder that does not exist", () => {
    const result = runCli(["schema", "-o", join(folder(), "khong", "schema.json"), "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("schema.json");
  });
});

describe("several outputs of one check", () => {
  it("writes each format to its file exactly as --format writes it", () => {
    const dir = folder();
    const files = { json: join(dir, "r.json"), junit: join(dir, "r.xml"), sarif: join(dir, "r.sarif"), github: join(dir, "r.txt") };
    const result = runCli([
      "check",
      EXAMPLE,
      "--json",
      files.json,
      "--junit",
      files.junit,
      "--sarif",
      files.sarif,
      "--github",
      files.github,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(runCli(["check", EXAMPLE]).stdout);
    for (const [format, file] of Object.entries(files)) {
      expect(readFileSync(file, "utf8"), format).toBe(runCli(["check", EXAMPLE, "--format", format]).stdout);
    }
  });

  it("reports a bad file in each format asked for, exit 2", () => {
    const dir = folder();
    const bad = join(dir, "lich.yaml");
    writeFileSync(bad, "version: 1\nfoo: 2\n");
    const sarif = join(dir, "r.sarif");
    const json = join(dir, "r.json");
    const result = runCli(["check", bad, "--format", "github", "--sarif", sarif, "--json", json]);
    expect(result.code).toBe(2);
    expect(readFileSync(sarif, "utf8")).toBe(runCli(["check", bad, "--format", "sarif"]).stdout);
    expect(readFileSync(json, "utf8")).toBe(runCli(["check", bad, "--format", "json"]).stdout);
  });

  it("refuses one file named for two outputs", () => {
    const dir = folder();
    const result = runCli(["check", EXAMPLE, "--sarif", join(dir, "a"), "-o", join(dir, ".", "a")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("được chỉ định cho hai đầu ra");
    expect(existsSync(join(dir, "a"))).toBe(false);
  });
});

describe("- reads the schedule from standard input", () => {
  it("checks and expands what comes in, naming it <stdin> in issues", () => {
    const run = (args: string[], input: string) => spawnSync(process.execPath, [CLI, ...args], { input, encoding: "utf8", env: CLI_ENV });
    const text = readFileSync(EXAMPLE, "utf8");
    expect(run(["expand", "-"], text).stdout).toBe(runCli(["expand", EXAMPLE]).stdout);
    const checked = run(["check", "-", "--format", "json"], text);
    expect(JSON.parse(checked.stdout).summary).toEqual(JSON.parse(runCli(["check", EXAMPLE, "--format", "json"]).stdout).summary);
    const bad = run(["check", "-"], "version: 1\nfoo: 2\n");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^<stdin>:2:1: foo: /);
  });
});

describe("colour", () => {
  it("follows NO_COLOR, FORCE_COLOR and the terminal", () => {
    expect(colorWanted({}, true)).toBe(true);
    expect(colorWanted({}, false)).toBe(false);
    expect(colorWanted({ NO_COLOR: "1" }, true)).toBe(false);
    expect(colorWanted({ NO_COLOR: "" }, true)).toBe(true);
    expect(colorWanted({ FORCE_COLOR: "1" }, false)).toBe(true);
    expect(colorWanted({ FORCE_COLOR: "0" }, true)).toBe(false);
    expect(colorWanted({ NO_COLOR: "1", FORCE_COLOR: "1" }, true)).toBe(false);
  });

  it("colours the severity tags of the text report only, and never a file", () => {
    const forced = runCli(["check", EXAMPLE], { ...CLI_ENV, FORCE_COLOR: "1" }).stdout;
    expect(forced).toContain("1. \u001b[1;31m[LỖI]\u001b[0m Phiên họp");
    expect(forced).toContain("\u001b[1;33m[CẢNH BÁO]\u001b[0m");
    expect(forced.replace(/\u001b\[[0-9;]*m/g, "")).toBe(runCli(["check", EXAMPLE]).stdout);
    expect(runCli(["check", EXAMPLE, "--format", "json"], { ...CLI_ENV, FORCE_COLOR: "1" }).stdout).not.toContain("\u001b");
    const file = join(folder(), "r.txt");
    runCli(["check", EXAMPLE, "-o", file], { ...CLI_ENV, FORCE_COLOR: "1" });
    expect(readFileSync(file, "utf8")).not.toContain("\u001b");
  });
});

describe("expand and ics take several files or a directory, as check does", () => {
  const MULTI = join(__dirname, "../fixtures/ci/schedules/multi");

  it("expands the merged schedule", () => {
    const both = runCli(["expand", MULTI, "--format", "json"]);
    expect(both.code).toBe(0);
    const meetings = new Set((JSON.parse(both.stdout).occurrences as { meeting: string }[]).map((o) => o.meeting));
    expect(meetings.size).toBeGreaterThan(0);
    expect(runCli(["expand", join(MULTI, "hdnd.yaml"), join(MULTI, "ubnd.yaml"), "--format", "json"]).stdout).toBe(both.stdout);
    const single = new Set(
      (JSON.parse(runCli(["expand", join(MULTI, "hdnd.yaml"), "--format", "json"]).stdout).occurrences as { meeting: string }[]).map(
        (o) => o.meeting,
      ),
    );
    expect(meetings.size).toBeGreaterThan(single.size);
  });

  it("writes the feeds of the merged schedule, stamped with the files' latest time", () => {
    const out = folder();
    const result = runCli(["ics", MULTI, "--out", out], { ...CLI_ENV, SOURCE_DATE_EPOCH: "1704067200" });
    expect(result.code).toBe(0);
    const all = readFileSync(join(out, "all.ics"), "utf8");
    const checked = JSON.parse(runCli(["check", MULTI, "--format", "json"]).stdout) as { summary: { meetings: number } };
    expect(all.match(/^BEGIN:VEVENT/gm)?.length).toBeGreaterThanOrEqual(checked.summary.meetings);
    expect(all).toContain("DTSTAMP:20240101T000000Z");
  });
});
