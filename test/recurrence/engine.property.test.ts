import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { compileRule } from "../../src/recurrence/engine";
import { epochDay } from "../../src/time/date";
import { RRule } from "../helpers/rrule";
import { runs } from "../helpers/runs";
import { BudgetExceeded, stepBudget } from "../../src/limits";

// Slow on purpose (property tests against rrule.js, thousands of rules): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

// The recurrence engine against rrule.js, the oracle, on the common rules (DAILY to YEARLY
// with BYMONTH, BYMONTHDAY, BYDAY, BYSETPOS; engine.grammar.property.test.ts has the rest): the same rule and DTSTART must give
// the same starts over any window, and the same "first after".

const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const DAY = 86_400_000;

/** rrule.js in floating mode, as lichhop used it for every rule before the engine. */
function oracle(rule: string, startWall: number) {
  return new RRule({ ...RRule.parseString(rule), dtstart: new Date(startWall), tzid: null }, true);
}

function oracleBetween(rule: string, startWall: number, from: number, to: number): number[] {
  return oracle(rule, startWall)
    .between(new Date(from), new Date(to), true)
    .map((date) => date.getTime());
}

const compact = (wall: number) => new Date(wall).toISOString().replace(/[-:]/g, "").slice(0, 15);

interface RuleCase {
  rule: string;
  start: number;
}

const startArb = fc
  .record({
    year: fc.integer({ min: 1996, max: 2036 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    minute: fc.integer({ min: 0, max: 24 * 4 - 1 }),
  })
  .map(({ year, month, day, minute }) => Date.UTC(year, month - 1, Math.min(day, 28 + ((month * 7 + day) % 4)), 0, minute * 15));

const ruleArb: fc.Arbitrary<RuleCase> = fc
  .record({
    freq: fc.constantFrom("DAILY", "WEEKLY", "MONTHLY", "YEARLY"),
    interval: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    end: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 4 },
      { arbitrary: fc.record({ count: fc.integer({ min: 1, max: 200 }) }), weight: 1 },
      {
        arbitrary: fc.record({ untilDays: fc.integer({ min: 0, max: 4000 }), untilMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }) }),
        weight: 1,
      },
    ),
    wkst: fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
    byMonth: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }), { nil: undefined }),
    byMonthDay: fc.option(
      fc.uniqueArray(
        fc.integer({ min: -31, max: 31 }).filter((n) => n !== 0),
        { minLength: 1, maxLength: 4 },
      ),
      { nil: undefined },
    ),
    byDay: fc.oneof(
      fc.constant(undefined),
      fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 5 }),
      fc.uniqueArray(
        fc
          .tuple(
            fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0),
            fc.constantFrom(...DAYS),
          )
          .map(([n, day]) => `${n}${day}`),
        { minLength: 1, maxLength: 3 },
      ),
    ),
    // One position, positive or -1. The rest is left to the tests below, where rrule.js 2.8
    // departs from RFC 5545 (and python-dateutil): it picks the first day of a set smaller than a
    // negative position, returns (and counts) a day twice when two positions name it, and
    // misorders some sets of several positions.
    bySetPos: fc.option(
      fc
        .integer({ min: -1, max: 6 })
        .filter((n) => n !== 0)
        .map((n) => [n]),
      { nil: undefined },
    ),
    start: startArb,
  })
  .map(({ freq, interval, end, wkst, byMonth, byMonthDay, byDay, bySetPos, start }) => {
    const parts = [`FREQ=${freq}`];
    if (interval !== undefined) parts.push(`INTERVAL=${interval}`);
    if (end && "count" in end) parts.push(`COUNT=${end.count}`);
    if (end && "untilDays" in end) parts.push(`UNTIL=${compact(start + end.untilDays * DAY + end.untilMinute * 60_000)}`);
    if (wkst !== undefined) parts.push(`WKST=${wkst}`);
    if (byMonth) parts.push(`BYMONTH=${byMonth.join(",")}`);
    if (byMonthDay) parts.push(`BYMONTHDAY=${byMonthDay.join(",")}`);
    if (byDay) parts.push(`BYDAY=${byDay.join(",")}`);
    // BYSETPOS needs a set larger than one day to mean anything; rrule.js ignores it otherwise.
    // On a DAILY rule the set is one day: only 1 and -1 name it (the oracle walks to year 9999
    // looking for a rule that never matches).
    if (bySetPos && (byDay || byMonthDay) && (freq !== "DAILY" || Math.abs(bySetPos[0] ?? 0) === 1))
      parts.push(`BYSETPOS=${bySetPos.join(",")}`);
    return { rule: parts.join(";"), start };
  });

