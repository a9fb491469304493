import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runInit, SCHEMA_URL } from "../../src/cli/init";
import { PROVINCES } from "../../src/init/provinces";
import { runCli } from "../helpers/cli";

// These run the built package and CLI (`npx tsup` first).
vi.setConfig({ testTimeout: 60_000 });

const INDEX = join(__dirname, "../../dist/index.js");
const silent = { stdout: () => {}, stderr: () => {} };

/** Checks each file with the built library in one Node process: `[file, messages of its issues or conflicts]`. */
function checkAllBuilt(files: readonly string[]): [string, string[]][] {
  const script = `
    const { readFileSync } = await import("node:fs");
    const { parseSchedule, safeCheckSchedule } = await import(${JSON.stringify(INDEX)});
    const out = [];
    for (const file of JSON.parse(process.argv[1])) {
      const result = safeCheckSchedule(parseSchedule(readFileSync(file, "utf8"), { filename: file }));
      out.push([file, result.ok ? result.report.conflicts.map((c) => c.message) : result.issues.map((i) => i.message)]);
    }
    process.stdout.write(JSON.stringify(out));`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(files)], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout);
}

describe("lichhop init --province", () => {
  it("writes a file for each of the 34 units that the built package checks clean (names, committees)", () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-init-"));
    const files = PROVINCES.map((unit, i) => ({ unit, file: join(dir, `${i}.yaml`) }));
    for (const { unit, file } of files) {
      expect(runInit({ province: unit.name, out: file, year: "2026", currentYear: 2026 }, silent)).toBe(0);
      const text = readFileSync(file, "utf8");
      const level = unit.kind === "city" ? "thành phố" : "tỉnh";
      expect(text).toContain(`name: "UBND ${level} ${unit.name}"`);
      expect(text).toContain(`name: "Thường trực HĐND ${level} ${unit.name}"`);
      expect(text).toContain(`name: "Ban Kinh tế - Ngân sách HĐND ${level} ${unit.name}"`);
      expect(text.includes("  - { id: ban-do-thi,")).toBe(unit.kind === "city");
      expect(text).not.toMatch(/^ {2}- \{ id: ban-dan-toc/m);
      expect(text).toContain(`#   lichhop check ${file}\n`);
    }
    expect(checkAllBuilt(files.map((f) => f.file))).toEqual(files.map(({ file }) => [file, []]));
  });

  it.each(["Hà Nội", "TP HCM", "Lang Son"])("writes a file for %s that the built CLI checks clean", (typed) => {
    const out = join(mkdtempSync(join(tmpdir(), "lichhop-init-")), "lich.yaml");
    expect(runCli(["init", "--province", typed, "--out", out]).code).toBe(0);
    const check = runCli(["check", out, "--fail-on", "warning"]);
    expect([check.code, check.stderr]).toEqual([0, ""]);
  });

  it.each([
    ["vi", "Langg Son", "có phải Lạng Sơn?"],
    ["en", "Langg Son", "did you mean Lạng Sơn?"],
    ["en", "Binh Duong", "Bình Dương was merged into Hồ Chí Minh (city) on 1 July 2025"],
    ["vi", "Kien Giang", "tỉnh Kiên Giang đã nhập vào tỉnh An Giang"],
  ])("answers a wrong name with the unit meant (--lang %s, %s)", (lang, typed, expected) => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-init-"));
    const result = runCli(["init", "--province", typed, "--lang", lang, "--out", join(dir, "s.yaml")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(expected);
  });

  it("takes --committees: Ban Dân tộc when listed; Ban Đô thị only for a city; unknown ids refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-init-"));
    const out = join(dir, "dan-toc.yaml");
    expect(runCli(["init", "--province", "Lai Chau", "--committees", "phap-che,kt-ns,vh-xh,dan-toc", "--out", out]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('  - { id: ban-dan-toc, name: "Ban Dân tộc HĐND tỉnh Lai Châu"');
    expect(runCli(["check", out]).code).toBe(0);
    const urban = runCli(["init", "--province", "Lạng Sơn", "--committees", "do-thi", "--lang", "en", "--out", join(dir, "x.yaml")]);
    expect([urban.code, urban.stderr]).toEqual([2, expect.stringContaining("Ban Đô thị")]);
    const unknown = runCli(["init", "--committees", "phap-che,ban-x", "--out", join(dir, "y.yaml")]);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('"ban-x"')]);
  });
});

describe("lichhop init: the editor modeline", () => {
  it("names the nearest installed schema relative to the file, else the published one", () => {
    const project = mkdtempSync(join(tmpdir(), "lichhop-modeline-"));
    mkdirSync(join(project, "node_modules", "lichhop"), { recursive: true });
    writeFileSync(join(project, "node_modules", "lichhop", "schema.json"), "{}");
    mkdirSync(join(project, "lich"));
    expect(runInit({ out: join(project, "lich", "lang-son.yaml"), year: "2026", currentYear: 2026 }, silent)).toBe(0);
    expect(readFileSync(join(project, "lich", "lang-son.yaml"), "utf8").split("\n")[0]).toBe(
      "# yaml-language-server: $schema=../node_modules/lichhop/schema.json",
    );
    expect(runInit({ out: join(project, "root.yaml"), year: "2026", currentYear: 2026 }, silent)).toBe(0);
    expect(readFileSync(join(project, "root.yaml"), "utf8").split("\n")[0]).toBe(
      "# yaml-language-server: $schema=./node_modules/lichhop/schema.json",
    );
    const alone = join(mkdtempSync(join(tmpdir(), "lichhop-modeline-")), "lich.yaml");
    expect(runInit({ out: alone, year: "2026", currentYear: 2026 }, silent)).toBe(0);
    expect(readFileSync(alone, "utf8").split("\n")[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_URL}`);
    expect(SCHEMA_URL).toBe("https://unpkg.com/lichhop@0/schema.json");
    expect(checkAllBuilt([alone])).toEqual([[alone, []]]);
  });
});
