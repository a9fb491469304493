import { describe, expect, it } from "vitest";
import { expandSchedule } from "../../src/expand";
import { UNBOUNDED } from "../../src/limits";
import { validateSchedule } from "../../src/load/parse";
import { buildRecurrence } from "../../src/recurrence/series";
import { zoneClock } from "../../src/time/zone";
import { dateutilExpand, hasDateutil } from "../helpers/dateutil";
import { RRule } from "../helpers/rrule";

// Where the two oracles (rrule.js 2.8.1, python-dateutil 2.8.2) depart from RFC 5545 or from each
// other, or where the RFC leaves a choice: each case, what lichhop does and why. The oracles'
// answers are recorded beside ours and checked again below, so the table stays true.

const at = (text: string) => Date.parse(`${text}Z`);
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

interface RuleCase {
  /** The case, and the decision. */
  readonly name: string;
  readonly rule: string;
  /** DTSTART and the window, local wall times. */
  readonly start: string;
  readonly from: string;
  readonly to: string;
  /** lichhop's starts, local wall times. */
  readonly lichhop: readonly string[];
  /** rrule.js's (floating), or why it is not asked. */
  readonly rrulejs: readonly string[] | { readonly never: string };
  /** python-dateutil's (naive), its error, or why it is not asked. */
  readonly dateutil: readonly string[] | { readonly error: string } | { readonly never: string };
}

