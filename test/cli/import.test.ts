// `lichhop import` and the schedule's `sources:` in check, expand and ics, run through the built CLI.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { expandSchedule, parseSchedule } from "../../src";
import { jsonErrors, runCli } from "../helpers/cli";
import { ics, sourceYaml, vevent } from "../helpers/sources";

vi.setConfig({ testTimeout: 60_000 });

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-import-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const UBND = ics([
  ...vevent(
    "UID:giao-ban@ubnd.langson.gov.vn",
    "SUMMARY:Giao ban UBND tỉnh",
    "DTSTART;TZID=SE Asia Standard Time:20240304T080000",
    "DTEND;TZID=SE Asia Standard Time:20240304T100000",
    "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20240331T170000Z",
    "EXDATE;TZID=SE Asia Standard Time:20240318T080000",
    "ORGANIZER:mailto:chutich@langson.gov.vn",
  ),
  ...vevent(
    "UID:giao-ban@ubnd.langson.gov.vn",
    "SUMMARY:Giao ban UBND tỉnh (dời)",
    "RECURRENCE-ID;TZID=SE Asia Standard Time:20240311T080000",
    "DTSTART;TZID=SE Asia Standard Time:20240312T140000",
    "DTEND;TZID=SE Asia Standard Time:20240312T160000",
  ),
  ...vevent(
    "UID:tiep-dan@ubnd",
    "SUMMARY:Tiếp công dân",
    "DTSTART:20240305T020000Z",
    "DURATION:PT2H",
    "ORGANIZER:mailto:chutich@langson.gov.vn",
  ),
  ...vevent("UID:viec@ubnd", "SUMMARY:Hạn", "RECURRENCE-ID:20240101T000000Z", "DTSTART:20240306T020000Z", "DURATION:PT1H"),
  ...vevent(
    "UID:giao-ban@ubnd.langson.gov.vn",
    "SUMMARY:Giao ban UBND tỉnh",
    "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=SE Asia Standard Time:20240325T080000",
    "DTSTART;TZID=SE Asia Standard Time:20240325T073000",
    "DTEND;TZID=SE Asia Standard Time:20240325T093000",
  ),
]);
/** The line of the THISANDFUTURE override's RECURRENCE-ID. */
const RANGE_LINE = UBND.split("\r\n").findIndex((line) => line.startsWith("RECURRENCE-ID;RANGE")) + 1;

/** A folder with lich.yaml (its sources: ./ubnd.ics) and ubnd.ics. */
function folder(text = UBND, source = "{ ics: ./ubnd.ics, body: ubnd }", extra = "") {
  const dir = fresh();
  writeFileSync(join(dir, "lich.yaml"), sourceYaml(source, extra));
  writeFileSync(join(dir, "ubnd.ics"), text);
  return dir;
}

