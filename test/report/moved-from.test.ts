import { describe, expect, it } from "vitest";
import { checkSchedule } from "../../src/check";
import { expandSchedule } from "../../src/expand";
import { describeTime } from "../../src/report/report";
import { zoneClocks } from "../../src/time/zone";
import { safeParseSchedule } from "../../src/load/parse";
import { buildSchedule, scheduleText } from "../helpers/schedule";

const schedule = (lang: "vi" | "en") =>
  buildSchedule({
    locale: lang,
    horizon: "{ from: 2024-02-01, to: 2024-03-31 }",
    bodies: "  - { id: hdnd, name: HĐND tỉnh }",
    rest: [
      "meetings:",
      "  - { id: a, title: Họp thường kỳ, body: hdnd, start: 2024-01-10T08:00, duration: PT2H, repeat: FREQ=MONTHLY;BYMONTHDAY=10, onDayOff: next-working-day,",
      '      changes: [{ occurrence: 2024-03-10, start: "2024-03-11T14:00" }] }',
      "  - { id: b, title: Họp khác, body: hdnd, start: 2024-02-15T09:00, duration: PT1H }",
      "rules:",
      "  - { id: r, title: Không trùng, kind: no-overlap, between: [{ bodies: [hdnd] }, { bodies: [hdnd] }] }",
    ].join("\n"),
  });

describe("a moved occurrence", () => {
  it("is named by its original date in changes and except: the day a move lands on is an error naming it", () => {
    const text = (field: string) =>
      safeParseSchedule(
        scheduleText({
          horizon: "{ from: 2024-02-01, to: 2024-03-31 }",
          bodies: "  - { id: hdnd, name: HĐND tỉnh }",
          rest: `meetings:\n  - { id: a, title: Họp, body: hdnd, start: 2024-01-10T08:00, duration: PT2H, repeat: FREQ=MONTHLY;BYMONTHDAY=10, onDayOff: next-working-day,\n      ${field} }\n`,
        }),
        { filename: "lich.yaml" },
      );
    const changed = text('changes: [{ occurrence: 2024-03-11, start: "2024-03-11T14:00" }]');
    expect(changed.ok).toBe(false);
    if (!changed.ok) {
      expect(changed.issues.map((i) => [i.code, i.line, i.message])).toEqual([
        [
          "no-such-occurrence",
          8,
          "Cuộc họp không có buổi nào vào 11/03/2024: buổi họp ngày 10/03/2024 được dời sang ngày này vì trùng ngày nghỉ (onDayOff); hãy ghi ngày gốc 2024-03-10",
        ],
      ]);
    }
    const excepted = text("except: [2024-02-15]");
    expect(excepted.ok).toBe(false);
    if (!excepted.ok) expect(excepted.issues[0]?.message).toContain("buổi họp ngày 10/02/2024 được dời sang ngày này");
    // The original dates themselves are fine.
    expect(text("except: [2024-02-10]").ok).toBe(true);
    expect(text('changes: [{ occurrence: 2024-03-10, start: "2024-03-11T14:00" }]').ok).toBe(true);
  });

  it("says where it came from: the original day, or the original time within its day", () => {
    const clockFor = zoneClocks();
    const texts = expandSchedule(schedule("vi")).map((o) => describeTime(o, clockFor(o.zone), "vi"));
    // 10/02/2024 is in Tết: moved to the next working day; 10/03 is a Sunday: moved to Monday 11/03, then retimed.
    expect(texts).toEqual([
      "T5 15/02/2024 08:00–10:00, dời từ 10/02",
      "T5 15/02/2024 09:00–10:00",
      "T2 11/03/2024 14:00–16:00, dời từ 10/03",
    ]);
  });

  it("is named so in conflict messages, in both languages", () => {
    expect(checkSchedule(schedule("vi")).conflicts[0]?.message).toContain('"Họp thường kỳ" (T5 15/02/2024 08:00–10:00, dời từ 10/02)');
    expect(checkSchedule(schedule("en")).conflicts[0]?.message).toContain('"Họp thường kỳ" (Thu 15/02/2024 08:00–10:00, moved from 10/02)');
  });
});