const RULE_CASES: readonly RuleCase[] = [
  {
    name: "BYDAY mixing plain weekdays and ordinals: every Monday and the first Tuesday (RFC 5545: each BYDAY value names days); both oracles intersect the two and give nothing (each walks on to year 9999 for it, longer than a test here waits)",
    rule: "FREQ=MONTHLY;BYDAY=MO,1TU",
    start: "2024-01-01T08:00:00",
    from: "2024-01-01T00:00:00",
    to: "2024-01-31T23:59:59",
    lichhop: [
      "2024-01-01T08:00:00",
      "2024-01-02T08:00:00",
      "2024-01-08T08:00:00",
      "2024-01-15T08:00:00",
      "2024-01-22T08:00:00",
      "2024-01-29T08:00:00",
    ],
    rrulejs: { never: "gives nothing, after walking on to year 9999 (seconds here)" },
    dateutil: { never: "gives nothing, after walking on to year 9999 (a second or more here)" },
  },
  {
    name: "BYWEEKNO=53 after a year of 52 weeks: 2022-01-02 is a Sunday of 2021-W52, so not week 53 (ISO 8601, as RFC 5545 says); both oracles count it as week 53",
    rule: "FREQ=YEARLY;COUNT=3;BYWEEKNO=53;BYDAY=SU",
    start: "2021-06-01T08:00:00",
    from: "2021-06-01T00:00:00",
    to: "2040-01-01T00:00:00",
    lichhop: ["2027-01-03T08:00:00", "2033-01-02T08:00:00", "2038-01-03T08:00:00"],
    rrulejs: ["2022-01-02T08:00:00", "2027-01-03T08:00:00", "2033-01-02T08:00:00"],
    dateutil: ["2022-01-02T08:00:00", "2027-01-03T08:00:00", "2033-01-02T08:00:00"],
  },
  {
    name: "a negative BYWEEKNO naming week 1 of the next week-based year (-53 of 2026 is 2026-W01, which starts on 2025-12-29): that Monday, in the year 2025; both oracles look at the next year's weeks for 1 only",
    rule: "FREQ=YEARLY;COUNT=2;BYWEEKNO=-53;BYDAY=MO",
    start: "2025-01-01T08:00:00",
    from: "2025-01-01T00:00:00",
    to: "2040-01-01T00:00:00",
    lichhop: ["2025-12-29T08:00:00", "2031-12-29T08:00:00"],
    rrulejs: [],
    dateutil: [],
  },
  {
    name: "BYSECOND=60, a leap second: civil time here (as JavaScript's and the tz database's) has none, so it is no time of any period and is ignored (RFC 5545: an invalid time MUST be ignored); rrule.js gives the next minute twice, dateutil refuses the rule",
    rule: "FREQ=MINUTELY;COUNT=3;BYSECOND=0,60",
    start: "2024-01-01T08:00:00",
    from: "2024-01-01T00:00:00",
    to: "2024-01-02T00:00:00",
    lichhop: ["2024-01-01T08:00:00", "2024-01-01T08:01:00", "2024-01-01T08:02:00"],
    rrulejs: ["2024-01-01T08:00:00", "2024-01-01T08:01:00", "2024-01-01T08:01:00"],
    dateutil: { error: "second must be in 0..59" },
  },
  {
    name: "BYHOUR written out of order is the same set (RFC 5545 lists are sets), as dateutil reads it; rrule.js takes the hours in the order written and ends the window at the first one past it",
    rule: "FREQ=MONTHLY;BYDAY=MO;BYHOUR=1,0",
    start: "1998-01-01T00:00:00",
    from: "1997-12-31T23:00:00",
    to: "1998-01-05T00:00:00",
    lichhop: ["1998-01-05T00:00:00"],
    rrulejs: [],
    dateutil: ["1998-01-05T00:00:00"],
  },
  {
    name: "MINUTELY with BYHOUR and a part that rules out days, from a day it rules out: the walk skips to the next day that passes (and spends its periods from the budget); rrule.js never returns, dateutil agrees with lichhop",
    rule: "FREQ=MINUTELY;COUNT=3;BYMONTH=4;BYHOUR=8",
    start: "2003-03-12T21:30:30",
    from: "2003-03-12T00:00:00",
    to: "2003-05-01T00:00:00",
    lichhop: ["2003-04-01T08:00:30", "2003-04-01T08:01:30", "2003-04-01T08:02:30"],
    rrulejs: { never: "rrule.js 2.8.1 loops without end" },
    dateutil: ["2003-04-01T08:00:30", "2003-04-01T08:01:30", "2003-04-01T08:02:30"],
  },
  {
    name: "BYSETPOS in a WEEKLY rule counts the whole first week from WKST (RFC 5545: a set starts at the beginning of the interval), so Monday 1997-12-29 is its first; both oracles count that week from DTSTART",
    rule: "FREQ=WEEKLY;COUNT=3;BYDAY=MO,FR;BYSETPOS=1",
    start: "1998-01-01T00:00:00",
    from: "1997-12-01T00:00:00",
    to: "1998-02-01T00:00:00",
    lichhop: ["1998-01-05T00:00:00", "1998-01-12T00:00:00", "1998-01-19T00:00:00"],
    rrulejs: ["1998-01-02T00:00:00", "1998-01-05T00:00:00", "1998-01-12T00:00:00"],
    dateutil: ["1998-01-02T00:00:00", "1998-01-05T00:00:00", "1998-01-12T00:00:00"],
  },
  {
    name: "an ordinal BYDAY in a WEEKLY rule (RFC 5545 forbids it): read as the plain weekday, as both oracles read it",
    rule: "FREQ=WEEKLY;COUNT=3;BYDAY=1MO",
    start: "2024-01-01T08:00:00",
    from: "2024-01-01T00:00:00",
    to: "2024-02-01T00:00:00",
    lichhop: ["2024-01-01T08:00:00", "2024-01-08T08:00:00", "2024-01-15T08:00:00"],
    rrulejs: ["2024-01-01T08:00:00", "2024-01-08T08:00:00", "2024-01-15T08:00:00"],
    dateutil: ["2024-01-01T08:00:00", "2024-01-08T08:00:00", "2024-01-15T08:00:00"],
  },
];

