// The weekly work schedule's view and its renderings: structure, marks, escaping, determinism.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSchedule } from "../../src/check";
import { expandSchedule } from "../../src/expand";
import { parseSchedule } from "../../src/load/parse";
import { workCalendar } from "../../src/calendar/work-calendar";
import { formatWeek, isoWeekMonday, mondayOf, occurrenceKey, weekView, type WeekView } from "../../src/report/week";
import { zoneClocks } from "../../src/time/zone";

const FILE = join(__dirname, "../fixtures/week/ubnd-tuan-12.yaml");
const schedule = parseSchedule(readFileSync(FILE, "utf8"), { filename: "ubnd-tuan-12.yaml" });
const occurrences = expandSchedule(schedule, { from: "2025-03-17", to: "2025-03-23" });
const clockFor = zoneClocks();

function view(extra: Partial<Parameters<typeof weekView>[2]> = {}): WeekView {
  return weekView(schedule, occurrences, { lang: "vi", monday: "2025-03-17", clockFor, calendar: workCalendar(), ...extra });
}

describe("ISO weeks", () => {
  it.each([
    [2025, 12, "2025-03-17"],
    [2024, 7, "2024-02-12"],
    [2026, 1, "2025-12-29"],
    [2020, 53, "2020-12-28"],
  ])("week %i-W%i starts on Monday %s", (year, week, monday) => {
    expect(isoWeekMonday(year, week)).toBe(monday);
    expect(mondayOf(monday)).toBe(monday);
  });

  it("the Monday of a Sunday is the Monday before it", () => {
    expect(mondayOf("2025-03-23")).toBe("2025-03-17");
  });
});

