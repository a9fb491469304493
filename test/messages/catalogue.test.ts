import { describe, expect, expectTypeOf, it } from "vitest";
import {
  BASE_SUMMARY,
  CHECK_TITLES,
  DAYS_OFF_TEXT,
  EXPECTED_WORDS,
  type Expected,
  type ExpectedWord,
  type Found,
  FEED_LABELS,
  INIT_TEXT,
  type Lang,
  message,
  type MessageId,
  PAGE_TEXT,
  type ParamsOf,
  REFERENCE_KINDS,
  REPORT_TEXT,
  REQUEST_WORDS,
  type RequestExpected,
  type RequestWord,
  WEEKDAY_NAMES,
} from "../../src/messages";
import { issueFactory, type MakeIssue } from "../../src/source";
import { BARE_DURATION, ENGLISH, withoutForms } from "../helpers/english";

const LANGS: readonly Lang[] = ["vi", "en"];

const a = '"Họp UBND" (T5 07/03/2024 08:00–11:30)';
const b = '"Họp HĐND" (T5 07/03/2024 09:00–10:00)';

/** One set of parameters for every message: a message added without a sample does not compile. */
const SAMPLES: { readonly [K in MessageId]: ParamsOf<K> } = {
  "yaml-syntax": { format: "YAML", detail: "bad indentation of a mapping entry" },
  "too-many-aliases": {},
  "unknown-field": { field: "colour", allowed: "version, timezone", hint: "color" },
  "missing-field": { field: "version", expected: { oneOf: [1] } },
  "wrong-type": { expected: { what: "list" }, found: { shape: "mapping" } },
  "invalid-value": { found: 3, expected: { atLeastMin: 5 } },
  "conflicting-fields": { first: "end", second: "duration" },
  "unknown-reference": { kind: "body", id: "ubdn", hint: "ubnd" },
  "ambiguous-reference": { id: "ubnd", bodyLine: 4, personLine: 9 },
  "duplicate-id": { id: "ubnd", line: 4 },
  "empty-selector": {},
  "bad-rrule": { part: "FREQ=DAYLY", expected: { value: "FREQ" } },
  "start-not-in-rule": { start: "2024-01-02T08:00", rule: "FREQ=WEEKLY;BYDAY=MO", first: "2024-01-08T08:00" },
  "unknown-zone": { zone: "Asia/Hanoi" },
  "bad-week": { found: "2025-12" },
  "bad-choice": { option: "--format", found: "xml", choices: ["html", "text", "md", "csv"] },
  "week-and-date": {},
  "people-and-bodies": {},
  "end-before-start": { start: "08:00", end: "07:00" },
  "membership-to-before-from": { body: "ubnd", from: "2024-03-07", to: "2024-03-01" },
  "no-such-occurrence": { occurrence: "2024-01-03", found: 0 },
  "no-horizon": {},
  "bad-horizon": { from: "2024-12-31", to: "2024-01-01" },
  "too-many-occurrences": { max: 100000 },
  "too-many-occurrences-total": { max: 1000000 },
  "runaway-rule": { max: 5000000 },
  "date-out-of-range": { found: "1800-01-01", first: 1900, last: 2100 },
  "duration-too-long": { found: "P400D", max: 366 },
  "end-too-late": { found: "2025-06-01", max: 366 },
  "rrule-too-long": { length: 5000, max: 2000 },
  "too-many-conflicts": { max: 100000 },
  "too-many-findings": { max: 100000 },
  "too-many-events": { max: 1000000, expand: true },
  "too-many-rule-checks": { max: 10000000 },
  "too-many-issues": { shown: 100, more: 20 },
  "horizon-too-long": { from: "2024-01-01", to: "2040-01-01", max: 3660 },
  "setting-differs": { field: "timezone", first: "a.yaml", firstLine: 2, second: "b.yaml", secondLine: 3 },
  "duplicate-across": { id: "ubnd", file: "a.yaml", line: 7 },
  "bad-encoding": { byte: "0xE0", guess: "windows-1258" },
  "bad-encoding-utf16": { endian: "le" },
  "file-too-large": { size: 30000000, max: 20971520 },
  "not-a-mapping": {},
  "ics-not-calendar": {},
  "ics-truncated": { component: "VEVENT", begun: 12 },
  "ics-end-mismatch": { found: "VTODO", expected: "VEVENT" },
  "too-many-source-events": { max: 50000 },
  "source-not-given": { file: "lich/ubnd.ics" },
  "ics-bad-line": { detail: 'invalid line (no token ";" or ":")' },
  "ics-repaired-tzid": {},
  "ics-unknown-zone": { zone: "Giờ Hà Nội", fallback: "Asia/Ho_Chi_Minh" },
  "ics-approximate-zone": { zone: "US-Eastern", iana: "America/New_York" },
  "ics-range-future": {},
  "ics-component": { component: "VTODO" },
  "ics-rrule": { part: "FREQ=FORTNIGHTLY" },
  "ics-no-start": {},
  "ics-zero-length": {},
  "ics-bad-value": { property: "EXDATE", value: "2024-13-01" },
  "ics-date-with-z": { value: "20131210Z" },
  "ics-duplicate-override": { first: 40 },
  "ics-holidays": { count: 12 },
  "ics-free": { count: 3 },
  "ics-cancelled": { count: 2 },
  "ics-unknown-people": { emails: ["hau@ubnd.example", "thanh@ubnd.example"], more: 3 },
  "ics-unknown-locations": { locations: ["Phòng 301"], more: 0 },
  "ics-event-dropped": { reason: "Quy tắc lặp không hợp lệ" },
  "ics-change-dropped": { reason: "Không có buổi họp nào vào ngày này" },
  "ics-untitled": {},
  "import-header": { file: "ubnd.ics", count: 12 },
  "import-no-body": {},
  "conflict-rule": { rule: "HĐND không trùng UBND", a, b, how: "cách nhau dưới 30 phút" },
  "conflict-attendee": { subjects: "Nguyễn Văn A", a, b },
  "conflict-room": { subjects: "Phòng họp số 1", a, b },
  "conflict-day-off": { a, date: "02/09/2024", name: { vi: "Quốc khánh (2/9)", en: "National Day (2 September)" } },
  "conflict-working-hours": { a, hours: "07:30–17:00" },
  "conflict-cadence": { rule: "Họp thường kỳ", count: 0, min: 1, period: "tháng 03/2024" },
  "conflict-lead-time": { rule: "Gửi tài liệu trước", a, window: "từ 3 đến 7 ngày", from: "29/02/2024 08:00", to: "04/03/2024 08:00" },
  "finding-rule": { a: "Phiên họp thường kỳ (T5 đầu tháng)", b: "Họp chuyên đề (ngày 7 hằng tháng)", how: "cách nhau dưới 30 phút" },
  "finding-attendee": { subjects: "Đoàn Thị Hậu", a, b: a },
  "finding-room": { subjects: "Hội trường tỉnh", a, b: a },
  "finding-day-off": { a, name: "Tết Nguyên đán" },
  "finding-working-hours": { a, hours: "07:30–11:30, 13:30–17:00" },
  "finding-cadence": { per: "month", min: 1, max: 1 },
  "finding-lead-time": { a, window: "từ 7 đến 30 ngày" },
  "finding-dates": { count: 2, dates: ["07/03/2024", "07/11/2024"], more: 0 },
  "finding-periods": { periods: ["tháng 05/2024"], more: 2 },
  "finding-change": { gained: ["14/03/2024"], gainedCount: 1, lost: ["07/03/2024"], lostCount: 3 },
  "near-gap": { gap: "30 phút" },
  "near-half-day": { afternoon: true },
  "near-day": {},
  "moved-from": { from: "15/02" },
  "occurrence-moved-here": { occurrence: "2024-03-11", original: "2024-03-10" },
  "year-out-of-range": { found: "1899" },
  "unknown-option": { option: "--form", hint: "--format" },
  "option-needs-value": { option: "--out" },
  "option-takes-no-value": { option: "--detail" },
  "bad-arguments": { detail: "--x" },
  "unknown-command": { command: "chek", hint: "check" },
  "lunar-date-needed": {},
  "lunar-day-month": { found: "2026-04-26" },
  "lunar-year-needed": { found: "10/3" },
  "no-leap-month": { month: 5, year: 2024 },
  "no-such-lunar-date": { day: 31, month: 3, year: 2026, leap: false },
  "lunar-to-solar": { lunar: "ngày 10 tháng 3 năm Bính Ngọ", date: "2026-04-26" },
  "bad-format": { found: "xml", formats: ["text", "json", "github", "junit", "sarif"] },
  "bad-lang": { found: "fr" },
  "bad-date-option": { option: "--from", found: "1/3/2024" },
  "date-option-out-of-range": { option: "--to", found: "2101-01-01", first: 1900, last: 2100 },
  "from-after-to": { from: "2024-12-01", to: "2024-01-01" },
  "bad-fail-on": { found: "sometimes" },
  "bad-max-size": { found: "12KB" },
  "bad-count": { option: "--max-conflicts", found: "0" },
  "base-and-base-ref": {},
  "base-ref-not-commit": { rev: "origin/main" },
  "files-needed": { command: "check" },
  "file-needed": { command: "expand" },
  "too-many-arguments": { command: "expand", count: 2, takes: "one-file" },
  "no-schedule-files": { dir: "lich/" },
  "out-needed": {},
  "bad-port": { found: "99999" },
  "bad-uid-domain": { found: "hdnd langson" },
  "bad-source-date-epoch": { found: "1.5" },
  "lunar-bad-date": { found: "18/04/2024" },
  "cannot-read": { file: "lich.yaml", failure: "missing" },
  "cannot-write": { file: "feeds/all.ics", failure: "denied" },
  "slot-reason": { day: "T5 07/03/2024", part: "sang", time: "08:00–10:00", first: true, after: 2, missing: 1, offBy: "30 phút" },
  "slot-why": { day: "T5 07/03", part: "sang", blocks: ["Hồ Tiến Thiệu bận — Phiên họp UBND thường kỳ"] },
  "block-busy": { person: "Hồ Tiến Thiệu", meeting: "Phiên họp UBND thường kỳ" },
  "block-room": { room: "Phòng họp số 1", meeting: "Phiên họp UBND thường kỳ" },
  "block-rule": { rule: "HĐND không trùng UBND", meeting: "Phiên họp UBND thường kỳ" },
  "block-day-off": { name: { vi: "Giỗ Tổ Hùng Vương", en: "Hung Kings' Commemoration Day" } },
  "block-notice": { days: 2 },
  "block-short": { duration: "2 giờ" },
  "block-quorum": { free: 1, total: 3, needed: 2 },
  "block-max-per-day": { person: "Hồ Tiến Thiệu", count: 2, max: 2 },
  "block-cadence": { rule: "UBND họp mỗi tháng một lần", period: "tháng 03/2024", max: 1 },
  "block-lead-time": { rule: "Thẩm tra trước kỳ họp", window: "từ 7 đến 30 ngày" },
  "block-outside": {},
  "free-heading": { duration: "2 giờ", from: "04/03/2024", to: "08/03/2024" },
  "free-label": { label: "near" },
  "free-needs-duration": {},
  "bad-half-day": { found: "toi" },
  "bad-now": { found: "hôm nay" },
  "ics-feed-written": { path: "lich/body/ubnd.ics  ", events: 1234, bytes: 150110338 },
  "feed-counts": { feeds: 12, conflicts: 3 },
  "cannot-listen": { address: "127.0.0.1:8080", code: "EADDRINUSE", detail: "listen EADDRINUSE: address already in use 127.0.0.1:8080" },
  "base-unusable": { why: "unreadable", issues: 1, code: "bad-encoding" },
  "reload-failure": { failure: { kind: "timeout", ms: 5000 } },
  "feeds-reloaded": { file: "lich.yaml", feeds: 12, conflicts: 3 },
  "feeds-kept": { file: "lich.yaml", invalid: true },
  "cannot-watch": { file: "lich.yaml", dir: "/srv/lich", code: "EMFILE", detail: "EMFILE: too many open files, watch" },
  "week-query-value": { name: "layout", found: "grd", choices: ["grid", "table"] },
  "week-query-unknown": { name: "layuot", names: ["layout", "people", "bodies"] },
  "week-query-twice": { name: "layout" },
  "week-query-people-and-bodies": {},
  "request-invalid": { path: "request.duration", expected: { what: "meeting-duration" }, found: '"2h"' },
  "request-unknown-field": { path: "request", field: "romm", hint: "room" },
  "request-unknown-reference": { path: "request.room[1]", kind: "room", id: "phong-hop-9", hint: "phong-hop-1" },
  "free-bad-request": { problems: ["request.count: cần một số không lớn hơn 100, nhận được 500"] },
  "suggest-heading": { count: 2 },
  "option-not-for-command": { option: "--port", command: "lunar" },
  "output-twice": { file: "report.sarif" },
  "bad-public-url": { found: "ftp://lich" },
  "bad-updated": { found: "hôm nay" },
  "cancelled-kept": { field: "note" },
  "calendar-too-large": { count: 101_582, max: 20_000, from: "2024-01-01", to: "2025-04-30", fitTo: "2024-03-17" },
  "suggest-nothing": {},
  "suggest-date": { date: "T5 07/03/2024" },
  "suggest-side": { title: "Phiên họp thường kỳ", occurrence: "T5 07/03/2024 08:00", place: "lich.yaml:40" },
  "suggest-effects": { resolves: 1, adds: 2 },
  "suggest-paste": {},
  "suggest-no-move": { days: 14, from: "T5 07/03/2024" },
  "suggest-all-day": {},
  "suggest-skipped": { count: 2 },
  "suggest-more": { shown: 20, more: 5 },
  "suggest-line": { title: "Phiên họp thường kỳ", occurrence: "T5 07/03/2024 08:00", when: "T5 07/03/2024 13:30–17:00" },
  "suggest-line-none": { days: 14, past: false },
  "suggest-past": {},
  "suggest-series-reason": { from: "13:30", to: "17:00" },
  "suggest-series-heading": { dates: 12 },
  "suggest-series-paste": {},
  "suggest-series-line": { title: "Phiên họp thường kỳ", when: "13:30–17:00", edit: '{ start: "2024-01-04T13:30" }' },
  "suggest-paste-line": { entry: '- { occurrence: "2024-03-07T08:00", start: "2024-03-07T13:30", end: "2024-03-07T17:00" }' },
  "suggest-unknown-id": { option: "--finding", id: "f-123", findings: 4 },
  "suggest-not-movable": { option: "--finding", id: "f-123" },
  "suggest-one-id": {},
  "suggest-format": { format: "github" },
};

