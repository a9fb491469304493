import { describe, expect, it } from "vitest";
import { formatReportText } from "../../src/report/text";
import { check, local, messageOf, ofKind } from "../helpers/checks";

const oneOff = (start: string, end: string, extra = "") => `meetings:
  - { id: hop, title: Họp thử, body: ubnd, start: ${start}, end: ${end}${extra} }
`;

describe("the day-off check", () => {
  it.each([
    ["2024-02-12T08:00", "2024-02-12T10:00", "Tết Nguyên đán (mùng 3)", "decision"],
    ["2024-04-18T08:00", "2024-04-18T10:00", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "holiday"],
    ["2024-04-29T08:00", "2024-04-29T10:00", "Nghỉ lễ 30/4 – 1/5", "decision"],
    ["2024-06-15T08:00", "2024-06-15T10:00", "Ngày nghỉ hằng tuần", "weekend"],
    ["2026-04-27T08:00", "2026-04-27T10:00", "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)", "substitute"],
    ["2024-09-02", "2024-09-02", "Quốc khánh (2/9)", "decision"],
  ])("%s is on a day off: %s", (start, end, name, kind) => {
    const conflicts = ofKind(check(oneOff(start, end), { horizon: "{ from: 2024-01-01, to: 2026-12-31 }" }), "day-off");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ rule: null, severity: "warning", overlap: null, subjects: [] });
    expect(conflicts[0]?.occurrences).toHaveLength(1);
    expect(conflicts[0]?.dayOff).toMatchObject({ name: { vi: name }, kind });
  });

  it.each([
    ["2024-05-04T08:00", "2024-05-04T10:00", "the make-up Saturday"],
    ["2024-02-15T08:00", "2024-02-15T10:00", "the first working day after Tết"],
  ])("%s is a working day (%s)", (start, end) => {
    expect(ofKind(check(oneOff(start, end)), "day-off")).toHaveLength(0);
  });

  it("reports a custom day off, and nothing with holidays: none on a weekday", () => {
    expect(
      ofKind(check(`calendar: { daysOff: [2024-03-05] }\n${oneOff("2024-03-05T08:00", "2024-03-05T09:00")}`), "day-off")[0]?.dayOff,
    ).toMatchObject({
      kind: "custom",
    });
    expect(ofKind(check(`calendar: { holidays: none }\n${oneOff("2024-04-18T08:00", "2024-04-18T09:00")}`), "day-off")).toHaveLength(0);
  });

  it("reports a multi-day session touching a day off once, naming the first day off", () => {
    const result = check(oneOff("2024-04-17", "2024-04-19"));
    const conflicts = ofKind(result, "day-off");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.date).toBe("2024-04-18");
    expect(messageOf(result, conflicts[0])).toMatch(/\(18\/04\/2024\)$/);
  });

  it("reports an occurrence moved to a holiday once", () => {
    const result = check(`meetings:
  - id: thuong-ky
    title: Họp thường kỳ
    body: ubnd
    start: 2024-04-04T08:00
    end: 2024-04-04T10:00
    repeat: FREQ=MONTHLY;BYDAY=1TH;COUNT=3
    changes:
      - { occurrence: 2024-05-02, start: 2024-04-30T08:00, end: 2024-04-30T10:00 }
`);
    const conflicts = ofKind(result, "day-off");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.occurrences[0]?.status).toBe("moved");
    expect(conflicts[0]?.dayOff.name.vi).toBe("Ngày Chiến thắng (30/4)");
  });

  it("does not report an occurrence that its policy moved off the day off", () => {
    expect(ofKind(check(oneOff("2024-02-12T08:00", "2024-02-12T10:00", ", onDayOff: next-working-day")), "day-off")).toHaveLength(0);
  });

  it("follows checks.dayOff: error, off and false", () => {
    const body = oneOff("2024-02-12T08:00", "2024-02-12T10:00");
    expect(ofKind(check(`checks: { dayOff: error }\n${body}`), "day-off")[0]?.severity).toBe("error");
    expect(ofKind(check(`checks: { dayOff: off }\n${body}`), "day-off")).toHaveLength(0);
    expect(ofKind(check(`checks: { dayOff: false }\n${body}`), "day-off")).toHaveLength(0);
  });

  it("shows the holiday's name in the text report, in Vietnamese and English", () => {
    const body = oneOff("2024-04-18T08:00", "2024-04-18T10:00");
    const vi = formatReportText(check(body).report, "vi");
    // The finding names the day when it has one, and --detail lists the conflict with it.
    expect(vi).toContain("trùng ngày nghỉ (Giỗ Tổ Hùng Vương (10/3 âm lịch)): 1 buổi — 18/04/2024");
    expect(vi).toContain("[CẢNH BÁO]");
    const detail = formatReportText(check(body).report, "vi", { detail: true });
    expect(detail).toContain('"Họp thử" (T5 18/04/2024 08:00–10:00) trùng ngày nghỉ: Giỗ Tổ Hùng Vương (10/3 âm lịch) (18/04/2024)');
    const en = formatReportText(check(body, { lang: "en" }).report, "en");
    expect(en).toContain("falls on a day off (Hùng Kings' Commemoration (10th day of the 3rd lunar month)): 1 occurrence — 18/04/2024");
  });

  it("gives a stable fingerprint per occurrence", () => {
    const a = ofKind(check(oneOff("2024-02-12T08:00", "2024-02-12T10:00")), "day-off")[0];
    const b = ofKind(check(oneOff("2024-02-12T08:00", "2024-02-12T10:00")), "day-off")[0];
    expect(a?.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a?.id).toBe(b?.id);
  });
});

