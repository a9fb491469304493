import { afterAll, describe, expect, it } from "vitest";
import { expandSchedule } from "../../src/expand";
import { reportOccurrence } from "../../src/report/report";
import { IANAZone } from "luxon";
import { zoneClock, zoneClocks } from "../../src/time/zone";
import { scheduleFrom } from "../helpers/schedule";

const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe.each(["UTC", "Asia/Ho_Chi_Minh", "America/New_York"])("in a DST zone, with the process in %s", (processZone) => {
  it("keeps 08:00 local across the spring and autumn changes", () => {
    process.env.TZ = processZone;
    const occurrences = expandSchedule(
      scheduleFrom(
        `  - { id: m, title: M, body: hdnd, start: 2024-03-28T08:00, duration: PT1H, repeat: FREQ=WEEKLY;COUNT=2 }
  - { id: n, title: N, body: hdnd, start: 2024-10-24T08:00, duration: PT1H, repeat: FREQ=WEEKLY;COUNT=2 }`,
        "",
        "Europe/Berlin",
      ),
    );
    expect(occurrences.map((o) => reportOccurrence(o, zoneClocks()).start)).toEqual([
      "2024-03-28T08:00:00+01:00",
      "2024-04-04T08:00:00+02:00",
      "2024-10-24T08:00:00+02:00",
      "2024-10-31T08:00:00+01:00",
    ]);
  });

  it("moves a nonexistent local time forward by the gap", () => {
    process.env.TZ = processZone;
    const [o] = expandSchedule(
      scheduleFrom(`  - { id: m, title: M, body: hdnd, start: 2024-03-31T02:30, duration: PT1H }`, "", "Europe/Berlin"),
    );
    expect(o && new Date(o.start).toISOString()).toBe("2024-03-31T01:30:00.000Z"); // 03:30 CEST
    expect(o && reportOccurrence(o, zoneClocks()).start).toBe("2024-03-31T03:30:00+02:00");
  });

  it("takes the earlier instant of an ambiguous local time", () => {
    process.env.TZ = processZone;
    const [o] = expandSchedule(
      scheduleFrom(`  - { id: m, title: M, body: hdnd, start: 2024-10-27T02:30, duration: PT30M }`, "", "Europe/Berlin"),
    );
    expect(o && new Date(o.start).toISOString()).toBe("2024-10-27T00:30:00.000Z"); // 02:30 CEST, the first one
  });

  it("counts hours of a duration as elapsed time across a change", () => {
    process.env.TZ = processZone;
    const [o] = expandSchedule(
      scheduleFrom(`  - { id: m, title: M, body: hdnd, start: 2024-03-31T01:00, duration: PT3H }`, "", "Europe/Berlin"),
    );
    expect(o && (o.end - o.start) / 3_600_000).toBe(3);
    expect(o && reportOccurrence(o, zoneClocks()).end).toBe("2024-03-31T05:00:00+02:00");
  });
});

describe("zone clock", () => {
  it("treats Asia/Ho_Chi_Minh as +07:00 throughout", () => {
    const clock = zoneClock("Asia/Ho_Chi_Minh");
    for (const iso of ["1990-06-01", "2024-01-01", "2024-07-01", "2050-12-31"]) {
      expect(clock.offsetAt(Date.parse(`${iso}T00:00:00Z`))).toBe(420);
    }
  });

  it("finds US transitions to the minute", () => {
    const clock = zoneClock("America/New_York");
    expect(clock.offsetAt(Date.parse("2024-03-10T06:59:00Z"))).toBe(-300);
    expect(clock.offsetAt(Date.parse("2024-03-10T07:00:00Z"))).toBe(-240);
    expect(clock.toInstant(Date.UTC(2024, 10, 3, 1, 30))).toBe(Date.parse("2024-11-03T05:30:00Z"));
  });
});

describe("the fixed-offset fast path", () => {
  it.each(["Asia/Ho_Chi_Minh", "Asia/Saigon", "UTC", "Etc/UTC"])("agrees with the tz database for %s", (zone) => {
    const fast = zoneClock(zone);
    const iana = IANAZone.create(zone);
    for (let t = Date.UTC(1970, 0, 1); t < Date.UTC(2101, 0, 1); t += 7 * 86_400_000 + 3_600_000) {
      expect(fast.offsetAt(t)).toBe(iana.offset(t));
    }
    expect(fast.offsetAt(Date.UTC(1975, 5, 12, 15, 59))).toBe(iana.offset(Date.UTC(1975, 5, 12, 15, 59)));
  });
});
