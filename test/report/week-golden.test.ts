// The weekly work schedule of the example's week 07 of 2024 (Tết, a clash on 15/02), byte for
// byte in each layout and format (UPDATE_GOLDEN=1 rewrites; a missing golden file fails).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";

const GOLDEN = join(__dirname, "../fixtures/week/golden");

describe("the weekly work schedule of the example's week 2024-W07", () => {
  it.each([
    ["grid", "html", "vi"],
    ["table", "html", "vi"],
    ["list", "html", "vi"],
    ["grid", "html", "en"],
    ["grid", "text", "vi"],
    ["table", "text", "en"],
    ["list", "text", "vi"],
    ["grid", "md", "vi"],
    ["table", "md", "en"],
    ["table", "csv", "vi"],
  ] as const)("%s in %s (%s) matches its golden file", (layout, format, lang) => {
    const { code, stdout, stderr } = runCli([
      "week",
      "examples/lang-son-2024.yaml",
      "--week",
      "2024-W07",
      "--layout",
      layout,
      "--format",
      format,
      "--lang",
      lang,
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const file = join(GOLDEN, `lang-son-2024-W07.${layout}.${lang}.${format === "text" ? "txt" : format}`);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, stdout);
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(stdout).toBe(readFileSync(file, "utf8"));
  });
});