describe("the working-hours check", () => {
  it.each([
    ["07:00", "07:45", true, "starts before 07:30"],
    ["07:30", "11:30", false, "the whole morning"],
    ["10:00", "15:00", false, "across lunch is fine"],
    ["16:00", "17:00", false, "ends exactly at 17:00"],
    ["16:00", "17:30", true, "ends after 17:00"],
    ["06:00", "18:00", true, "both"],
    ["12:00", "13:00", false, "inside lunch: between the first and the last period"],
  ])("%s–%s outside: %s (%s)", (from, to, outside) => {
    const result = check(oneOff(`2024-03-05T${from}`, `2024-03-05T${to}`));
    const conflicts = ofKind(result, "working-hours");
    expect(conflicts).toHaveLength(outside ? 1 : 0);
    if (outside) {
      expect(conflicts[0]).toMatchObject({ rule: null, severity: "warning", overlap: null, hours: [7 * 60 + 30, 17 * 60] });
      expect(messageOf(result, conflicts[0])).toMatch(/\(07:30–11:30, 13:30–17:00\)$/);
    }
  });

  it("reports a timed meeting ending on the next day", () => {
    expect(ofKind(check(oneOff("2024-03-05T14:00", "2024-03-06T09:00")), "working-hours")).toHaveLength(1);
  });

  it("exempts all-day items and days off (the day-off check covers those)", () => {
    expect(ofKind(check(oneOff("2024-03-05", "2024-03-06")), "working-hours")).toHaveLength(0);
    const weekend = check(oneOff("2024-03-09T06:00", "2024-03-09T20:00"));
    expect(ofKind(weekend, "working-hours")).toHaveLength(0);
    expect(ofKind(weekend, "day-off")).toHaveLength(1);
  });

  it("uses the file's working hours, and a make-up Saturday has the usual periods", () => {
    const hours = `calendar: { workingHours: { days: [MO, TU, WE, TH, FR], periods: ["07:00-11:30", "13:00-16:30"] } }\n`;
    expect(ofKind(check(hours + oneOff("2024-03-05T07:00", "2024-03-05T08:00")), "working-hours")).toHaveLength(0);
    const late = check(hours + oneOff("2024-03-05T16:00", "2024-03-05T17:00"));
    expect(ofKind(late, "working-hours")[0]?.hours).toEqual([7 * 60, 16 * 60 + 30]);
    expect(messageOf(late, ofKind(late, "working-hours")[0])).toMatch(/\(07:00–11:30, 13:00–16:30\)$/);
    expect(ofKind(check(oneOff("2024-05-04T06:30", "2024-05-04T08:00")), "working-hours")).toHaveLength(1);
  });

  it("is judged in the meeting's own zone", () => {
    // 09:00 in Tokyo is 07:00 in Hà Nội, but the meeting's own clock says 09:00.
    const result = check(oneOff("2024-03-05T09:00", "2024-03-05T10:00", ", timezone: Asia/Tokyo"));
    expect(local(result.occurrences[0]?.start as number)).toBe("2024-03-05T07:00");
    expect(ofKind(result, "working-hours")).toHaveLength(0);
  });

  it("follows checks.workingHours and writes its message", () => {
    const body = oneOff("2024-03-05T07:00", "2024-03-05T07:45");
    expect(ofKind(check(`checks: { workingHours: off }\n${body}`), "working-hours")).toHaveLength(0);
    const en = check(`checks: { workingHours: error }\n${body}`, { lang: "en" });
    expect(en.report.conflicts[0]).toMatchObject({ kind: "working-hours", severity: "error", rule: null, overlap: null });
    expect(en.report.conflicts[0]?.message).toBe(
      '"Họp thử" (Tue 05/03/2024 07:00–07:45) is outside working hours (07:30–11:30, 13:30–17:00)',
    );
    expect(en.report.conflicts[0]?.occurrences).toHaveLength(1);
  });
});

