// A postponed occurrence from the command line: listed with its mark, held by no check.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/cli";

vi.setConfig({ testTimeout: 60_000 });

describe("a change's status: postponed from the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-withdrawn-"));
  const file = join(dir, "lich.yaml");
  const schedule = (status: string) =>
    writeFileSync(
      file,
      `version: 1
horizon: { from: 2024-03-01, to: 2024-03-31 }
bodies: [{ id: a, name: Văn phòng }]
people: [{ id: hau, name: Đoàn Thị Hậu, bodies: [a] }]
meetings:
  - { id: giao-ban, title: Giao ban, body: a, chair: hau, start: 2024-03-04T08:00, end: 2024-03-04T09:00, repeat: FREQ=WEEKLY,
      changes: [{ occurrence: 2024-03-11T08:00${status} }] }
  - { id: tiep-dan, title: Tiếp công dân, body: a, start: 2024-03-11T08:30, end: 2024-03-11T10:00, attendees: [hau] }
`,
    );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("expand marks it, in Vietnamese and English", () => {
    schedule(", status: postponed");
    expect(runCli(["expand", file]).stdout).toContain("T2 11/03/2024 08:00–09:00  [HOÃN] Giao ban  [giao-ban]");
    expect(runCli(["expand", file, "--lang", "en"]).stdout).toContain("Mon 11/03/2024 08:00–09:00  [POSTPONED] Giao ban  [giao-ban]");
  });

  it("check finds the chair's clash while the occurrence is held, and none once it is postponed", () => {
    schedule(", note: Giữ lịch");
    const held = runCli(["check", file, "--format", "json"]);
    expect(held.code).toBe(1);
    expect(JSON.parse(held.stdout).conflicts.map((c: { kind: string }) => c.kind)).toEqual(["attendee"]);
    schedule(", status: postponed");
    const postponed = runCli(["check", file, "--format", "json"]);
    expect(postponed.code).toBe(0);
    expect(JSON.parse(postponed.stdout).conflicts).toEqual([]);
  });
});