const IDS = Object.keys(SAMPLES).filter((id): id is MessageId => id in SAMPLES);

/** `message` for an id of the table, with that id's sample. */
function render<K extends MessageId>(lang: Lang, id: K): string {
  return message(lang, id, SAMPLES[id]);
}

/** Every way an issue says what it expected or found, for the messages that take them. */
const EXPECTATIONS: readonly Expected[] = [
  ...(Object.keys(EXPECTED_WORDS.vi) as ExpectedWord[]).map((what) => ({ what })),
  { oneOf: ["keep", "skip", "next-working-day"] },
  { oneOf: [1] },
  { atLeastMin: 5 },
  { atLeastMin: "P7D" },
  { apartFrom: { index: 0, from: "04-15", to: "10-14" } },
];
const FOUND: readonly Found[] = ['"PT1X"', 5, true, null, { shape: "list" }, { shape: "mapping" }];

describe("the message catalogue", () => {
  it.each(IDS)("writes %s in Vietnamese without English words or bare ISO 8601 durations", (id) => {
    const vi = render("vi", id);
    expect(vi).not.toMatch(ENGLISH);
    expect(vi).not.toMatch(BARE_DURATION);
  });

  it.each(EXPECTATIONS)("words what an issue expected in Vietnamese only: %j", (expected) => {
    const texts = [
      message("vi", "missing-field", { field: "duration", expected }),
      ...FOUND.map((found) => message("vi", "wrong-type", { expected, found })),
      ...FOUND.map((found) => message("vi", "invalid-value", { expected, found })),
    ];
    for (const text of texts) {
      expect(withoutForms(text)).not.toMatch(ENGLISH);
      expect(text).not.toMatch(BARE_DURATION);
    }
    expect(message("en", "missing-field", { field: "x", expected })).not.toBe(message("vi", "missing-field", { field: "x", expected }));
  });

  it.each<RequestExpected>([
    ...(Object.keys(REQUEST_WORDS.vi) as RequestWord[]).map((what) => ({ what })),
    { oneOf: ["sang", "chieu"] },
    { oneOf: ["earliest"] },
    { atLeast: 1 },
    { atMost: 100 },
    { onOrAfter: "2024-03-08" },
    { window: { days: 366, from: "2024-01-01" } },
  ])("words what a free-slot request expected in Vietnamese only: %j", (expected) => {
    for (const found of [undefined, '"2h"', "500"]) {
      const vi = message("vi", "request-invalid", { path: "request.x", expected, ...(found === undefined ? {} : { found }) });
      expect(vi).not.toMatch(ENGLISH);
      expect(vi).not.toMatch(BARE_DURATION);
    }
    expect(message("en", "request-invalid", { path: "request.x", expected })).not.toBe(
      message("vi", "request-invalid", { path: "request.x", expected }),
    );
  });

  it.each([
    ["a text, found number 5", "Sai kiểu dữ liệu: cần văn bản, nhận được số 5", { expected: { what: "text" }, found: 5 }],
    ["a list", "Sai kiểu dữ liệu: cần một danh sách, nhận được một ánh xạ", { expected: { what: "list" }, found: { shape: "mapping" } }],
  ] as const)("says wrong-type in words: %s", (_, vi, params) => {
    expect(message("vi", "wrong-type", params)).toBe(vi);
  });

  it("names the detector's own catches", () => {
    expect("cần an ISO 8601 duration such as PT1H30M or P1D").toMatch(ENGLISH);
    expect("cần Invalid input").toMatch(ENGLISH);
    expect("undefined undefined: cần one of 1").toMatch(ENGLISH);
    expect("tối đa 366 ngày (P366D)").toMatch(BARE_DURATION);
    expect("ví dụ PT1H30M (1 giờ 30 phút)").not.toMatch(BARE_DURATION);
    expect("của lịch họp, thời lượng, days-off, --max-size").not.toMatch(ENGLISH);
  });

  it.each(IDS)("words %s in Vietnamese and English", (id) => {
    const vi = render("vi", id);
    const en = render("en", id);
    for (const text of [vi, en]) {
      expect(text.trim()).not.toBe("");
      expect(text).not.toMatch(/undefined|NaN|\[object /);
    }
    expect(vi).not.toBe(en);
  });

  it("leaves out what an optional parameter adds when it is not given", () => {
    expect(message("en", "unknown-reference", { kind: "room", id: "p1" })).toBe('unknown room "p1"');
    expect(message("vi", "unknown-reference", { kind: "room", id: "p1" })).toBe('Không tìm thấy phòng họp "p1"');
    expect(message("en", "duplicate-id", { id: "x" })).toBe('duplicate id "x" (already used on line ?)');
    expect(message("en", "file-too-large", { max: 1024 })).toBe(
      "the file has more than the limit of 1,024 bytes; split it or raise the limit with --max-size",
    );
  });

  it("groups thousands as each language writes them", () => {
    expect(message("vi", "too-many-occurrences", { max: 100000 })).toContain("100.000");
    expect(message("en", "too-many-occurrences", { max: 100000 })).toContain("100,000");
    expect(message("vi", "file-too-large", { size: 150110338, max: 20971520 })).toBe(
      "Tệp có 150.110.338 byte, vượt giới hạn 20.971.520 byte (20 MB); tách tệp hoặc nâng giới hạn bằng --max-size",
    );
    expect(message("en", "file-too-large", { size: 150110338, max: 20971520 })).toBe(
      "the file has 150,110,338 bytes, more than the limit of 20,971,520 bytes (20 MB); split it or raise the limit with --max-size",
    );
    expect(message("vi", "file-too-large", { max: 1572864 })).toContain("1.572.864 byte (1,5 MB)");
    expect(message("en", "file-too-large", { max: 1572864 })).toContain("1,572,864 bytes (1.5 MB)");
  });

  it("writes out-of-range dates as Vietnamese dates in Vietnamese", () => {
    expect(message("vi", "date-out-of-range", { found: "1800-01-01", first: 1900, last: 2100 })).toBe(
      "Ngày 01/01/1800 nằm ngoài phạm vi hỗ trợ: cần ngày từ 01/01/1900 đến 31/12/2100",
    );
    expect(message("vi", "date-out-of-range", { found: "1800-01-01T08:00", first: 1900, last: 2100 })).toContain("Ngày 01/01/1800 08:00 ");
    expect(message("vi", "date-option-out-of-range", { option: "--from", found: "1800-01-01", first: 1900, last: 2100 })).toBe(
      "--from 1800-01-01: ngày 01/01/1800 nằm ngoài phạm vi hỗ trợ, cần một ngày từ 01/01/1900 đến 31/12/2100",
    );
  });

  it.each([
    { kind: "timeout", ms: 5000 },
    { kind: "memory", mb: 256 },
    { kind: "cannot-start", script: "/srv/dist/reload-worker.js", detail: "ERR_WORKER_PATH" },
    { kind: "worker-exit", exitCode: 1 },
    { kind: "unreadable-answer", detail: "DataCloneError" },
    { kind: "vtimezone", detail: "ENOENT" },
    { kind: "cancelled" },
    { kind: "failed", detail: "ENOMEM" },
  ] as const)("words a reload failure in Vietnamese only: %j", (failure) => {
    expect(message("vi", "reload-failure", { failure })).not.toMatch(ENGLISH);
    expect(message("en", "reload-failure", { failure })).not.toBe(message("vi", "reload-failure", { failure }));
  });

  it.each([
    ["unreadable", "file-too-large"],
    ["unreadable", "bad-encoding"],
    ["invalid", undefined],
    ["not-expandable", undefined],
  ] as const)("says why a base is unusable in Vietnamese only: %s %s", (why, code) => {
    const vi = message("vi", "base-unusable", { why, issues: 2, code });
    expect(vi).not.toMatch(ENGLISH);
    expect(vi).not.toContain(code ?? "-");
    expect(vi).toContain("mọi xung đột được tính là mới");
  });

  it("says why a port cannot be listened on in Vietnamese only", () => {
    for (const code of ["EADDRINUSE", "EACCES", "EADDRNOTAVAIL", "EIO", undefined]) {
      const vi = message("vi", "cannot-listen", { address: "[::1]:80", code, detail: "listen failed: something else" });
      expect(vi).not.toMatch(ENGLISH);
    }
    expect(message("en", "cannot-listen", { address: "127.0.0.1:80", code: "EACCES", detail: "listen EACCES: permission denied" })).toBe(
      "cannot listen on 127.0.0.1:80: listen EACCES: permission denied",
    );
  });

  it("has every label in both languages, none empty", () => {
    const tables = { WEEKDAY_NAMES, REFERENCE_KINDS, REPORT_TEXT, CHECK_TITLES, FEED_LABELS, PAGE_TEXT, DAYS_OFF_TEXT, INIT_TEXT };
    for (const [name, table] of Object.entries(tables)) {
      const shape = (value: unknown): unknown =>
        typeof value === "object" && value !== null
          ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shape(item)]))
          : typeof value;
      expect(shape(table.vi), name).toEqual(shape(table.en));
      const strings = (value: unknown): string[] =>
        typeof value === "string" ? [value] : typeof value === "object" && value !== null ? Object.values(value).flatMap(strings) : [];
      for (const lang of LANGS) for (const text of strings(table[lang])) expect(text.trim(), name).not.toBe("");
    }
    expect(BASE_SUMMARY.vi({ added: 1, fixed: 2, unchanged: 3 })).toBe("So với bản gốc: 1 mới, 2 đã khắc phục, 3 không đổi.\n");
    expect(BASE_SUMMARY.en({ added: 1, fixed: 2, unchanged: 3 })).toBe("Against the base: 1 new, 2 fixed, 3 unchanged.\n");
  });
});

