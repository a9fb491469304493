import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors";
import type { Schedule } from "../../src/schema/model";
import { findSlots } from "../../src/slots/find";
import type { SlotRequestInput } from "../../src/slots/request";
import { buildSchedule } from "../helpers/schedule";

/** HĐND and UBND with the example's rule (no HĐND meeting in a UBND half-day), three people, two rooms. */
function province(meetings: string, options: { zone?: string; extra?: string; horizon?: string; locale?: "vi" | "en" } = {}): Schedule {
  return buildSchedule({
    ...(options.zone ? { zone: options.zone } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    horizon: options.horizon ?? "{ from: 2024-01-01, to: 2026-12-31 }",
    bodies: "  - { id: tt-hdnd, name: Thường trực HĐND tỉnh, groups: [hdnd] }\n  - { id: ubnd, name: UBND tỉnh, groups: [ubnd] }",
    people: [
      "  - { id: hau, name: Đoàn Thị Hậu, bodies: [tt-hdnd] }",
      "  - { id: nam, name: Hoàng Văn Nam, bodies: [tt-hdnd] }",
      "  - { id: thieu, name: Hồ Tiến Thiệu, bodies: [ubnd] }",
    ].join("\n"),
    rooms: "  - { id: p1, name: Phòng họp số 1 }\n  - { id: p2, name: Phòng họp số 2 }",
    rest: `meetings:\n${meetings || "  []"}\n${options.extra ?? ""}`,
  });
}

const HALF_DAY_RULE = `rules:
  - id: hdnd-khong-trung-ubnd
    title: HĐND không trùng UBND
    kind: no-overlap
    between: [{ groups: [hdnd] }, { bodies: [ubnd] }]
    minGap: PT30M
    scope: half-day
`;

const UBND_MORNING = `  - id: ubnd-thuong-ky
    title: Phiên họp UBND thường kỳ
    body: ubnd
    start: 2024-03-07T08:00
    end: 2024-03-07T10:00
    attendees: [ubnd]
    room: p1`;

const starts = (request: SlotRequestInput, schedule: Schedule) => findSlots(schedule, request).slots.map((slot) => slot.start);

describe("findSlots: half-days and alignment", () => {
  const schedule = province(UBND_MORNING, { extra: HALF_DAY_RULE });

  it("keeps an HĐND meeting out of the half-day UBND meets in, and offers the afternoon", () => {
    const result = findSlots(schedule, { duration: "PT2H", from: "2024-03-07", to: "2024-03-07", body: "tt-hdnd", count: 2 });
    expect(result.slots.map((s) => [s.start, s.halfDay])).toEqual([
      ["2024-03-07T13:30:00+07:00", "chieu"],
      ["2024-03-07T14:00:00+07:00", "chieu"],
    ]);
  });

  it.each([
    ["sang", "2024-03-08T07:30:00+07:00", "sang"],
    ["chieu", "2024-03-08T13:30:00+07:00", "chieu"],
    ["chiều", "2024-03-08T13:30:00+07:00", "chieu"],
  ] as const)("halfDay %s searches that half only", (halfDay, start, part) => {
    const [slot] = findSlots(schedule, { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", halfDay, count: 1 }).slots;
    expect([slot?.start, slot?.halfDay]).toEqual([start, part]);
  });

  it("align: half-day starts at the working periods' starts", () => {
    expect(starts({ duration: "PT2H", from: "2024-03-08", to: "2024-03-11", align: "half-day", count: 4 }, schedule)).toEqual([
      "2024-03-08T07:30:00+07:00",
      "2024-03-08T13:30:00+07:00",
      "2024-03-11T07:30:00+07:00",
      "2024-03-11T13:30:00+07:00",
    ]);
  });

  it("stays inside one working period unless acrossBreaks, and inside the times asked for", () => {
    const request: SlotRequestInput = { duration: "PT3H", from: "2024-03-08", to: "2024-03-08", times: ["09:00-17:00"], count: 3 };
    expect(starts(request, schedule)).toEqual(["2024-03-08T13:30:00+07:00", "2024-03-08T14:00:00+07:00"]);
    expect(starts({ ...request, acrossBreaks: true }, schedule)).toEqual([
      "2024-03-08T09:00:00+07:00",
      "2024-03-08T09:30:00+07:00",
      "2024-03-08T10:00:00+07:00",
    ]);
  });

  it("explains a blocked half-day by the person and the meeting", () => {
    const result = findSlots(schedule, {
      duration: "PT2H",
      from: "2024-03-07",
      to: "2024-03-07",
      halfDay: "sang",
      attendees: { required: ["thieu"] },
    });
    expect(result.slots).toEqual([]);
    expect(result.whyNone?.map((line) => line.text)).toEqual(["T5 07/03 sáng: Hồ Tiến Thiệu bận — Phiên họp UBND thường kỳ"]);
    expect(result.whyNone?.[0]?.blocks[0]).toMatchObject({ kind: "busy", subject: "thieu", occurrence: { meeting: "ubnd-thuong-ky" } });
  });

  it("names the rule when a body's rule blocks a half-day, in English too", () => {
    const result = findSlots(
      schedule,
      { duration: "PT4H", from: "2024-03-07", to: "2024-03-07", body: "tt-hdnd", halfDay: "sang" },
      { lang: "en" },
    );
    expect(result.whyNone?.map((line) => line.text)).toEqual([
      'Thu 07/03 morning: rule "HĐND không trùng UBND" — clashes with Phiên họp UBND thường kỳ',
    ]);
  });
});

describe("findSlots: the working calendar", () => {
  const schedule = province(
    "  - { id: hop, title: Giao ban, body: ubnd, start: 2026-02-13T07:30, end: 2026-02-13T17:00, attendees: [hau] }",
  );

  it("skips the Tết week 2026 and says so day by day", () => {
    const result = findSlots(schedule, {
      duration: "PT2H",
      from: "2026-02-13",
      to: "2026-02-23",
      attendees: { required: ["hau"] },
      count: 1,
    });
    expect(result.slots.map((s) => s.start)).toEqual(["2026-02-23T07:30:00+07:00"]);
    const none = findSlots(schedule, { duration: "PT2H", from: "2026-02-16", to: "2026-02-18" });
    expect(none.slots).toEqual([]);
    expect(none.whyNone?.map((line) => line.text)).toEqual([
      "T2 16/02: Tết Nguyên đán (ngày cuối năm âm lịch)",
      "T3 17/02: Tết Nguyên đán (mùng 1)",
      "T4 18/02: Tết Nguyên đán (mùng 2)",
    ]);
  });

  it("offers a make-up Saturday and no other Saturday", () => {
    expect(starts({ duration: "PT1H", from: "2024-05-04", to: "2024-05-05", align: "half-day" }, schedule)).toEqual([
      "2024-05-04T07:30:00+07:00",
      "2024-05-04T13:30:00+07:00",
    ]);
    const other = findSlots(schedule, { duration: "PT1H", from: "2024-05-11", to: "2024-05-11" });
    expect(other.whyNone?.map((line) => line.text)).toEqual(["T7 11/05: Ngày nghỉ hằng tuần"]);
  });

  it("follows seasonal working hours", () => {
    const summer = province("", {
      extra: `calendar:
  workingHours:
    days: [MO, TU, WE, TH, FR]
    periods: ["07:30-11:30", "13:30-17:00"]
    seasons: [{ name: Giờ mùa hè, from: "04-15", to: "10-14", periods: ["07:00-11:30", "14:00-17:00"] }]
`,
    });
    expect(starts({ duration: "PT1H", from: "2024-07-01", to: "2024-07-01", align: "half-day" }, summer)).toEqual([
      "2024-07-01T07:00:00+07:00",
      "2024-07-01T14:00:00+07:00",
    ]);
  });

  it("writes each day's own offset in a DST zone (Europe/London, 31 March 2024)", () => {
    const london = province("", { zone: "Europe/London" });
    // Friday 29 March is a working day (the Vietnamese calendar), on GMT; Monday 1 April on BST.
    expect(starts({ duration: "PT1H", from: "2024-03-29", to: "2024-04-01", align: "half-day" }, london)).toEqual([
      "2024-03-29T07:30:00+00:00",
      "2024-03-29T13:30:00+00:00",
      "2024-04-01T07:30:00+01:00",
      "2024-04-01T13:30:00+01:00",
    ]);
    expect(
      starts(
        {
          duration: "PT1H",
          from: "2024-03-28",
          to: "2024-04-02",
          align: "half-day",
          count: 2,
          prefer: "nearest",
          near: "2024-04-02T07:00",
        },
        london,
      ),
    ).toEqual(["2024-04-02T07:30:00+01:00", "2024-04-02T13:30:00+01:00"]);
  });
});

describe("findSlots: notice", () => {
  const schedule = province("");
  // Friday 8 March 2024, 10:00 in Vietnam.
  const now = Date.UTC(2024, 2, 8, 3);

  it("counts minNotice in working days across a weekend", () => {
    const result = findSlots(schedule, { duration: "PT1H", from: "2024-03-08", to: "2024-03-15", minNotice: 2, count: 1 }, { now });
    expect(result.slots.map((s) => s.start)).toEqual(["2024-03-12T07:30:00+07:00"]);
    expect(result.slots[0]?.reason).toBe("T3 12/03/2024, buổi sáng 07:30–08:30: trống sớm nhất, sau 4 ngày; đủ người dự");
  });

  it("offers nothing before now, and says the notice is too short", () => {
    expect(starts({ duration: "PT1H", from: "2024-03-08", to: "2024-03-08", count: 1 }, schedule)).toEqual(["2024-03-08T07:30:00+07:00"]);
    expect(findSlots(schedule, { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", count: 1 }, { now }).slots[0]?.start).toBe(
      "2024-03-08T10:00:00+07:00",
    );
    const none = findSlots(schedule, { duration: "PT1H", from: "2024-03-08", to: "2024-03-11", minNotice: 2 }, { now });
    expect(none.whyNone?.map((line) => line.text)).toEqual([
      "T6 08/03: chưa đủ 2 ngày làm việc báo trước",
      "T7 09/03: Ngày nghỉ hằng tuần",
      "CN 10/03: Ngày nghỉ hằng tuần",
      "T2 11/03: chưa đủ 2 ngày làm việc báo trước",
    ]);
  });

  it("needs options.now for minNotice", () => {
    expect(() => findSlots(schedule, { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", minNotice: 1 })).toThrow(
      /request\.minNotice: expected options\.now/,
    );
  });
});

describe("findSlots: attendees, rooms and rules", () => {
  const schedule = province(
    `${UBND_MORNING}
  - { id: tiep-dan, title: Tiếp công dân, body: tt-hdnd, start: 2024-03-08T07:30, end: 2024-03-08T09:30, attendees: [nam], room: p1 }`,
    {
      extra: `rules:
  - id: canh-bao
    title: Nên tránh trùng tiếp dân
    kind: no-overlap
    between: [{ meetings: [tiep-dan] }, { bodies: [ubnd] }]
    severity: warning
`,
    },
  );

  it("takes the first free room of the list", () => {
    const [slot] = findSlots(schedule, { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", room: ["p1", "p2"], count: 1 }).slots;
    expect([slot?.start, slot?.room]).toEqual(["2024-03-08T07:30:00+07:00", "p2"]);
    const [only] = findSlots(schedule, { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", room: "p1", count: 1 }).slots;
    expect(only?.start).toBe("2024-03-08T09:30:00+07:00");
  });

  it("lists a busy optional attendee with the meeting in the way, and leaves him out of the attendees", () => {
    const [slot] = findSlots(schedule, {
      duration: "PT1H",
      from: "2024-03-08",
      to: "2024-03-08",
      attendees: { required: ["hau"], optional: ["nam"] },
      count: 1,
    }).slots;
    expect(slot?.attendees).toEqual(["hau"]);
    expect(slot?.optionalBusy).toEqual([
      expect.objectContaining({ kind: "busy", subject: "nam", message: "Hoàng Văn Nam bận — Tiếp công dân" }),
    ]);
    expect(slot?.reason).toBe("T6 08/03/2024, buổi sáng 07:30–08:30: trống sớm nhất; vắng 1 người dự không bắt buộc");
  });

  it("a body among the attendees stands for its members", () => {
    const [slot] = findSlots(schedule, {
      duration: "PT1H",
      from: "2024-03-08",
      to: "2024-03-08",
      attendees: { required: ["tt-hdnd"] },
      count: 1,
    }).slots;
    expect(slot?.start).toBe("2024-03-08T09:30:00+07:00");
    expect(slot?.attendees).toEqual(["hau", "nam"]);
  });

  it("turns slots that miss the quorum into near misses", () => {
    const result = findSlots(schedule, {
      duration: "PT1H",
      from: "2024-03-08",
      to: "2024-03-08",
      attendees: { optional: ["nam", "hau"], quorum: 1 },
      count: 1,
    });
    expect(result.slots.map((s) => s.start)).toEqual(["2024-03-08T09:30:00+07:00"]);
    expect(result.nearMisses.map((s) => [s.start, s.optionalBusy.map((b) => b.subject)])).toEqual([["2024-03-08T07:30:00+07:00", ["nam"]]]);
  });

  it("lists the warnings a slot adds; avoidWarnings makes them near misses", () => {
    const request = { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", body: "ubnd", count: 1 } as const;
    const [slot] = findSlots(schedule, request).slots;
    expect(slot?.start).toBe("2024-03-08T07:30:00+07:00");
    expect(slot?.warnings.map((w) => w.message)).toEqual(['quy định "Nên tránh trùng tiếp dân" — trùng Tiếp công dân']);
    const avoiding = findSlots(schedule, { ...request, avoidWarnings: true });
    expect(avoiding.slots.map((s) => [s.start, s.warnings.length])).toEqual([["2024-03-08T09:30:00+07:00", 0]]);
    expect(avoiding.nearMisses.map((s) => s.start)).toEqual(["2024-03-08T07:30:00+07:00"]);
  });

  it("keeps buffers around the new meeting", () => {
    const request: SlotRequestInput = {
      duration: "PT1H",
      from: "2024-03-08",
      to: "2024-03-08",
      attendees: { required: ["nam"] },
      count: 1,
    };
    expect(starts(request, schedule)).toEqual(["2024-03-08T09:30:00+07:00"]);
    expect(starts({ ...request, buffer: { before: "PT30M" } }, schedule)).toEqual(["2024-03-08T10:00:00+07:00"]);
  });

  it("ranks by distance from near with prefer: nearest", () => {
    const result = findSlots(schedule, {
      duration: "PT1H",
      from: "2024-03-08",
      to: "2024-03-11",
      prefer: "nearest",
      near: "2024-03-11T09:10",
      count: 2,
    });
    expect(result.slots.map((s) => s.start)).toEqual(["2024-03-11T09:00:00+07:00", "2024-03-11T09:30:00+07:00"]);
    expect(result.slots[0]?.reason).toBe(
      "T2 11/03/2024, buổi sáng 09:00–10:00: gần thời điểm mong muốn nhất (lệch 10 phút), sau 3 ngày; đủ người dự",
    );
  });
});

describe("findSlots: maxPerDay", () => {
  // Thiệu has the UBND meeting on Thursday 07/03 morning; Nam one on Friday 08/03 and one on Thursday afternoon.
  const schedule = province(
    `${UBND_MORNING}
  - { id: tiep-dan, title: Tiếp công dân, body: tt-hdnd, start: 2024-03-08T07:30, end: 2024-03-08T09:30, attendees: [nam] }
  - { id: giao-ban, title: Giao ban, body: tt-hdnd, start: 2024-03-07T16:00, end: 2024-03-07T17:00, attendees: [nam] }`,
  );
  const request: SlotRequestInput = { duration: "PT1H", from: "2024-03-07", to: "2024-03-08", count: 1 };

  it("refuses a day on which a required attendee already has maxPerDay meetings", () => {
    const required = { ...request, attendees: { required: ["thieu"] } };
    expect(starts(required, schedule)).toEqual(["2024-03-07T10:00:00+07:00"]);
    expect(starts({ ...required, maxPerDay: 1 }, schedule)).toEqual(["2024-03-08T07:30:00+07:00"]);
    expect(starts({ ...required, maxPerDay: 2 }, schedule)).toEqual(["2024-03-07T10:00:00+07:00"]);
  });

  it("says who is full on each day when nothing fits", () => {
    const result = findSlots(schedule, { ...request, attendees: { required: ["nam", "thieu"] }, maxPerDay: 1 });
    expect(result.slots).toEqual([]);
    expect(result.whyNone?.map((day) => day.text)).toEqual([
      "T5 07/03: Hoàng Văn Nam đã có 1 cuộc họp trong ngày (tối đa 1 kể cả cuộc họp mới); Hồ Tiến Thiệu đã có 1 cuộc họp trong ngày (tối đa 1 kể cả cuộc họp mới)",
      "T6 08/03: Hoàng Văn Nam đã có 1 cuộc họp trong ngày (tối đa 1 kể cả cuộc họp mới)",
    ]);
    expect(result.whyNone?.[1]?.blocks).toEqual([expect.objectContaining({ kind: "max-per-day", subject: "nam", occurrence: null })]);
  });

  it("counts an optional attendee past maxPerDay as busy", () => {
    const [slot] = findSlots(schedule, {
      ...request,
      from: "2024-03-08",
      attendees: { required: ["hau"], optional: ["nam"] },
      maxPerDay: 1,
    }).slots;
    expect(slot?.start).toBe("2024-03-08T07:30:00+07:00");
    expect(slot?.attendees).toEqual(["hau"]);
    expect(slot?.optionalBusy.map((b) => [b.kind, b.subject])).toEqual([["busy", "nam"]]);
    const [later] = findSlots(schedule, {
      ...request,
      from: "2024-03-08",
      times: ["10:00-11:30"],
      attendees: { required: ["hau"], optional: ["nam"] },
      maxPerDay: 1,
    }).slots;
    expect(later?.start).toBe("2024-03-08T10:00:00+07:00");
    expect(later?.optionalBusy).toEqual([
      expect.objectContaining({
        kind: "max-per-day",
        subject: "nam",
        message: "Hoàng Văn Nam đã có 1 cuộc họp trong ngày (tối đa 1 kể cả cuộc họp mới)",
      }),
    ]);
    expect(later?.attendees).toEqual(["hau"]);
  });
});

describe("findSlots: cadence and lead time", () => {
  it("keeps a meeting out of a month that already has its most", () => {
    const schedule = province(
      "  - { id: thuong-ky, title: Thường kỳ, body: ubnd, start: 2024-03-05T08:00, duration: PT2H, tags: [thuong-ky] }",
      {
        extra: `rules:
  - { id: moi-thang-mot-lan, title: Mỗi tháng một lần, kind: cadence, tags: [thuong-ky], per: month, max: 1 }
`,
      },
    );
    const result = findSlots(schedule, { duration: "PT2H", from: "2024-03-25", to: "2024-04-01", tags: ["thuong-ky"], count: 1 });
    expect(result.slots.map((s) => s.start)).toEqual(["2024-04-01T07:30:00+07:00"]);
    const none = findSlots(schedule, { duration: "PT2H", from: "2024-03-29", to: "2024-03-29", tags: ["thuong-ky"], halfDay: "sang" });
    expect(none.whyNone?.map((line) => line.text)).toEqual(['T6 29/03 sáng: quy định "Mỗi tháng một lần": tháng 03/2024 đã đủ 1 buổi']);
  });

  it("puts a target meeting within its lead time after a before meeting", () => {
    const meetings = [
      "  - { id: tham-tra, title: Thẩm tra, body: tt-hdnd, start: 2024-03-04T08:00, duration: PT2H, tags: [tham-tra] }",
      "  - { id: ky-hop, title: Kỳ họp, body: tt-hdnd, start: 2024-12-10T08:00, duration: PT4H, tags: [ky-hop] }",
    ];
    const schedule = province(meetings.join("\n"), {
      extra: `rules:
  - { id: truoc-ky-hop, title: Thẩm tra trước kỳ họp, kind: lead-time, before: { tags: [tham-tra] }, target: { tags: [ky-hop] }, min: P7D, max: P10D }
`,
    });
    const result = findSlots(schedule, {
      duration: "PT2H",
      from: "2024-03-05",
      to: "2024-03-20",
      tags: ["ky-hop"],
      align: "half-day",
      count: 20,
    });
    expect(result.slots.map((s) => s.start)).toEqual([
      "2024-03-11T13:30:00+07:00",
      "2024-03-12T07:30:00+07:00",
      "2024-03-12T13:30:00+07:00",
      "2024-03-13T07:30:00+07:00",
      "2024-03-13T13:30:00+07:00",
      "2024-03-14T07:30:00+07:00",
    ]);
  });
});

describe("findSlots: bad requests", () => {
  const schedule = province("");
  it.each([
    [
      "a duration in words",
      { duration: "2h", from: "2024-03-08", to: "2024-03-08" },
      /request\.duration: expected an ISO 8601 duration such as PT2H or PT1H30M, got "2h"/,
    ],
    [
      "a duration of days",
      { duration: "P2D", from: "2024-03-08", to: "2024-03-08" },
      /request\.duration: expected a duration above zero and at most 24 hours/,
    ],
    [
      "to before from",
      { duration: "PT1H", from: "2024-03-08", to: "2024-03-01" },
      /request\.to: expected a date on or after from \(2024-03-08\)/,
    ],
    ["a window too long", { duration: "PT1H", from: "2024-01-01", to: "2025-06-01" }, /request\.to: expected a window of at most 366 days/],
    ["a date that does not exist", { duration: "PT1H", from: "2024-02-30", to: "2024-03-01" }, /request\.from: expected a real date/],
    [
      "an unknown room",
      { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", room: ["p1", "p3"] },
      /request\.room\[1\]: unknown room "p3"; did you mean "p1"\?/,
    ],
    [
      "an unknown attendee",
      { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", attendees: { required: ["hua"] } },
      /request\.attendees\.required\[0\]: unknown person or body "hua"; did you mean "hau"\?/,
    ],
    [
      "an unknown field",
      { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", romm: "p1" },
      /unknown field "romm"; did you mean "room"\?/,
    ],
    [
      "nearest without near",
      { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", prefer: "nearest" },
      /request\.near: expected a local time/,
    ],
    [
      "body and bodies",
      { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", body: "ubnd", bodies: ["ubnd"] },
      /request\.bodies: expected body or bodies, not both/,
    ],
    [
      "a maxPerDay of 0",
      { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", maxPerDay: 0 },
      /request\.maxPerDay: expected a number of at least 1, got 0/,
    ],
    [
      "a quorum above 1",
      { duration: "PT1H", from: "2024-03-08", to: "2024-03-08", attendees: { quorum: 2 } },
      /request\.attendees\.quorum/,
    ],
  ])("rejects %s with a UsageError naming the field", (_, request, expected) => {
    expect(() => findSlots(schedule, request as SlotRequestInput)).toThrow(UsageError);
    expect(() => findSlots(schedule, request as SlotRequestInput)).toThrow(expected);
  });

  it("rejects a request that is not an object, and bad options", () => {
    expect(() => findSlots(schedule, "PT1H" as unknown as SlotRequestInput)).toThrow(UsageError);
    expect(() =>
      findSlots(schedule, { duration: "PT1H", from: "2024-03-08", to: "2024-03-08" }, { now: "today" as unknown as number }),
    ).toThrow(/findSlots: now: expected an instant/);
  });
});
