import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/cli";
import { ENGLISH } from "../helpers/english";

// Slow on purpose (it spawns the built CLI): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const EXAMPLE = join(__dirname, "../../examples/lang-son-2024.yaml");
const NOW = ["--now", "2024-03-01T08:00"];

describe("lichhop free", () => {
  it("prints free times with the room chosen, in Vietnamese", () => {
    const result = runCli([
      "free",
      EXAMPLE,
      "--duration",
      "PT2H",
      "--attendees",
      "tt-hdnd",
      "--rooms",
      "phong-hop-1,hoi-truong-tinh",
      "--body",
      "tt-hdnd",
      "--from",
      "2024-03-07",
      "--to",
      "2024-03-08",
      "--count",
      "2",
      ...NOW,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "Thời gian trống cho cuộc họp 2 giờ, từ 07/03/2024 đến 08/03/2024",
        "",
        "1. T5 07/03/2024, buổi chiều 13:30–15:30: trống sớm nhất; đủ người dự",
        "   Phòng: Phòng họp số 1 - Trụ sở HĐND tỉnh",
        "2. T5 07/03/2024, buổi chiều 14:00–16:00: trống; đủ người dự",
        "   Phòng: Phòng họp số 1 - Trụ sở HĐND tỉnh",
        "",
      ].join("\n"),
    );
  });

  it("says what blocked each day and exits 1 when nothing fits, in English with --lang en", () => {
    const result = runCli([
      "free",
      EXAMPLE,
      "--duration",
      "PT4H",
      "--attendees",
      "chu-tich-ubnd",
      "--half-day",
      "sang",
      "--from",
      "2024-04-15",
      "--to",
      "2024-04-15",
      "--lang",
      "en",
      ...NOW,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        "Free times for a meeting of 4 hours, 15/04/2024 to 15/04/2024",
        "",
        "No free time. What blocked each day:",
        "- Mon 15/04 morning: Vi Văn Thành is busy — Chủ tịch UBND tỉnh tiếp công dân định kỳ",
        "",
      ].join("\n"),
    );
  });

  it("writes JSON: version, slots, nearMisses", () => {
    const result = runCli([
      "free",
      EXAMPLE,
      "--duration",
      "PT1H",
      "--from",
      "2024-03-04",
      "--to",
      "2024-03-04",
      "--count",
      "1",
      "--format",
      "json",
      ...NOW,
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      version: 1,
      slots: [{ start: "2024-03-04T07:30:00+07:00", end: "2024-03-04T08:30:00+07:00", room: null }],
      nearMisses: [],
    });
    expect(json.whyNone).toBeUndefined();
  });

  it("takes a date alone for --now: that day's start, so the whole day is open", () => {
    const args = [
      "free",
      EXAMPLE,
      "--duration",
      "PT1H",
      "--attendees",
      "chu-tich-ubnd",
      "--from",
      "2024-03-04",
      "--to",
      "2024-03-04",
      "--count",
      "1",
    ];
    const byDate = runCli([...args, "--now", "2024-03-04", "--format", "json"]);
    expect(byDate.code).toBe(0);
    const atMidnight = runCli([...args, "--now", "2024-03-04T00:00", "--format", "json"]);
    expect(byDate.stdout).toBe(atMidnight.stdout);
    expect(JSON.parse(byDate.stdout).slots[0].start).toBe("2024-03-04T07:30:00+07:00");
    // Later that morning, the first free time moves on.
    const later = runCli([...args, "--now", "2024-03-04T09:10", "--format", "json"]);
    expect(JSON.parse(later.stdout).slots[0].start).toBe("2024-03-04T09:30:00+07:00");
  });

  it("counts --min-notice from --now", () => {
    const result = runCli([
      "free",
      EXAMPLE,
      "--duration",
      "PT1H",
      "--min-notice",
      "2",
      "--now",
      "2024-03-08T10:00",
      "--count",
      "1",
      "--format",
      "json",
    ]);
    expect(JSON.parse(result.stdout).slots[0].start).toBe("2024-03-12T07:30:00+07:00");
  });

  const startsOf = (args: readonly string[]) => {
    const result = runCli(["free", EXAMPLE, ...args, ...NOW, "--format", "json"]);
    return (JSON.parse(result.stdout) as { slots: { start: string }[] }).slots.map((slot) => slot.start.slice(0, 16));
  };

  it("--align takes minutes or half-day", () => {
    const day = ["--duration", "PT2H", "--from", "2024-03-04", "--to", "2024-03-05", "--count", "3"];
    expect(startsOf(day)).toEqual(["2024-03-04T07:30", "2024-03-04T08:00", "2024-03-04T08:30"]);
    expect(startsOf([...day, "--align", "15"])).toEqual(["2024-03-04T07:30", "2024-03-04T07:45", "2024-03-04T08:00"]);
    expect(startsOf([...day, "--align", "half-day"])).toEqual(["2024-03-04T07:30", "2024-03-04T13:30", "2024-03-05T07:30"]);
  });

  it("--buffer keeps free time on both sides of the meeting", () => {
    // Lý Văn Sơn has the UBMTTQ briefing on Monday 11/03 14:00–16:30.
    const request = [
      "--duration",
      "PT30M",
      "--attendees",
      "chu-tich-ubmttq",
      "--half-day",
      "chieu",
      "--from",
      "2024-03-11",
      "--to",
      "2024-03-12",
    ];
    expect(startsOf([...request, "--count", "2"])).toEqual(["2024-03-11T13:30", "2024-03-11T16:30"]);
    expect(startsOf([...request, "--count", "2", "--buffer", "PT15M"])).toEqual(["2024-03-12T13:30", "2024-03-12T14:00"]);
    expect(startsOf([...request, "--count", "1", "--buffer", "PT15M", "--duration", "PT15M", "--align", "15"])).toEqual([
      "2024-03-11T13:30",
    ]);
  });

  it("--tags makes the rules selecting those tags apply: a kỳ họp needs its thẩm tra first", () => {
    const request = ["--duration", "PT2H", "--from", "2024-03-04", "--to", "2024-03-04", "--half-day", "sang"];
    expect(startsOf([...request, "--count", "1"])).toEqual(["2024-03-04T07:30"]);
    const result = runCli(["free", EXAMPLE, ...request, "--tags", "thuong-ky,ky-hop", ...NOW]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '- T2 04/03 sáng: quy định "Các Ban HĐND thẩm tra dự thảo nghị quyết từ 7 đến 30 ngày trước kỳ họp": chưa có cuộc họp nào từ 7 đến 30 ngày trước đó',
    );
  });

  it.each([
    [
      ["--align", "7x"],
      'request.align: cần số phút từ 1 đến 720, hoặc half-day, nhận được "7x"',
      'request.align: expected minutes from 1 to 720, or half-day, got "7x"',
    ],
    [
      ["--align", "999"],
      "request.align: cần một số không lớn hơn 720, nhận được 999",
      "request.align: expected a number of at most 720, got 999",
    ],
    [
      ["--buffer", "15m"],
      'request.buffer.before: cần thời lượng theo chuẩn ISO 8601, ví dụ PT2H (2 giờ) hoặc PT1H30M (1 giờ 30 phút), nhận được "15m"',
      'request.buffer.before: expected an ISO 8601 duration such as PT2H or PT1H30M, got "15m"',
    ],
    [
      ["--tags", "Ky_Hop"],
      "request.tags[0]: cần một mã gồm chữ thường không dấu, chữ số và dấu '-', tối đa 64 ký tự, nhận được \"Ky_Hop\"",
      "request.tags[0]: expected an id: lowercase letters, digits and '-', at most 64 characters, got \"Ky_Hop\"",
    ],
  ])("refuses %j once, in Vietnamese and in English", (args, vi, en) => {
    const request = ["free", EXAMPLE, "--duration", "PT1H", ...args, ...NOW];
    const inVi = runCli(request);
    expect(inVi.code).toBe(2);
    expect(inVi.stderr).toBe(`lichhop free: yêu cầu không hợp lệ: ${vi} [bad-argument]\n`);
    const inEn = runCli([...request, "--lang", "en"]);
    expect(inEn.code).toBe(2);
    expect(inEn.stderr).toBe(`lichhop free: bad request: ${en} [bad-argument]\n`);
  });

  it("lists the new options in the help", () => {
    const help = runCli(["--help"]).stdout;
    for (const option of [
      "[--tags t1,t2]",
      "[--align 30|half-day]",
      "[--buffer PT15M]",
      "--tags: the new meeting's tags",
      "--align: starts every N minutes",
      "--buffer: free time kept before and after",
    ]) {
      expect(help).toContain(option);
    }
  });

  it.each([
    [["--attendees", "tt-hdnd"], "lichhop free: cần --duration"],
    [["--duration", "PT1H", "--half-day", "toi"], "--half-day toi: cần sang (buổi sáng) hoặc chieu (buổi chiều)"],
    [["--duration", "PT1H", "--now", "hom-nay"], "--now hom-nay: cần ngày YYYY-MM-DD hoặc giờ địa phương YYYY-MM-DDTHH:MM"],
    [["--duration", "PT1H", "--count", "0"], "--count 0: cần một số nguyên dương"],
    [
      ["--duration", "PT1H", "--room", "phong-hop-9", ...NOW],
      'lichhop free: yêu cầu không hợp lệ: request.room: không tìm thấy phòng họp "phong-hop-9"; có phải "phong-hop-1"?',
    ],
  ])("refuses %j with exit 2", (args, text) => {
    const result = runCli(["free", EXAMPLE, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(text);
  });

  const REQUEST_ERRORS: readonly (readonly [string, readonly string[], string, string])[] = [
    [
      "an unknown attendee and body",
      ["--duration", "PT1H", "--attendees", "tt-hdnd,hau", "--body", "ubdn"],
      'request.body: không tìm thấy cơ quan "ubdn"; có phải "ubnd"?; request.attendees.required[1]: không tìm thấy người hoặc cơ quan "hau"',
      'request.body: unknown body "ubdn"; did you mean "ubnd"?; request.attendees.required[1]: unknown person or body "hau"',
    ],
    [
      "a count above its limit",
      ["--duration", "PT1H", "--count", "500"],
      "request.count: cần một số không lớn hơn 100, nhận được 500",
      "request.count: expected a number of at most 100, got 500",
    ],
    [
      "a duration in words",
      ["--duration", "2h"],
      'request.duration: cần thời lượng theo chuẩn ISO 8601, ví dụ PT2H (2 giờ) hoặc PT1H30M (1 giờ 30 phút), nhận được "2h"',
      'request.duration: expected an ISO 8601 duration such as PT2H or PT1H30M, got "2h"',
    ],
    [
      "a duration of days",
      ["--duration", "P2D"],
      'request.duration: cần thời lượng lớn hơn 0 và không quá 24 giờ, ví dụ PT2H (2 giờ) hoặc PT1H30M (1 giờ 30 phút), nhận được "P2D"',
      'request.duration: expected a duration above zero and at most 24 hours (PT2H, PT1H30M), got "P2D"',
    ],
    [
      "a window too long",
      ["--duration", "PT1H", "--from", "2024-01-01", "--to", "2025-06-01"],
      'request.to: cần khoảng tìm kiếm tối đa 366 ngày kể từ 2024-01-01, nhận được "2025-06-01"',
      'request.to: expected a window of at most 366 days from 2024-01-01, got "2025-06-01"',
    ],
  ];

  it.each(REQUEST_ERRORS)("refuses a request with %s in Vietnamese, the file's locale", (_, args, vi) => {
    const result = runCli(["free", EXAMPLE, ...args, ...NOW]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`lichhop free: yêu cầu không hợp lệ: ${vi}`);
    expect(result.stderr).not.toMatch(ENGLISH);
  });

  it.each(REQUEST_ERRORS)("refuses a request with %s in English with --lang en", (_, args, __, en) => {
    const result = runCli(["free", EXAMPLE, ...args, ...NOW, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`lichhop free: bad request: ${en}`);
  });

  it("takes --times, --near, --max-per-day and --quorum, and names each wrong one", () => {
    const result = runCli([
      "free",
      EXAMPLE,
      "--duration",
      "PT1H",
      "--attendees",
      "tt-hdnd",
      "--times",
      "14:00-16:00",
      "--from",
      "2024-03-07",
      "--to",
      "2024-03-08",
      "--count",
      "2",
      "--near",
      "2024-03-08T15:00",
      "--max-per-day",
      "3",
      ...NOW,
    ]);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n").slice(2, 4)).toEqual([
      "1. T6 08/03/2024, buổi chiều 15:00–16:00: đúng thời điểm mong muốn, sau 1 ngày; đủ người dự",
      "2. T6 08/03/2024, buổi chiều 14:30–15:30: gần thời điểm mong muốn (lệch 30 phút), sau 1 ngày; đủ người dự",
    ]);
    const wrong = runCli(
      ["free", EXAMPLE, "--duration", "PT1H", "--attendees", "tt-hdnd", "--optional", "chu-tich-ubnd"].concat(
        ["--times", "25:00-26:00", "--max-per-day", "x", "--quorum", "2", "--lang", "en"],
        NOW,
      ),
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      'request.times[0]: expected a time of day window HH:MM-HH:MM with its start before its end, got "25:00-26:00"',
    );
    expect(wrong.stderr).toContain("request.attendees.quorum: expected a number of at most 1, got 2");
    expect(wrong.stderr).toContain('request.maxPerDay: expected a number, got "x"');
  });
});