interface ZoneCase {
  readonly name: string;
  readonly rule: string;
  readonly zone: string;
  readonly start: string;
  readonly to: string;
  /** lichhop's starts as instants (UTC), from `expandSchedule`. */
  readonly lichhop: readonly string[];
  /** python-dateutil's, its local times read as RFC 5545 §3.3.5 reads them, where they differ. */
  readonly dateutil?: readonly string[];
  /** What counting the period in elapsed time would give instead (not done: see the name). */
  readonly elapsed: readonly string[];
}

// Sub-daily frequencies across DST changes. RFC 5545 does not say whether HOURLY counts hours of
// the local clock or of elapsed time. lichhop counts the local clock, as it does for every other
// frequency and as rrule.js, python-dateutil and ical.js do: an occurrence is named by its local
// start (the feeds' RECURRENCE-ID;TZID=…), which cannot tell the two 01:30s of a fold apart, and
// the calendar programs that read the feeds expand the same RRULE on the local clock. A local
// time in a gap is read with the offset before it (moved forward by the gap, RFC 5545 §3.3.5, as
// for the other frequencies); when that lands on the instant of another start of the series, the
// series keeps the start whose local time exists (RFC 5545 §3.3.10 ignores a nonexistent one).
const ZONE_CASES: readonly ZoneCase[] = [
  {
    name: "HOURLY over New York's spring gap: 02:00 does not exist, and moved forward it would be 03:00 EDT, the 03:00 start: once (dateutil and rrule.js give it twice)",
    rule: "FREQ=HOURLY;COUNT=5",
    zone: "America/New_York",
    start: "2024-03-10T00:00:00",
    to: "2024-03-11T00:00:00",
    lichhop: ["2024-03-10T05:00:00Z", "2024-03-10T06:00:00Z", "2024-03-10T07:00:00Z", "2024-03-10T08:00:00Z"],
    dateutil: ["2024-03-10T05:00:00Z", "2024-03-10T06:00:00Z", "2024-03-10T07:00:00Z", "2024-03-10T07:00:00Z", "2024-03-10T08:00:00Z"],
    elapsed: ["2024-03-10T05:00:00Z", "2024-03-10T06:00:00Z", "2024-03-10T07:00:00Z", "2024-03-10T08:00:00Z", "2024-03-10T09:00:00Z"],
  },
  {
    name: "HOURLY over New York's autumn fold: 01:00 is the first (EDT) one, and the hour 01:00 EST has no start",
    rule: "FREQ=HOURLY;COUNT=4",
    zone: "America/New_York",
    start: "2024-11-03T00:00:00",
    to: "2024-11-04T00:00:00",
    lichhop: ["2024-11-03T04:00:00Z", "2024-11-03T05:00:00Z", "2024-11-03T07:00:00Z", "2024-11-03T08:00:00Z"],
    elapsed: ["2024-11-03T04:00:00Z", "2024-11-03T05:00:00Z", "2024-11-03T06:00:00Z", "2024-11-03T07:00:00Z"],
  },
  {
    name: "HOURLY over Lord Howe's half-hour spring change: the starts stay on the hour of the local clock (02:00 moves forward by the 30-minute gap)",
    rule: "FREQ=HOURLY;COUNT=4",
    zone: "Australia/Lord_Howe",
    start: "2024-10-06T00:00:00",
    to: "2024-10-07T00:00:00",
    lichhop: ["2024-10-05T13:30:00Z", "2024-10-05T14:30:00Z", "2024-10-05T15:30:00Z", "2024-10-05T16:00:00Z"],
    elapsed: ["2024-10-05T13:30:00Z", "2024-10-05T14:30:00Z", "2024-10-05T15:30:00Z", "2024-10-05T16:30:00Z"],
  },
  {
    name: "MINUTELY;INTERVAL=30 over Berlin's autumn fold: 02:00 and 02:30 are the CEST ones, then 03:00 CET",
    rule: "FREQ=MINUTELY;INTERVAL=30;COUNT=4",
    zone: "Europe/Berlin",
    start: "2024-10-27T02:00:00",
    to: "2024-10-28T00:00:00",
    lichhop: ["2024-10-27T00:00:00Z", "2024-10-27T00:30:00Z", "2024-10-27T02:00:00Z", "2024-10-27T02:30:00Z"],
    elapsed: ["2024-10-27T00:00:00Z", "2024-10-27T00:30:00Z", "2024-10-27T01:00:00Z", "2024-10-27T01:30:00Z"],
  },
  {
    name: "HOURLY in Asia/Ho_Chi_Minh (+07:00 since 1975): every hour, nothing to decide",
    rule: "FREQ=HOURLY;INTERVAL=5;COUNT=3",
    zone: "Asia/Ho_Chi_Minh",
    start: "2024-03-10T22:00:00",
    to: "2024-03-12T00:00:00",
    lichhop: ["2024-03-10T15:00:00Z", "2024-03-10T20:00:00Z", "2024-03-11T01:00:00Z"],
    elapsed: ["2024-03-10T15:00:00Z", "2024-03-10T20:00:00Z", "2024-03-11T01:00:00Z"],
  },
];

