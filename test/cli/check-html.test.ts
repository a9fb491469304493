// `lichhop check --format html`: the calendar report from the command line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/cli";

vi.setConfig({ testTimeout: 60_000 });

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

describe("lichhop check --format html past MAX_CALENDAR_OCCURRENCES", () => {
  // 60 daily meetings over 2024: 21,960 occurrences, past the 20,000 the report draws.
  const dir = mkdtempSync(join(tmpdir(), "lichhop-html-"));
  const file = join(dir, "dong.yaml");
  const meetings = Array.from(
    { length: 60 },
    (_, k) =>
      `  - { id: m${k}, title: Giao ban ${k}, body: a, start: 2024-01-01T${String(7 + Math.floor(k / 6)).padStart(2, "0")}:${String((k % 6) * 10).padStart(2, "0")}, duration: PT5M, repeat: FREQ=DAILY }`,
  );
  writeFileSync(
    file,
    [
      "version: 1",
      "horizon: { from: 2024-01-01, to: 2024-12-31 }",
      "bodies: [{ id: a, name: Văn phòng }]",
      "meetings:",
      ...meetings,
      "",
    ].join("\n"),
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses with the count, the bound and a window that fits, and writes no page", () => {
    const { code, stdout, stderr } = runCli(["check", file, "--format", "html", "--fail-on", "never"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    // 20,000 / 60 a day: the 334th day (29/11/2024) holds the 20,001st, so the window ends the day before.
    expect(stderr).toContain(
      "Báo cáo lịch dạng HTML chỉ hiển thị tối đa 20.000 buổi họp, nhưng từ 01/01/2024 đến 31/12/2024 có 21.960 buổi họp; hãy thu hẹp khoảng thời gian bằng --from và --to, ví dụ từ 01/01/2024 đến 28/11/2024: --from 2024-01-01 --to 2024-11-28",
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("draws the window the refusal names", () => {
    const { code, stdout, stderr } = runCli([
      "check",
      file,
      "--format",
      "html",
      "--fail-on",
      "never",
      "--to",
      "2024-11-28",
      "--lang",
      "en",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("Meetings and conflicts from 01/01/2024 to 28/11/2024");
  });

  it("refuses in English with --lang en", () => {
    const { code, stderr } = runCli(["check", file, "--format", "html", "--lang", "en"]);
    expect(code).toBe(2);
    expect(stderr).toContain("the calendar report shows at most 20,000 occurrences, and 01/01/2024 to 31/12/2024 holds 21,960;");
  });
});

describe("lichhop check --format html --base", () => {
  // The example, with one occurrence moved, one postponed, one dropped and one added.
  const dir = mkdtempSync(join(tmpdir(), "lichhop-html-base-"));
  const base = "examples/lang-son-2024.yaml";
  const proposed = join(dir, "lich.yaml");
  const text = readFileSync(base, "utf8");
  const edited = text
    .replace(
      "      - { occurrence: 2024-05-02, cancelled: true }",
      "      - { occurrence: 2024-05-02, cancelled: true }\n      - { occurrence: 2024-06-06, start: 2024-06-07T08:00, end: 2024-06-07T11:30 }\n      - { occurrence: 2024-07-04, status: postponed }",
    )
    .replace("    except: [2024-02-01]", "    except: [2024-02-01, 2024-08-01]")
    .replace("    extra: [2024-02-15T08:00]", "    extra: [2024-02-15T08:00, 2024-09-20T08:00]");
  writeFileSync(proposed, edited);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const marked = (page: string) =>
    [
      ...page.matchAll(
        /<span class="sr">([^<]*), <\/span><span class="tm">[^<]*<\/span> <strong class="(?:mk|wd)">\[([^\]]*)\]<\/strong>/g,
      ),
    ].map((m) => `${m[1]} ${m[2]}`);

  it("marks what was added, moved or postponed since the base and lists what is gone", () => {
    expect(edited).not.toBe(text);
    const { code, stdout, stderr } = runCli(["check", proposed, "--base", base, "--format", "html", "--fail-on", "never"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect([...new Set(marked(stdout))].sort()).toEqual([
      "Thứ Năm 04/07/2024 HOÃN",
      "Thứ Sáu 07/06/2024 Thay đổi thời gian",
      "Thứ Sáu 20/09/2024 Bổ sung",
    ]);
    expect(stdout).toContain(
      '<h2 id="rh">Không còn trong lịch so với bản trước (1)</h2><ul><li>Không tổ chức: Thứ Năm 01/08/2024 08:00 Phiên họp thường kỳ Thường trực HĐND tỉnh</li></ul>',
    );
  });

  it("marks nothing without a base", () => {
    const { stdout } = runCli(["check", proposed, "--format", "html", "--fail-on", "never", "--lang", "en"]);
    expect([...new Set(marked(stdout))]).toEqual(["Thursday 04/07/2024 POSTPONED"]);
    expect(stdout).not.toContain('class="removed"');
  });
});
