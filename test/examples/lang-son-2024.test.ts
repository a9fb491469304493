import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { safeCheckSchedule } from "../../src/check";
import { parseSchedule } from "../../src/load/parse";
import { local } from "../helpers/checks";

const text = readFileSync(join(__dirname, "../../examples/lang-son-2024.yaml"), "utf8");
const schedule = parseSchedule(text, { filename: "examples/lang-son-2024.yaml" });
const result = safeCheckSchedule(schedule, { lang: "en" });
if (!result.ok) throw new Error("the example does not check");

describe("the Lạng Sơn 2024 example and the working calendar", () => {
  it("moves the reception days off days off, and holds February's on the 29th", () => {
    const moved = (meeting: string) =>
      result.occurrences
        .filter((o) => o.meeting === meeting && o.status === "moved")
        .map((o) => `${new Date(o.recurrenceId).toISOString().slice(0, 10)}→${local(o.start).slice(0, 10)}`);
    expect(moved("tiep-cong-dan-ubnd")).toEqual(["2024-06-15→2024-06-17", "2024-09-15→2024-09-16", "2024-12-15→2024-12-16"]);
    expect(moved("tiep-cong-dan-hdnd")).toEqual([
      "2024-03-30→2024-04-01",
      "2024-04-30→2024-05-02",
      "2024-06-30→2024-07-01",
      "2024-11-30→2024-12-02",
    ]);
    expect(moved("ubnd-thuong-ky")).toEqual(["2024-04-29→2024-04-26"]);
    expect(result.occurrences.filter((o) => o.meeting === "tiep-cong-dan-hdnd")).toHaveLength(12);
    expect(result.occurrences.some((o) => o.meeting === "tiep-cong-dan-hdnd" && local(o.start) === "2024-02-29T07:30")).toBe(true);
  });

  it("keeps a few real conflicts of the new kinds", () => {
    const summary = result.report.conflicts
      .filter((c) => ["day-off", "working-hours", "cadence", "lead-time"].includes(c.kind))
      .map((c) => `${c.kind} ${c.rule ?? ""} ${c.period?.from ?? c.occurrences[0]?.start.slice(0, 10)}`);
    expect(summary).toEqual(["day-off  2024-02-12", "cadence tt-hdnd-hop-moi-thang-mot-lan 2024-05-01", "working-hours  2024-09-05"]);
    const dayOff = result.report.conflicts.find((c) => c.kind === "day-off");
    expect(dayOff?.message).toContain("falls on a day off: Lunar New Year (day 3)");
  });

  it("reads true for 2024: no 24 November day off, voter contact before the 8th session", () => {
    // Ngày Văn hóa Việt Nam (24/11) was chosen in 2026 and is not a statutory day off yet.
    expect(schedule.calendar?.daysOff ?? []).toEqual([]);
    const voterContact = schedule.meetings.find((m) => m.id === "doan-dbqh-tiep-xuc-cu-tri");
    // The National Assembly's 8th session opened on 21 October 2024.
    expect(voterContact?.title).toBe("Đoàn ĐBQH tiếp xúc cử tri trước Kỳ họp thứ 8");
    expect(voterContact?.start.slice(0, 10)).toBe("2024-10-03");
  });

  it("has the calendar section, the half-day scope, cadence and lead-time rules", () => {
    expect(schedule.calendar?.holidays).toBe("vn");
    expect(schedule.rules.find((r) => r.id === "hdnd-khong-trung-ubnd")).toMatchObject({ scope: "half-day" });
    expect(schedule.rules.filter((r) => r.kind === "cadence").length).toBeGreaterThanOrEqual(3);
    expect(schedule.rules.find((r) => r.kind === "lead-time")).toMatchObject({
      target: { tags: ["ky-hop"] },
      before: { tags: ["tham-tra"] },
    });
  });
});
