// `lichhop check --format html`: the calendar report from the command line.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";

describe("lichhop check --format html", () => {
  it("writes the calendar report and exits 1 on the example's errors", () => {
    const { code, stdout, stderr } = runCli(["check", "examples/lang-son-2024.yaml", "--format", "html"]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout.startsWith("<!doctype html>")).toBe(true);
    expect(stdout).toContain("<h1>Lịch họp và xung đột từ 01/01/2024 đến 31/12/2024</h1>");
    expect(stdout.match(/<li id="f-[0-9a-f]+"/g)).toHaveLength(10);
  });

  it("exits 0 with --fail-on never and honours --from, --to and --lang", () => {
    const { code, stdout } = runCli([
      "check",
      "examples/lang-son-2024.yaml",
      "--format",
      "html",
      "--fail-on",
      "never",
      "--from",
      "2024-02-01",
      "--to",
      "2024-02-29",
      "--lang",
      "en",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("Meetings and conflicts from 01/02/2024 to 29/02/2024");
    expect(stdout.match(/<section class="month"/g)).toHaveLength(1);
  });
});
