import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSchedule } from "../../src/load/parse";
import { findSlots } from "../../src/slots/find";

const schedule = parseSchedule(readFileSync(join(__dirname, "../../examples/lang-son-2024.yaml")), { filename: "lang-son-2024.yaml" });

describe("findSlots on the bundled example (as README.md and docs/slots.md show it)", () => {
  it("offers the first morning of the week to Thường trực HĐND, in the first free room", () => {
    const { slots } = findSlots(schedule, {
      duration: "PT2H",
      from: "2024-03-04",
      to: "2024-03-08",
      body: "tt-hdnd",
      attendees: { required: ["tt-hdnd"], optional: ["chu-tich-ubnd"] },
      room: ["phong-hop-1", "hoi-truong-tinh"],
    });
    expect(slots[0]).toEqual({
      start: "2024-03-04T07:30:00+07:00",
      end: "2024-03-04T09:30:00+07:00",
      date: "2024-03-04",
      halfDay: "sang",
      room: "phong-hop-1",
      attendees: ["doan-thi-hau", "pho-chu-tich-hdnd", "chu-tich-ubnd"],
      optionalBusy: [],
      warnings: [],
      reason: "T2 04/03/2024, buổi sáng 07:30–09:30: trống sớm nhất; đủ người dự",
    });
  });

  it("works around the UBND chair's reception day and the half-day rule (README)", () => {
    const { slots } = findSlots(schedule, {
      duration: "PT2H",
      from: "2024-04-15",
      to: "2024-04-19",
      body: "tt-hdnd",
      halfDay: "sang",
      attendees: { required: ["tt-hdnd"], optional: ["chu-tich-ubnd"] },
      room: ["phong-hop-1", "hoi-truong-tinh"],
    });
    expect(slots[0]?.reason).toBe("T3 16/04/2024, buổi sáng 07:30–09:30: trống sớm nhất, sau 1 ngày; đủ người dự");
  });

  it("says why a morning is taken, and names a day off (docs/slots.md)", () => {
    const { slots, whyNone } = findSlots(schedule, {
      duration: "PT4H",
      from: "2024-03-07",
      to: "2024-03-07",
      body: "tt-hdnd",
      halfDay: "sang",
      attendees: { required: ["chu-tich-ubnd"] },
    });
    expect(slots).toEqual([]);
    expect(whyNone?.map((line) => line.text)).toEqual([
      'T5 07/03 sáng: Vi Văn Thành bận — UBND tỉnh họp chuyên đề quy hoạch; quy định "Lịch họp TT HĐND và các Ban không trùng lịch họp UBND tỉnh" — trùng UBND tỉnh họp chuyên đề quy hoạch',
    ]);
    const holiday = findSlots(schedule, { duration: "PT1H", from: "2024-04-18", to: "2024-04-18" });
    expect(holiday.whyNone?.map((line) => line.text)).toEqual(["T5 18/04: Giỗ Tổ Hùng Vương (10/3 âm lịch)"]);
  });
});