/**
 * Shapes RFC 5545 forbids (BYMONTHDAY or BYSETPOS in a WEEKLY rule, a BYDAY ordinal in a DAILY or
 * WEEKLY one): rrule.js is slow to walk them, and engine.grammar.property.test.ts and
 * engine.rfc-cases.test.ts cover them; here they would only slow the run.
 */
function forbidden(rule: string): boolean {
  return (
    (rule.startsWith("FREQ=WEEKLY") && /BYMONTHDAY|BYSETPOS/.test(rule)) || (/FREQ=(DAILY|WEEKLY)/.test(rule) && /BYDAY=[^;]*\d/.test(rule))
  );
}

function untilOf(rule: string): number | undefined {
  return RRule.parseString(rule).until?.getTime();
}

describe("the recurrence engine on the common rules", () => {
  it("gives rrule.js's starts over any window", () => {
    let compiled = 0;
    let sparse = 0;
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: -400, max: 4000 }), fc.integer({ min: 0, max: 800 }), ({ rule, start }, offset, length) => {
        if (forbidden(rule)) return;
        const engine = compileRule(rule, start, untilOf(rule));
        compiled++;
        const from = start + offset * DAY - 3_600_000;
        const to = from + length * DAY;
        // rrule.js walks to year 9999 after its last start before it returns: a rule with no
        // start after the window (an ended or an impossible one) would cost it seconds. Such
        // rules are covered below; here the oracle is asked only when a later start exists.
        if (engine.after(to, Number.POSITIVE_INFINITY) === undefined) {
          sparse++;
          return;
        }
        expect(engine.between(from, to)).toEqual(oracleBetween(rule, start, from, to));
      }),
      { numRuns: runs(1000) },
    );
    // The generator must exercise the engine, not only the sparse rules.
    expect(compiled).toBeGreaterThan(runs(1000) * 0.6);
    expect(sparse).toBeLessThan(compiled / 2);
  });

  it("gives rrule.js's first start after any time", () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: -100, max: 3000 }), ({ rule, start }, offset) => {
        if (forbidden(rule)) return;
        const engine = compileRule(rule, start, untilOf(rule));
        const at = start + offset * DAY;
        if (engine.after(at + 30 * 366 * DAY, Number.POSITIVE_INFINITY) === undefined) return; // see above
        // Bounded for the oracle: rrule.js walks to year 9999 looking for a rule that never matches.
        const horizon = at + 30 * 366 * DAY;
        const expected = oracleBetween(rule, start, at + 1, horizon)[0];
        const next = engine.after(at, Number.POSITIVE_INFINITY);
        if (expected === undefined) expect(next === undefined || next > horizon).toBe(true);
        else expect(next).toBe(expected);
      }),
      { numRuns: runs(400) },
    );
  });

  it("picks nothing for a BYSETPOS beyond the period's set, as RFC 5545 and python-dateutil do", () => {
    // python3-dateutil: rrulestr("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-5", dtstart=1996-01-01 08:00)
    // gives 1996-01-01 and 1996-04-01 up to July (the months with five Mondays); rrule.js 2.8 would
    // add the first Monday of every other month.
    const start = Date.UTC(1996, 0, 1, 8);
    const monthly = compileRule("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-5", start, undefined);
    expect(monthly?.between(start, Date.UTC(1996, 6, 1))).toEqual([start, Date.UTC(1996, 3, 1, 8)]);
    const single = compileRule("FREQ=MONTHLY;BYDAY=1MO;BYSETPOS=-2", start, undefined);
    expect(single?.between(start, Date.UTC(1996, 6, 1))).toEqual([]);
  });

  it("orders the days of several BYSETPOS positions before counting, as python-dateutil does", () => {
    // python3-dateutil gives [1999-03-27 00:00] for this rule; rrule.js 2.8 gives 1999-03-31.
    const start = Date.UTC(1996, 0, 1);
    const rule = compileRule("FREQ=YEARLY;COUNT=1;BYMONTH=3;BYMONTHDAY=-1,27;BYDAY=-1SA,5WE;BYSETPOS=2,3,1", start, undefined);
    expect(rule?.between(start, Date.UTC(2001, 0, 1))).toEqual([Date.UTC(1999, 2, 27)]);
  });

  it("gives a day that two BYSETPOS positions name once, and counts it once", () => {
    const start = Date.UTC(1996, 0, 1, 8);
    const rule = compileRule("FREQ=MONTHLY;COUNT=3;BYDAY=1MO;BYSETPOS=1,-1", start, undefined);
    expect(rule?.between(start, Date.UTC(1997, 0, 1))).toEqual([start, Date.UTC(1996, 1, 5, 8), Date.UTC(1996, 2, 4, 8)]);
  });

  it("stops at the cap", () => {
    const engine = compileRule("FREQ=DAILY", Date.UTC(2024, 0, 1, 8), undefined);
    expect(engine?.between(Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 31), 10)).toBeUndefined();
    expect(engine?.between(Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 10, 23), 10)).toHaveLength(10);
  });

  it("starts a late window at its own period, with the results of a walk from DTSTART", () => {
    const start = Date.UTC(1990, 0, 4, 8);
    for (const rule of [
      "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
      "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH",
      "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
      "FREQ=YEARLY;BYMONTH=7;BYDAY=2TU",
    ]) {
      const engine = compileRule(rule, start, undefined);
      const from = Date.UTC(2400, 2, 1);
      const to = Date.UTC(2401, 2, 1);
      expect(engine?.between(from, to)).toEqual(oracleBetween(rule, start, from, to));
    }
  });

  it("ends rules that never match instead of looping", () => {
    const engine = compileRule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", Date.UTC(2024, 0, 1), undefined);
    expect(engine?.after(Date.UTC(2024, 0, 1), Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(engine?.between(Date.UTC(2024, 0, 1), Date.UTC(9999, 0, 1))).toEqual([]);
  });

  it.each([
    "FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=SECONDLY;BYYEARDAY=366;BYMONTH=1",
    "FREQ=HOURLY;INTERVAL=2;BYHOUR=3",
    "FREQ=MINUTELY;INTERVAL=7;BYWEEKNO=53;BYDAY=MO;BYMONTH=6",
    "FREQ=SECONDLY;BYSECOND=60",
  ])("ends the sub-daily rule %s that never matches in bounded time, its periods spent from the budget", (rule) => {
    const start = Date.UTC(2024, 0, 1);
    const started = performance.now();
    expect(compileRule(rule, start, undefined).between(start, Date.UTC(2034, 0, 1))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
    const walk = () => compileRule(rule, start, undefined, stepBudget(1000)).between(start, Date.UTC(2034, 0, 1));
    // BYSECOND=60 alone leaves no time in any period: there is nothing to walk.
    if (rule.endsWith("BYSECOND=60")) expect(walk()).toEqual([]);
    else expect(walk).toThrow(BudgetExceeded);
  });

  it("counts days from 1970 like the proleptic Gregorian calendar", () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2000, 2, 29],
      [1600, 3, 1],
      [2400, 12, 31],
      [1, 1, 1],
    ] as const) {
      const date = new Date(0);
      date.setUTCFullYear(y, m - 1, d);
      expect(epochDay(y, m, d)).toBe(Math.round(date.getTime() / DAY));
    }
  });
});