// Never called: each line must fail to compile, which `tsc` (run with the tests) checks.
function wrongCalls(make: MakeIssue): void {
  // @ts-expect-error a wrong parameter name
  message("en", "unknown-zone", { zon: "Asia/Hanoi" });
  // @ts-expect-error a parameter the message does not declare
  message("en", "unknown-zone", { zone: "Asia/Hanoi", hint: "Asia/Ho_Chi_Minh" });
  // @ts-expect-error a missing parameter
  message("en", "end-before-start", { start: "08:00" });
  // @ts-expect-error no parameters at all for a message that has some
  message("en", "unknown-zone");
  // @ts-expect-error parameters for a message that takes none
  message("en", "not-a-mapping", { zone: "Asia/Hanoi" });
  // @ts-expect-error a parameter of the wrong type
  message("en", "too-many-occurrences", { max: "100000" });
  // @ts-expect-error an id that is not in the catalogue
  message("en", "no-such-message", {});
  // @ts-expect-error the issue factory checks the parameters the same way
  make("unknown-zone", ["timezone"], "unknown-zone", { zon: "Asia/Hanoi" });
  // @ts-expect-error a reference kind that does not exist
  make("unknown-reference", [], "unknown-reference", { kind: "building", id: "x" });
}

describe("the catalogue's types", () => {
  it("gives each message id its own parameter type", () => {
    expectTypeOf<ParamsOf<"unknown-zone">>().toEqualTypeOf<{ zone: string }>();
    expectTypeOf<ParamsOf<"too-many-events">>().toEqualTypeOf<{ max: number; expand: boolean }>();
    expectTypeOf(message).toBeFunction();
    expect(wrongCalls).toBeTypeOf("function");
  });

  it("makes issues from the same typed parameters", () => {
    const make = issueFactory({ lang: "en", source: { file: "lich.yaml", positions: { timezone: { line: 3, column: 11 } } } });
    expect(make("unknown-zone", ["timezone"], "unknown-zone", { zone: "Asia/Hanoi" })).toEqual({
      code: "unknown-zone",
      message: message("en", "unknown-zone", { zone: "Asia/Hanoi" }),
      path: ["timezone"],
      file: "lich.yaml",
      line: 3,
      column: 11,
    });
    expect(make("wrong-type", [], "not-a-mapping").message).toBe("a schedule file must be a mapping (version, meetings, …)");
  });
});