describe("lichhop check with sources", () => {
  it("checks the .ics events with the file's meetings, cites them at their .ics line, and prints the warnings on stderr", () => {
    const dir = folder(
      UBND,
      "{ ics: ./ubnd.ics, body: ubnd }",
      "meetings:\n  - { id: hop-so, title: Họp Sở, body: ubnd, start: 2024-03-05T09:00, end: 2024-03-05T10:00, attendees: [chu-tich] }\n",
    );
    const res = runCli(["check", join(dir, "lich.yaml"), "--lang", "en", "--format", "json", "--fail-on", "never"]);
    expect(res.code, res.stderr).toBe(0);
    const report = JSON.parse(res.stdout);
    const attendee = report.findings.find((f: { kind: string }) => f.kind === "attendee");
    expect(attendee.meetings).toEqual(["hop-so", "tiep-dan"]);
    expect(report.warnings).toEqual([expect.objectContaining({ code: "ics-unsupported", file: join(dir, "ubnd.ics"), line: RANGE_LINE })]);
    const text = runCli(["check", join(dir, "lich.yaml"), "--lang", "en", "--fail-on", "never"]);
    expect(text.stderr).toContain(`${join(dir, "ubnd.ics")}:${RANGE_LINE}:1: RANGE=THISANDFUTURE`);
    expect(text.stdout).toContain("ubnd.ics:");
  });

  it("a source that is missing is an error at the schedule's ics: field, exit 2, no stack trace", () => {
    const dir = folder(UBND, "{ ics: ./khong-co.ics, body: ubnd }");
    const res = runCli(["check", join(dir, "lich.yaml"), "--format", "json"]);
    expect(res.code).toBe(2);
    expect(jsonErrors(res.stdout)).toEqual([
      expect.objectContaining({
        code: "unreadable-source",
        file: join(dir, "lich.yaml"),
        line: 9,
        column: 13,
        message: expect.stringContaining("khong-co.ics: tệp không tồn tại"),
      }),
    ]);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ["truncated", UBND.slice(0, UBND.indexOf("END:VEVENT")), "ics-syntax"],
    ["binary", Buffer.from(Uint8Array.from({ length: 2000 }, (_, i) => (i * 31) % 256)), "ics-syntax"],
  ])("a %s source is a positioned error in the .ics, exit 2", (_, text, code) => {
    const dir = folder(text as string);
    const res = runCli(["check", join(dir, "lich.yaml"), "--format", "json"]);
    expect(res.code).toBe(2);
    expect(jsonErrors(res.stdout)).toEqual([
      expect.objectContaining({ code, file: join(dir, "ubnd.ics"), line: expect.any(Number), column: 1 }),
    ]);
  });

  it("reads a source outside the schedule's folder, through .. or a symbolic link, showing the path as written", () => {
    const root = fresh();
    mkdirSync(join(root, "lich"));
    mkdirSync(join(root, "lich-chung"));
    writeFileSync(join(root, "lich-chung", "ubnd.ics"), UBND);
    symlinkSync(join(root, "lich-chung", "ubnd.ics"), join(root, "lich", "lien-ket.ics"));
    for (const written of ["../lich-chung/ubnd.ics", "./lien-ket.ics"]) {
      writeFileSync(join(root, "lich", "lich.yaml"), sourceYaml(`{ ics: ${written}, body: ubnd }`));
      const res = runCli(["check", join(root, "lich", "lich.yaml"), "--lang", "en", "--format", "json", "--fail-on", "never"]);
      expect(res.code, res.stderr).toBe(0);
      const shown = join(root, "lich", written);
      expect(JSON.parse(res.stdout).warnings[0].file).toBe(shown.replace(/\/\.\//, "/"));
    }
  });

  it("expand lists the occurrences of the source, moved and excepted as the .ics says", () => {
    const dir = folder();
    const res = runCli(["expand", join(dir, "lich.yaml"), "--format", "json", "--from", "2024-03-01", "--to", "2024-03-31"]);
    expect(res.code, res.stderr).toBe(0);
    const starts = JSON.parse(res.stdout).occurrences.map((o: { start: string }) => o.start);
    expect(starts).toEqual([
      "2024-03-04T08:00:00+07:00",
      "2024-03-05T09:00:00+07:00",
      "2024-03-06T09:00:00+07:00",
      "2024-03-12T14:00:00+07:00",
      "2024-03-25T07:30:00+07:00",
    ]);
  });
});

describe("lichhop import", () => {
  it("prints the events as format-v1 YAML with the warnings as comments; checked, it gives the .ics source's occurrences", () => {
    const dir = folder();
    const res = runCli(["import", join(dir, "ubnd.ics"), "--body", "ubnd", "--timezone", "Asia/Ho_Chi_Minh", "--lang", "en"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^# Imported from .*ubnd\.ics: 3 meetings/);
    expect(res.stdout).toContain(`:${RANGE_LINE}:1: RANGE=THISANDFUTURE`);
    const yaml = `${res.stdout}horizon: { from: 2024-01-01, to: 2024-12-31 }\nbodies: [{ id: ubnd, name: UBND tỉnh }]\n`;
    const fromImport = parseSchedule(yaml, { filename: "imported.yaml" });
    const fromSource = parseSchedule(readFileSync(join(dir, "lich.yaml"), "utf8"), {
      filename: join(dir, "lich.yaml"),
      sources: { "./ubnd.ics": UBND },
    });
    const keys = (s: typeof fromImport) => expandSchedule(s).map((o) => `${o.meeting} ${o.start} ${o.end} ${o.title}`);
    expect(keys(fromImport)).toEqual(keys(fromSource));
    expect(keys(fromImport)).toHaveLength(5);
  });

  it("without --body says to add one", () => {
    const dir = folder();
    const res = runCli(["import", join(dir, "ubnd.ics")]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("# Chưa có body");
  });

  it.each([
    ["a missing file", (dir: string) => join(dir, "khong-co.ics"), "bad-argument"],
    ["a truncated file", (dir: string) => (writeFileSync(join(dir, "cut.ics"), UBND.slice(0, 200)), join(dir, "cut.ics")), "ics-syntax"],
    [
      "a binary file",
      (dir: string) => (
        writeFileSync(
          join(dir, "bin.ics"),
          Uint8Array.from({ length: 500 }, (_, i) => i % 256),
        ),
        join(dir, "bin.ics")
      ),
      "ics-syntax",
    ],
  ])("refuses %s with exit 2 and a positioned error", (_, make, code) => {
    const path = make(fresh());
    // import takes no --format: its errors are the text lines, `file[:line:column]: message [code]`.
    const res = runCli(["import", path]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr.startsWith(`${path}`)).toBe(true);
    expect(res.stderr).toContain(`[${code}]\n`);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses an unknown --timezone", () => {
    const dir = folder();
    const res = runCli(["import", join(dir, "ubnd.ics"), "--timezone", "Asia/Hanoi", "--lang", "en"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('unknown time zone "Asia/Hanoi"');
  });
});
