// The text report of the example, in Vietnamese and English, byte for byte (UPDATE_GOLDEN=1 rewrites).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";

const GOLDEN = join(__dirname, "../fixtures/report");

describe("the text report of the example", () => {
  it.each([
    ["vi", []],
    ["en", []],
    ["vi", ["--detail"]],
  ] as const)("in %s %j matches its golden file", (lang, extra) => {
    const { stdout } = runCli(["check", "examples/lang-son-2024.yaml", "--lang", lang, "--fail-on", "never", ...extra]);
    const file = join(GOLDEN, `lang-son-2024${extra.length > 0 ? ".detail" : ""}.${lang}.txt`);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, stdout);
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(stdout).toBe(readFileSync(file, "utf8"));
  });
});