describe("the working-hours check with seasons", () => {
  const hours = (seasons: string, periods = '["07:30-11:30", "13:30-17:00"]') =>
    `calendar:\n  workingHours:\n    days: [MO, TU, WE, TH, FR]\n    periods: ${periods}\n    seasons:\n${seasons}`;
  const calendars: Record<string, string> = {};
  calendars.summer = hours('      - { name: Giờ mùa hè, from: "04-15", to: "10-14", periods: ["07:00-11:30", "13:30-17:00"] }\n');
  calendars["winter across the year end"] = hours(
    '      - { name: Giờ mùa đông, from: "10-15", to: "04-14", periods: ["07:30-11:30", "13:30-17:00"] }\n',
    '["07:00-11:30", "13:30-17:00"]',
  );

  it.each([
    ["summer", "2024-04-12", true, "the Friday before the season"],
    ["summer", "2024-04-15", false, "the first summer day"],
    ["summer", "2024-07-02", false, "a July meeting, judged by summer hours"],
    ["summer", "2024-10-14", false, "the last summer day"],
    ["summer", "2024-10-15", true, "the first winter day"],
    ["winter across the year end", "2024-10-14", false, "the last summer day"],
    ["winter across the year end", "2024-10-15", true, "the first winter day"],
    ["winter across the year end", "2025-01-02", true, "January, in the season after the year end"],
    ["winter across the year end", "2025-04-14", true, "the season's last day"],
    ["winter across the year end", "2025-04-15", false, "the first summer day of the next year"],
  ])("with a %s season, a meeting at 07:00 on %s is outside working hours: %s (%s)", (season, date, outside) => {
    const result = check(calendars[season] + oneOff(`${date}T07:00`, `${date}T08:00`), { horizon: "{ from: 2024-01-01, to: 2025-12-31 }" });
    const conflicts = ofKind(result, "working-hours");
    expect(conflicts).toHaveLength(outside ? 1 : 0);
    if (outside) {
      expect(conflicts[0]?.hours).toEqual([7 * 60 + 30, 17 * 60]);
      expect(messageOf(result, conflicts[0])).toMatch(/\(07:30–11:30, 13:30–17:00\)$/);
    }
  });

  it("reports the day's own hours: a late meeting in summer names the summer end", () => {
    const late = hours('      - { from: "04-15", to: "10-14", periods: ["07:00-11:30", "13:30-16:30"] }\n');
    const result = check(late + oneOff("2024-07-02T16:00", "2024-07-02T17:00"));
    expect(ofKind(result, "working-hours")[0]?.hours).toEqual([7 * 60, 16 * 60 + 30]);
    expect(messageOf(result, ofKind(result, "working-hours")[0])).toMatch(/\(07:00–11:30, 13:30–16:30\)$/);
    expect(ofKind(check(late + oneOff("2024-12-03T16:00", "2024-12-03T17:00")), "working-hours")).toHaveLength(0);
  });
});
