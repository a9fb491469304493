import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";
import { ENGLISH } from "../helpers/english";

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

  it.each([
    [["--attendees", "tt-hdnd"], "lichhop free: cần --duration"],
    [["--duration", "PT1H", "--half-day", "toi"], "--half-day toi: cần sang (buổi sáng) hoặc chieu (buổi chiều)"],
    [["--duration", "PT1H", "--now", "hom-nay"], "--now hom-nay: cần giờ địa phương YYYY-MM-DDTHH:MM"],
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
});
