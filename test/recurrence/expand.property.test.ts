import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it, vi } from "vitest";
import { expandSchedule } from "../../src/expand";
import { validateSchedule } from "../../src/load/parse";
import { runs } from "../helpers/runs";

// Slow on purpose (property tests against an oracle): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const ZONES = ["Asia/Ho_Chi_Minh", "Europe/Berlin", "America/New_York"];

interface Case {
  zone: string;
  startDay: number; // days after 2024-01-01
  hour: number;
  minute: number;
  durationMinutes: number;
  freq: "DAILY" | "WEEKLY";
  interval: number;
  byday: number[];
  count: number | undefined;
  untilDay: number | undefined;
  horizonFrom: number;
  horizonLength: number;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  zone: fc.constantFrom(...ZONES),
  startDay: fc.integer({ min: 0, max: 300 }),
  // Away from 01:00–03:59, where Europe and the US change clocks: the DST tests cover those
  // hours, and luxon (the oracle) reads an ambiguous time by its own rule, not RFC 5545's.
  hour: fc.constantFrom(0, 5, 7, 8, 13, 17, 22, 23),
  minute: fc.constantFrom(0, 15, 30, 45),
  durationMinutes: fc.integer({ min: 15, max: 60 * 30 }),
  freq: fc.constantFrom("DAILY" as const, "WEEKLY" as const),
  interval: fc.integer({ min: 1, max: 4 }),
  byday: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }),
  count: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  untilDay: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  horizonFrom: fc.integer({ min: -30, max: 300 }),
  horizonLength: fc.integer({ min: 0, max: 120 }),
});

const day = (n: number) => DateTime.fromObject({ year: 2024, month: 1, day: 1 }, { zone: "UTC" }).plus({ days: n });

/** A day-by-day oracle, independent of rrule: luxon for local time, plain arithmetic for the rule. */
function oracle(c: Case): number[] {
  const start = day(c.startDay);
  const startMonday = start.minus({ days: start.weekday - 1 });
  const days = c.freq === "WEEKLY" ? new Set(c.byday.map((i) => i + 1)) : undefined;
  const hFrom = DateTime.fromObject({ ...day(c.horizonFrom).toObject(), hour: 0 }, { zone: c.zone }).toMillis();
  const hTo = DateTime.fromObject({ ...day(c.horizonFrom + c.horizonLength + 1).toObject(), hour: 0 }, { zone: c.zone }).toMillis();
  const out: number[] = [];
  let produced = 0;
  for (let n = 0; n < 900; n++) {
    const d = start.plus({ days: n });
    if (c.count === undefined && c.untilDay !== undefined && d > day(c.untilDay)) break;
    let match: boolean;
    if (c.freq === "DAILY") match = n % c.interval === 0;
    else {
      const week = Math.floor(d.diff(startMonday, "days").days / 7);
      match = week % c.interval === 0 && (days?.has(d.weekday) ?? false);
    }
    if (!match) continue;
    if (c.count !== undefined && produced >= c.count) break;
    produced++;
    const local = DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour: c.hour, minute: c.minute }, { zone: c.zone });
    const s = local.toMillis();
    const e = s + c.durationMinutes * 60_000;
    if (s < hTo && e > hFrom) out.push(s);
  }
  return out;
}

function rrule(c: Case): string {
  const parts = [`FREQ=${c.freq}`, `INTERVAL=${c.interval}`];
  if (c.freq === "WEEKLY") parts.push(`BYDAY=${c.byday.map((i) => DAYS[i]).join(",")}`);
  if (c.count !== undefined) parts.push(`COUNT=${c.count}`);
  else if (c.untilDay !== undefined) parts.push(`UNTIL=${day(c.untilDay).toFormat("yyyyMMdd")}`);
  return parts.join(";");
}

describe("expansion matches a day-by-day oracle", () => {
  it("for daily and weekly rules with INTERVAL, BYDAY, COUNT and UNTIL, in fixed and DST zones", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const start = day(c.startDay);
        // The start must be an occurrence of the rule: move it to the first matching weekday.
        fc.pre(c.freq !== "WEEKLY" || c.byday.includes(start.weekday - 1));
        fc.pre(c.untilDay === undefined || c.count !== undefined || c.untilDay >= c.startDay);
        const stamp = `${start.toISODate()}T${String(c.hour).padStart(2, "0")}:${String(c.minute).padStart(2, "0")}`;
        const schedule = validateSchedule({
          version: 1,
          timezone: c.zone,
          horizon: { from: day(c.horizonFrom).toISODate(), to: day(c.horizonFrom + c.horizonLength).toISODate() },
          bodies: [{ id: "b", name: "B" }],
          meetings: [{ id: "m", title: "M", body: "b", start: stamp, duration: `PT${c.durationMinutes}M`, repeat: rrule(c) }],
        });
        expect(expandSchedule(schedule).map((o) => o.start)).toEqual(oracle(c));
      }),
      { numRuns: runs(300) },
    );
  });
});
