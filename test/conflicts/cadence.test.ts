import { describe, expect, it } from "vitest";
import { formatReportText } from "../../src/report/text";
import { check, ofKind } from "../helpers/checks";

const series = (repeat: string, start = "2024-01-04T08:00", extra = "") => `  - id: thuong-ky
    title: Họp thường kỳ
    body: tt-hdnd
    start: ${start}
    duration: PT2H
    repeat: ${repeat}
${extra}`;

const rule = (per: string, min?: number, max?: number, selector = "meetings: [thuong-ky]") =>
  `  - { id: nhip, title: Nhịp họp, kind: cadence, ${selector}, per: ${per}${min === undefined ? "" : `, min: ${min}`}${max === undefined ? "" : `, max: ${max}`} }\n`;

const run = (meetings: string, rules: string, horizon?: string) =>
  check(`checks: { dayOff: off, workingHours: off }\nmeetings:\n${meetings}rules:\n${rules}`, horizon ? { horizon } : {});

describe("cadence rules", () => {
  it.each([
    // repeat, per, min, max, horizon, expected periods broken
    ["FREQ=MONTHLY;BYDAY=1TH", "month", 1, 1, undefined, []],
    [
      "FREQ=MONTHLY;BYDAY=1TH;INTERVAL=2",
      "month",
      1,
      undefined,
      undefined,
      ["2024-02-01", "2024-04-01", "2024-06-01", "2024-08-01", "2024-10-01", "2024-12-01"],
    ],
    [
      "FREQ=MONTHLY;BYDAY=1TH,3TH",
      "month",
      undefined,
      1,
      "{ from: 2024-01-01, to: 2024-03-31 }",
      ["2024-01-01", "2024-02-01", "2024-03-01"],
    ],
    ["FREQ=MONTHLY;BYDAY=1TH", "quarter", 3, 3, undefined, []],
    ["FREQ=MONTHLY;BYDAY=1TH", "quarter", 4, undefined, "{ from: 2024-01-01, to: 2024-06-30 }", ["2024-01-01", "2024-04-01"]],
    ["FREQ=MONTHLY;BYDAY=1TH", "year", 12, 12, undefined, []],
    ["FREQ=MONTHLY;BYDAY=1TH", "year", undefined, 11, undefined, ["2024-01-01"]],
    ["FREQ=WEEKLY;BYDAY=TH", "week", 1, 1, "{ from: 2024-01-01, to: 2024-01-31 }", []],
    ["FREQ=WEEKLY;BYDAY=TH;INTERVAL=2", "week", 1, undefined, "{ from: 2024-01-01, to: 2024-01-31 }", ["2024-01-08", "2024-01-22"]],
  ] as const)("%s per %s min %s max %s in %s breaks %j", (repeat, per, min, max, horizon, broken) => {
    const conflicts = ofKind(run(series(repeat), rule(per, min, max), horizon), "cadence");
    expect(conflicts.map((c) => c.period?.from).sort()).toEqual([...broken]);
  });

  it("judges only periods wholly inside the horizon; weeks start on Monday", () => {
    // 2024-01-03 is a Wednesday: the week 1–7 January is not whole; 8–14 and 15–21 are; 22–28 too.
    const conflicts = ofKind(run(series("FREQ=WEEKLY;BYDAY=TH"), rule("week", 2), "{ from: 2024-01-03, to: 2024-01-28 }"), "cadence");
    expect(conflicts.map((c) => c.period)).toEqual([
      { from: "2024-01-08", to: "2024-01-14" },
      { from: "2024-01-15", to: "2024-01-21" },
      { from: "2024-01-22", to: "2024-01-28" },
    ]);
    expect(ofKind(run(series("FREQ=MONTHLY;BYDAY=1TH"), rule("month", 5), "{ from: 2024-01-02, to: 2024-02-28 }"), "cadence")).toEqual([]);
    expect(ofKind(run(series("FREQ=MONTHLY;BYDAY=1TH"), rule("year", 13), "{ from: 2024-01-01, to: 2024-12-30 }"), "cadence")).toEqual([]);
  });

  it("lists the occurrences counted and states the period, count and bounds", () => {
    const result = run(series("FREQ=MONTHLY;BYDAY=1TH,3TH"), rule("month", 1, 1), "{ from: 2024-03-01, to: 2024-03-31 }");
    const [conflict] = ofKind(result, "cadence");
    expect(conflict).toMatchObject({ rule: "nhip", severity: "error", overlap: null, period: { from: "2024-03-01", to: "2024-03-31" } });
    expect(conflict?.occurrences).toHaveLength(2);
    const report = result.report.conflicts[0];
    expect(report).toMatchObject({ kind: "cadence", rule: "nhip", overlap: null, period: { from: "2024-03-01", to: "2024-03-31" } });
    expect(report?.occurrences).toHaveLength(2);
    expect(report?.message).toBe('Vi phạm quy định "Nhịp họp": tháng 03/2024 có 2 buổi họp, cần đúng 1 buổi');
  });

  it("reports a period with nothing in it, with an empty occurrence list", () => {
    const result = run(series("FREQ=MONTHLY;BYDAY=1TH", "2024-01-04T08:00", "    except: [2024-05-02]\n"), rule("month", 1, 1));
    const conflicts = ofKind(result, "cadence");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.occurrences).toEqual([]);
    const text = formatReportText(
      check(`meetings:\n${series("FREQ=MONTHLY;BYDAY=1TH", "2024-01-04T08:00", "    except: [2024-05-02]\n")}rules:\n${rule("month", 1)}`, {
        lang: "en",
      }).report,
      "en",
    );
    expect(text).toContain("Wrong number of meetings (expected at least 1 per month): May 2024");
    expect(text).toContain("Rule: Nhịp họp");
  });

  it("counts an occurrence moved by its day-off policy in its own month", () => {
    // The 30th: 30/03/2024 is a Saturday (held 01/04), 30/04 a holiday (held 02/05).
    const meetings = `  - { id: thuong-ky, title: Tiếp dân, body: tt-hdnd, start: 2024-01-30T07:30, duration: PT4H, repeat: FREQ=MONTHLY;BYMONTHDAY=30, extra: [2024-02-29T07:30], onDayOff: next-working-day }\n`;
    const result = run(meetings, rule("month", 1, 1));
    expect(result.occurrences.filter((o) => o.status === "moved")).toHaveLength(4);
    expect(ofKind(result, "cadence")).toEqual([]);
    // Without the explicit February date, February is empty.
    const noFebruary = run(meetings.replace(", extra: [2024-02-29T07:30]", ""), rule("month", 1, 1));
    expect(ofKind(noFebruary, "cadence").map((c) => c.period?.from)).toEqual(["2024-02-01"]);
  });

  it("selects by body, group and tag, and takes the rule's severity", () => {
    const meetings = `${series("FREQ=MONTHLY;BYDAY=1TH")}  - { id: ubnd-hop, title: UBND họp, body: ubnd, start: 2024-01-10T14:00, duration: PT2H, repeat: FREQ=MONTHLY;BYMONTHDAY=10, tags: [thuong-ky] }\n`;
    const count = (selector: string, max: number) =>
      ofKind(run(meetings, rule("month", undefined, max, selector)), "cadence").map((c) => c.occurrences.map((o) => o.meeting).join(","));
    expect(count("groups: [hdnd]", 0)).toEqual(Array(12).fill("thuong-ky"));
    expect(count("tags: [thuong-ky]", 0)).toEqual(Array(12).fill("ubnd-hop"));
    expect(count("bodies: [tt-hdnd], tags: [thuong-ky]", 1)).toEqual(Array(12).fill("thuong-ky,ubnd-hop"));
    expect(count("meetings: [ubnd-hop]", 1)).toEqual([]);
    const warning = ofKind(
      run(
        meetings,
        `  - { id: nhip, title: Nhịp, kind: cadence, bodies: [ubnd], per: month, max: 0, severity: warning }\n`,
        "{ from: 2024-01-01, to: 2024-01-31 }",
      ),
      "cadence",
    );
    expect(warning).toHaveLength(1);
    expect(warning[0]?.severity).toBe("warning");
  });

  it("fingerprints the rule and the period, whatever was counted", () => {
    const few = ofKind(run(series("FREQ=MONTHLY;BYDAY=1TH"), rule("month", 2), "{ from: 2024-03-01, to: 2024-03-31 }"), "cadence")[0];
    const none = ofKind(
      run(
        series("FREQ=MONTHLY;BYDAY=1TH", "2024-01-04T08:00", "    except: [2024-03-07]\n"),
        rule("month", 2),
        "{ from: 2024-03-01, to: 2024-03-31 }",
      ),
      "cadence",
    )[0];
    const april = ofKind(run(series("FREQ=MONTHLY;BYDAY=1TH"), rule("month", 2), "{ from: 2024-04-01, to: 2024-04-30 }"), "cadence")[0];
    expect(few?.id).toBe(none?.id);
    expect(few?.id).not.toBe(april?.id);
  });
});