function lichhopWalls(rule: string, start: string, from: string, to: string): string[] {
  const clock = zoneClock("UTC");
  const walls = buildRecurrence(rule, at(start), false, clock, UNBOUNDED).between(at(from), at(to)) ?? [];
  return walls.map((wall) => iso(wall).slice(0, 19));
}

describe("RFC 5545 cases where the oracles depart from the RFC or each other", () => {
  it.each(RULE_CASES)("$name", (c) => {
    expect(lichhopWalls(c.rule, c.start, c.from, c.to)).toEqual(c.lichhop);
  });

  it.each(RULE_CASES.filter((c) => Array.isArray(c.rrulejs)))("rrule.js still answers as recorded: $rule", (c) => {
    const rule = new RRule({ ...RRule.parseString(c.rule), dtstart: new Date(at(c.start)), tzid: null }, true);
    expect(rule.between(new Date(at(c.from)), new Date(at(c.to)), true).map((date) => iso(date.getTime()).slice(0, 19))).toEqual(c.rrulejs);
  });

  it.skipIf(!hasDateutil() && process.env.CI === undefined)("python-dateutil still answers as recorded", () => {
    const asked = RULE_CASES.filter((c) => !("never" in c.dateutil));
    const results = dateutilExpand(asked.map((c) => ({ rule: c.rule, start: c.start, zone: "UTC", from: c.from, to: c.to })));
    expect(results.map((result) => (Array.isArray(result) ? result.map((ms) => iso(ms).slice(0, 19)) : result))).toEqual(
      asked.map((c) => c.dateutil),
    );
  });
});

describe("sub-daily frequencies across DST changes count the local clock", () => {
  it.each(ZONE_CASES)("$name", (c) => {
    const schedule = validateSchedule({
      version: 1,
      timezone: c.zone,
      horizon: { from: c.start.slice(0, 10), to: c.to.slice(0, 10) },
      bodies: [{ id: "b", name: "B" }],
      meetings: [{ id: "m", title: "M", body: "b", start: c.start.slice(0, 16), duration: "PT1M", repeat: c.rule }],
    });
    expect(expandSchedule(schedule).map((o) => iso(o.start))).toEqual(c.lichhop);
    // A fixed-offset zone is the same on either reading; the others are not.
    if (c.zone === "Asia/Ho_Chi_Minh") expect(c.lichhop).toEqual(c.elapsed);
    else expect(c.lichhop).not.toEqual(c.elapsed);
  });

  it.skipIf(!hasDateutil() && process.env.CI === undefined)(
    "as python-dateutil does, its local times read as RFC 5545 §3.3.5 reads them",
    () => {
      const results = dateutilExpand(ZONE_CASES.map((c) => ({ rule: c.rule, start: c.start, zone: c.zone, from: c.start, to: c.to })));
      expect(results.map((result) => (Array.isArray(result) ? result.map(iso) : result))).toEqual(
        ZONE_CASES.map((c) => c.dateutil ?? c.lichhop),
      );
    },
  );
});