describe("the week's view", () => {
  it("has seven days, Monday first, each entry sorted by start with its half-day", () => {
    const v = view();
    expect(v.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    const tuesday = v.days[1]?.entries ?? [];
    expect(tuesday.map((e) => [e.meeting, e.period, e.startMinutes, e.endMinutes])).toEqual([
      ["dau-tu-cong", "afternoon", 840, 990],
      ["tiep-dan", "afternoon", 870, 1020],
    ]);
  });

  it("names the chair first by the person's short title, the other attendees after in the file's order", () => {
    const entry = view().days[0]?.entries[0];
    expect(entry?.chair).toBe("CT Đỗ Minh Tuấn");
    expect(entry?.attendees).toEqual(["PCTTT Nguyễn Văn Thi", "PCT Lê Đức Giang"]);
    expect(entry?.place).toBe("Phòng họp A, Trụ sở UBND tỉnh");
    expect(entry?.followedBy).toBe("CVP Trần Hữu Nghĩa");
  });

  it("keeps a cancelled occurrence, marked, and puts an all-day meeting of two days on both days", () => {
    const v = view();
    for (const day of [v.days[3], v.days[4]]) {
      expect(day?.entries.map((e) => [e.meeting, e.status, e.period])).toEqual([["hop-tinh-uy", "cancelled", "all-day"]]);
    }
  });

  it("shades weekends and names them", () => {
    expect(view().days[5]?.dayOff).toBe("Ngày nghỉ hằng tuần");
    expect(view({ lang: "en" }).days[6]?.dayOff).toBe("Weekly rest day");
  });

  it("filters by people (chair or attendee) and by bodies", () => {
    const byPerson = view({ people: ["pct"] }).days.flatMap((d) => d.entries.map((e) => e.meeting));
    expect(byPerson).toEqual(["giao-ban", "dau-tu-cong", "tiep-dan"]);
    const byBody = view({ bodies: ["so-khdt"] }).days.flatMap((d) => d.entries.map((e) => e.meeting));
    expect(byBody).toEqual(["dau-tu-cong"]);
  });

  it("carries each occurrence's clashes and marks by meeting and original start", () => {
    const v = view({
      clashes: new Map([[occurrenceKey("tiep-dan", "2025-03-18T14:30"), ["Lãnh đạo UBND không dự hai cuộc họp cùng lúc"]]]),
      marks: new Map([[occurrenceKey("giao-ban", "2025-03-17T08:30"), "moved" as const]]),
      removed: [{ date: "2025-03-19", startMinutes: 480, title: "Họp cũ" }],
      revision: 2,
    });
    expect(v.days[1]?.entries[1]?.clashes).toEqual(["Lãnh đạo UBND không dự hai cuộc họp cùng lúc"]);
    expect(v.days[0]?.entries[0]?.mark).toBe("moved");
    const text = formatWeek(v, "text");
    expect(text).toContain("(Điều chỉnh lần 2)");
    expect(text).toContain("[Thay đổi thời gian] Giao ban");
    expect(text).toContain("Không tổ chức: 19/03/2025 08:00 Họp cũ");
  });
});

describe("the week's HTML", () => {
  const grid = formatWeek(view(), "html", { layout: "grid" });
  const table = formatWeek(view(), "html", { layout: "table" });
  const list = formatWeek(view(), "html", { layout: "list" });

  it("the grid is a table of days by Sáng and Chiều with a caption and header scopes, A4 landscape", () => {
    expect(grid).toContain('<caption class="vh">LỊCH CÔNG TÁC TUẦN 12 (Từ ngày 17/03/2025 đến ngày 23/03/2025)</caption>');
    expect(grid.match(/<th scope="rowgroup" rowspan="2">/g)).toHaveLength(7);
    expect(grid.match(/<th scope="row">Sáng<\/th>/g)).toHaveLength(7);
    expect(grid.match(/<th scope="row">Chiều<\/th>/g)).toHaveLength(7);
    expect(grid).toContain("@page{size:A4 landscape");
    expect(grid).toContain("(8h30) Giao ban lãnh đạo UBND tỉnh");
    expect(grid).not.toContain('role="grid"');
  });

  it("the table has the eight columns of the district layout, A4 portrait", () => {
    const heads = [...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads).toEqual([
      "Ngày",
      "Thời gian",
      "Nội dung",
      "Lãnh đạo chủ trì/tham dự",
      "Địa điểm",
      "Thành phần",
      "Lãnh đạo VP theo dõi",
      "Ghi chú",
    ]);
    expect(table).toContain("@page{size:A4 portrait");
    expect(table).toContain('<strong class="mark">[HỦY]</strong>');
  });

  it("the list writes prose per day: the hour, who chairs, the place, who prepares", () => {
    expect(list).toContain("14 giờ, PCTTT Nguyễn Văn Thi chủ trì Họp về giải ngân vốn đầu tư công");
    expect(list).toContain("Địa điểm tại Phòng họp A, Trụ sở UBND tỉnh");
    expect(list).toContain("Sở KH&amp;ĐT chuẩn bị nội dung và giấy mời");
  });

  it.each([
    ["grid", grid],
    ["table", table],
    ["list", list],
  ])("%s escapes every text from the file", (_layout, page) => {
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("&lt;img src=x onerror=alert(2)&gt;");
  });

  it("is the same bytes for the same input", () => {
    expect(formatWeek(view(), "html", { layout: "grid" })).toBe(grid);
  });
});

describe("the week's Markdown and CSV", () => {
  it("Markdown escapes pipes and markup inside cells", () => {
    const md = formatWeek(view(), "md", { layout: "table" });
    expect(md).toContain("\\| \\*không\\* in");
    expect(md).toContain("\\<script\\>");
  });

  it("CSV quotes fields, starts with a byte order mark and defuses formulas", () => {
    const csv = formatWeek(view(), "csv");
    expect(csv.startsWith("\uFEFFNgày,Thời gian,Nội dung,")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")`);
    expect(csv.split("\r\n")).toHaveLength(7);
  });
});

describe("the clashes of a checked week", () => {
  it("a check of the week finds the clash the view then marks", () => {
    const report = checkSchedule(schedule, { from: "2025-03-17", to: "2025-03-23" });
    expect(report.conflicts.some((c) => c.occurrences.some((o) => o.meeting === "tiep-dan"))).toBe(true);
  });
});
