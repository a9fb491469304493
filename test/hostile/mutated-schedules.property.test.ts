import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { safeCheckSchedule } from "../../src/check";
import { LichhopError } from "../../src/errors";
import { buildFeeds } from "../../src/ical/feeds";
import { safeParseSchedule } from "../../src/load/parse";
import type { Lang } from "../../src/messages";
import { formatReportText } from "../../src/report/text";
import { runs } from "../helpers/runs";

// Slow on purpose (it spawns the built CLI on mutated files): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

// The run count follows the one setting of every property test (LICHHOP_PROPERTY_RUNS=10 for a
// long run); the CLI property spawns a process per run and takes a tenth of it. The seed is
// fixed; LICHHOP_FUZZ_SEED replays another.
const RUNS = runs(200);
const CLI_RUNS = Math.max(1, Math.round(RUNS / 10));
const SEED = Number(process.env.LICHHOP_FUZZ_SEED ?? 20_240_104);

const CLI = join(__dirname, "../../dist/cli.js");
const STAMP = Date.UTC(2024, 0, 1);

/** Raw characters that must never reach a text report: C0 but "\n", DEL, C1, bidi controls, LS/PS. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const EXAMPLE = readFileSync(join(__dirname, "../../examples/lang-son-2024.yaml"), "utf8");

const SMALL = `version: 1
timezone: Europe/London
locale: en
horizon: { from: 2024-03-01, to: 2024-04-30 }
calendar: { holidays: vn, workingHours: { days: [MO, TU, WE, TH, FR], periods: ["08:00-12:00", "13:00-17:00"] } }
bodies:
  - { id: hdnd, name: HĐND, groups: [council] }
  - { id: ubnd, name: UBND }
people:
  - { id: an, name: An, bodies: [hdnd] }
  - { id: binh, name: Bình, email: binh@example.org }
rooms: [{ id: p1, name: Phòng 1 }]
meetings:
  - id: weekly
    title: Weekly briefing
    body: hdnd
    start: 2024-03-04T08:00
    duration: PT1H30M
    repeat: FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20240430T000000Z
    except: [2024-03-07]
    extra: [2024-03-09T10:00]
    changes:
      - { occurrence: 2024-03-11T08:00, start: 2024-03-11T09:00, end: 2024-03-11T11:00, room: p1 }
      - { occurrence: 2024-03-14, cancelled: true }
    attendees: [an, binh]
    room: p1
    onDayOff: next-working-day
  - { id: dst, title: Across the change, body: ubnd, start: 2024-03-31T00:30, end: 2024-03-31T03:30, attendees: [an], room: p1 }
  - { id: session, title: Session, bodies: [hdnd, ubnd], start: 2024-04-02, end: 2024-04-03, attendees: [an, binh] }
rules:
  - { id: apart, title: Apart, kind: no-overlap, between: [{ groups: [council] }, { bodies: [ubnd] }], minGap: PT30M, scope: half-day }
  - { id: monthly, title: Monthly, kind: cadence, meetings: [weekly], per: month, min: 1, max: 12 }
  - { id: lead, title: Lead, kind: lead-time, before: { meetings: [weekly] }, target: { meetings: [session] }, min: P1D, max: P30D }
checks: { attendee: error, room: warning, dayOff: warning, workingHours: warning }
`;

const ANCHORS = `version: 1
timezone: Asia/Ho_Chi_Minh
horizon: { from: 2024-01-01, to: 2024-02-29 }
bodies: [{ id: ubnd, name: "UBND tỉnh" }]
people: [{ id: a, name: A }, { id: b, name: B }]
rooms: [{ id: r, name: R }]
meetings:
  - &base
    id: m1
    title: "Họp \\u0001 giao ban"
    body: ubnd
    start: 2024-01-02T08:00
    end: 2024-01-02T09:00
    repeat: FREQ=DAILY;INTERVAL=2;COUNT=20
    attendees: &who [a, b]
    room: r
  - id: m2
    title: 'Họp ''hai'''
    body: ubnd
    start: 2024-01-03T08:30
    duration: PT1H
    repeat: FREQ=WEEKLY;BYDAY=WE,FR
    attendees: *who
    room: r
  - { id: m3, title: Cả ngày, body: ubnd, start: 2024-01-15, duration: P2D, timezone: America/New_York, attendees: [a] }
`;

const JSON_SCHEDULE = JSON.stringify(
  {
    version: 1,
    horizon: { from: "2024-05-01", to: "2024-05-31" },
    bodies: [{ id: "b", name: "B" }],
    people: [{ id: "p", name: "P" }],
    meetings: [
      {
        id: "x",
        title: "X",
        body: "b",
        start: "2024-05-06T14:00",
        duration: "PT2H",
        repeat: "FREQ=MONTHLY;BYDAY=1MO,-1FR",
        attendees: ["p"],
      },
      { id: "y", title: "Y", body: "b", start: "2024-05-06T15:00", end: "2024-05-06T16:00", attendees: ["p"] },
    ],
  },
  null,
  2,
);

const SEEDS = [EXAMPLE, SMALL, ANCHORS, JSON_SCHEDULE];

const BYSECONDS = Array.from({ length: 60 }, (_, i) => i).join(",");

/** Values put in place of a scalar, as YAML source text. */
const HOSTILE_VALUES = [
  "1e308",
  "-1",
  "99999999999",
  "0x7fffffff",
  ".nan",
  "-.inf",
  "P999999999D",
  "P9999999W",
  "PT0S",
  "FREQ=SECONDLY",
  "FREQ=MINUTELY",
  `"FREQ=MINUTELY;BYSECOND=${BYSECONDS}"`,
  "FREQ=HOURLY;BYMINUTE=0,15,30,45;BYSECOND=0,30",
  "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
  "FREQ=DAILY;COUNT=99999999999",
  "FREQ=DAILY;UNTIL=99991231T235959Z",
  "FREQ=MONTHLY;BYSETPOS=-366;BYDAY=MO",
  "FREQ=WEEKLY;INTERVAL=0",
  `"FREQ=DAILY${";".repeat(2_000)}"`,
  "0001-01-01",
  "9999-12-31",
  "0001-01-01T00:00",
  "9999-12-31T23:59:59",
  "1900-01-01T00:00",
  "2100-12-31",
  "2024-02-30",
  "2024-13-45T25:61",
  "Mars/Olympus",
  "Etc/GMT+14",
  '"\\0"',
  '"\\e[2J\\e]0;x\\a"',
  '"\\u202Egnal"',
  '"a\\nb\\r\\nc"',
  '"\\u2028\\u0085\\x9b"',
  "&a x",
  "*a",
  "*nowhere",
  "&a [1, *a]",
  "null",
  "~",
  "[]",
  "{}",
  "[[[[[[]]]]]]",
  "true",
  "''",
  '"\uFEFF"',
  "Ὡ̸̢͙̬e\u0301",
  "🙂🙂",
  `'${"x".repeat(10_000)}'`,
  `"${"đ".repeat(10_000)}"`,
  `${"a-".repeat(5_000)}a`,
  "!!binary AAAA",
  "!!js/function 'return 1'",
  "? complex",
  "|\n  block\n  text",
];

const RRULES = [
  "FREQ=SECONDLY",
  "FREQ=MINUTELY",
  `"FREQ=MINUTELY;BYSECOND=${BYSECONDS}"`,
  `"FREQ=DAILY;BYHOUR=${Array.from({ length: 24 }, (_, i) => i).join(",")};BYMINUTE=0,30"`,
  "FREQ=HOURLY;INTERVAL=7",
  "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
  "FREQ=YEARLY;BYWEEKNO=53;BYDAY=SU",
  "FREQ=YEARLY;BYYEARDAY=-366,366",
  "FREQ=MONTHLY;BYMONTHDAY=-31,31",
  "FREQ=MONTHLY;BYSETPOS=-1,1;BYDAY=MO,TU,WE,TH,FR",
  "FREQ=WEEKLY;INTERVAL=1000",
  "FREQ=WEEKLY;BYDAY=MO;WKST=SU;COUNT=99999999",
  "FREQ=DAILY;UNTIL=21001231T235959Z",
  "FREQ=DAILY;UNTIL=19000101",
  "FREQ=DAILY;COUNT=0",
  "RRULE:FREQ=DAILY",
  "freq=daily;byday=mo",
];

const WALL_TIMES = [
  "1900-01-01T00:00",
  "2100-12-31T23:59:59",
  "1900-01-01",
  "2100-12-31",
  "2024-03-31T01:30",
  "2024-10-27T01:30",
  "2024-03-10T02:30",
  "2024-11-03T01:30",
  "2024-02-29",
  "2024-01-01T00:00:00",
  "2023-12-31T23:59",
  "2024-12-31T23:59:59",
  "2024-06-15T12:00",
];

const DURATIONS = ["P366D", "P367D", "PT0S", "P52W", "PT1S", "PT8784H", "PT527040M", "P1W2DT3H4M5S", "P0W", "PT99999999999S"];

const ZONES = [
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Australia/Lord_Howe",
  "America/St_Johns",
  "Asia/Kathmandu",
  "Europe/London",
  "Etc/GMT+12",
  "UTC",
  "asia/ho_chi_minh",
  "Europe/Kyiv",
];

/** Ids that are never declared; an id field otherwise takes an id of its own file. */
const IDS = ["nobody", "x".repeat(64), "y".repeat(65)];

const TEXTS = [
  '"\\0\\x01\\e[2J\\a"',
  '"\\u202E\\u2066x\\u2069"',
  '"a\\nb\\r\\n::error::c"',
  '"\\u2028\\u0085\\x9b"',
  "🙂 Họp",
  `'${"x".repeat(10_000)}'`,
  '"e\\u0301\\u0000"',
];

/** Values for a field by its key; fields not listed take {@link HOSTILE_VALUES}. */
const POOLS: Record<string, readonly string[]> = {
  repeat: RRULES,
  start: WALL_TIMES,
  end: WALL_TIMES,
  occurrence: WALL_TIMES,
  except: WALL_TIMES,
  extra: WALL_TIMES,
  from: WALL_TIMES.filter((time) => !time.includes("T")),
  to: WALL_TIMES.filter((time) => !time.includes("T")),
  daysOff: WALL_TIMES.filter((time) => !time.includes("T")),
  duration: DURATIONS,
  minGap: DURATIONS,
  timezone: ZONES,
  title: TEXTS,
  name: TEXTS,
  description: TEXTS,
  location: TEXTS,
  id: IDS,
  body: IDS,
  bodies: IDS,
  attendees: IDS,
  room: IDS,
  groups: IDS,
  meetings: IDS,
  tags: IDS,
  min: [...DURATIONS, "0", "99999999999", "-1"],
  max: [...DURATIONS, "0", "99999999999"],
  per: ["week", "month", "quarter", "year", "day"],
  scope: ["exact", "half-day", "day", "week"],
  onDayOff: ["keep", "skip", "next-working-day", "previous-working-day", "never"],
  periods: ['"00:00-24:00"', '"23:59-00:00"', '"07:30-11:30"', '"12:00-12:00"'],
  days: ["MO", "SU", "XX"],
};

const ID_KEYS = new Set(["id", "body", "bodies", "attendees", "room", "groups", "meetings", "tags"]);

/** Whole lines inserted as they are. */
const HOSTILE_LINES = [
  "extra: [&a x, *a, *a]",
  "  - { id: z, title: Z, body: ubnd, start: 2024-01-01T00:00, duration: PT1S, repeat: FREQ=SECONDLY }",
  "  - { id: w, title: W, body: hdnd, start: 1900-01-01T00:00, duration: PT1H, repeat: FREQ=HOURLY }",
  `  - { id: m, title: M, body: ubnd, start: 2024-01-01T08:00, duration: PT1M, repeat: "FREQ=MINUTELY;BYSECOND=${BYSECONDS}" }`,
  "<<: *a",
  "---",
  "...",
  "%YAML 1.1",
  "\t- tab",
  "horizon: { from: 1000-01-01, to: 9999-12-31 }",
  "horizon: { from: 2024-01-01, to: 2033-12-31 }",
  "checks: { workingHours: off, dayOff: off, attendee: false, room: off }",
  "timezone: America/New_York",
  "locale: fr",
  "calendar: { holidays: none, daysOff: [0001-01-01, 9999-12-31] }",
  "# \u0000 \u001b \u202e",
];

const RAW_CHARS = [
  "\u0000",
  "\u001b",
  "\u202e",
  "\n",
  "\r",
  "\t",
  "\u0085",
  "\u2028",
  "\uFEFF",
  "\uD800",
  '"',
  "'",
  "&",
  "*",
  "{",
  "[",
  ":",
  "#",
  "|",
  ">",
];

type Mutation =
  | { readonly kind: "drop" | "dup"; readonly at: number }
  | { readonly kind: "swap"; readonly at: number; readonly other: number }
  | { readonly kind: "scalar"; readonly at: number; readonly value: string }
  | { readonly kind: "field" | "repeat"; readonly at: number; readonly pick: number }
  | { readonly kind: "indent"; readonly at: number; readonly delta: number }
  | { readonly kind: "insert"; readonly at: number; readonly line: string }
  | { readonly kind: "raw"; readonly at: number; readonly char: string }
  | { readonly kind: "truncate"; readonly at: number };

const index = fc.nat({ max: 1_000_000 });
// Weighted so that about half the files still parse: a structural mutation mostly ends in a YAML
// syntax error, a replaced scalar reaches validation, expansion and the checks.
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 16, arbitrary: fc.record({ kind: fc.constant("field" as const), at: index, pick: index }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("repeat" as const), at: index, pick: index }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("scalar" as const), at: index, value: fc.constantFrom(...HOSTILE_VALUES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom("drop" as const, "dup" as const), at: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: index, line: fc.constantFrom(...HOSTILE_LINES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("swap" as const), at: index, other: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("indent" as const), at: index, delta: fc.integer({ min: -4, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("raw" as const), at: index, char: fc.constantFrom(...RAW_CHARS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: index }) },
);

/**
 * The values of `key: value` pairs and `- item`s of one line, as [start, end) offsets, each with
 * the nearest key before it on the line (JSON's quoted keys too).
 */
function scalarSpans(line: string): [number, number, string][] {
  const spans: [number, number, string][] = [];
  for (const match of line.matchAll(/(?::\s+|^\s*-\s+|\[\s*|,\s*)(?!"?[\w-]+"?:\s)([^\s,{}[\]#][^,{}[\]\n#]*?)(?=\s*(?:,|\}|\]|$|\s#))/g)) {
    const start = (match.index ?? 0) + match[0].length - (match[1] as string).length;
    const keys = [...line.slice(0, start).matchAll(/"?([A-Za-z]+)"?:\s/g)];
    spans.push([start, start + (match[1] as string).length, keys[keys.length - 1]?.[1] ?? ""]);
  }
  return spans;
}

function mutate(text: string, mutation: Mutation): string {
  const lines = text.split("\n");
  const at = mutation.at % Math.max(1, lines.length);
  const line = lines[at] ?? "";
  switch (mutation.kind) {
    case "drop":
      lines.splice(at, 1);
      break;
    case "dup":
      lines.splice(at, 0, line);
      break;
    case "swap": {
      const other = mutation.other % Math.max(1, lines.length);
      lines[at] = lines[other] ?? "";
      lines[other] = line;
      break;
    }
    case "scalar":
    case "field":
    case "repeat": {
      // The at-th scalar of the whole file (or its at-th rule), so that every replacement hits a
      // value; a field takes a value of its own kind (a rule, a time, a duration, a zone, an id
      // of the same file, a text).
      const spans = lines
        .flatMap((text, row) => scalarSpans(text).map(([start, end, key]) => ({ row, start, end, key })))
        .filter((span) => mutation.kind !== "repeat" || span.key === "repeat");
      const span = spans[mutation.at % Math.max(1, spans.length)];
      if (!span) break;
      const ids = ID_KEYS.has(span.key) ? [...text.matchAll(/"?\bid"?: "?([a-z0-9-]+)/g)].map((match) => match[1] as string) : [];
      const pool = [...(POOLS[span.key] ?? HOSTILE_VALUES), ...ids, ...ids];
      const value = mutation.kind === "scalar" ? mutation.value : (pool[mutation.pick % pool.length] as string);
      const target = lines[span.row] as string;
      lines[span.row] = target.slice(0, span.start) + value + target.slice(span.end);
      break;
    }
    case "indent":
      lines[at] = mutation.delta >= 0 ? " ".repeat(mutation.delta) + line : line.replace(new RegExp(`^ {0,${-mutation.delta}}`), "");
      break;
    case "insert":
      lines.splice(at, 0, mutation.line);
      break;
    case "raw": {
      const offset = mutation.at % Math.max(1, text.length);
      return text.slice(0, offset) + mutation.char + text.slice(offset);
    }
    case "truncate":
      return text.slice(0, mutation.at % Math.max(1, text.length));
  }
  return lines.join("\n");
}

const mutatedArb: fc.Arbitrary<string> = fc
  .record({ seed: fc.constantFrom(...SEEDS.keys()), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) })
  .map(({ seed, mutations }) => mutations.reduce(mutate, SEEDS[seed] as string));

/** Runs `fn`; an exception other than a {@link LichhopError} fails the property with its stack. */
function onlyLichhopErrors(what: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof LichhopError) return;
    throw new Error(`${what} threw ${(error as Error)?.name}: ${(error as Error)?.message}\n${(error as Error)?.stack ?? ""}`);
  }
}

// Limits lowered for the library property: the limit paths are walked more often and each run
// stays short; the CLI property runs with the defaults.
const LIMITS = { occurrencesPerSeries: 5_000, occurrences: 10_000, conflicts: 2_000, ruleSteps: 200_000 };

describe("mutated schedule files never crash lichhop", () => {
  it("every seed file loads and checks before it is mutated", () => {
    for (const text of SEEDS) {
      const parsed = safeParseSchedule(text, { filename: "seed.yaml" });
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      if (parsed.ok) expect(safeCheckSchedule(parsed.schedule, { limits: LIMITS }).ok).toBe(true);
    }
  });

  it(
    "the library: parse never throws; check and feeds throw only LichhopError; text reports hold no raw control characters",
    () => {
      fc.assert(
        fc.property(mutatedArb, fc.constantFrom<Lang>("vi", "en"), fc.boolean(), (text, lang, expand) => {
          const parsed = safeParseSchedule(text, { filename: "mutated.yaml", lang });
          if (!parsed.ok) {
            expect(parsed.issues.length).toBeGreaterThan(0);
            return;
          }
          onlyLichhopErrors("safeCheckSchedule or buildFeeds", () => {
            const result = safeCheckSchedule(parsed.schedule, { lang, limits: LIMITS });
            if (!result.ok) {
              expect(result.issues.length).toBeGreaterThan(0);
              return;
            }
            const report = formatReportText(result.report, lang);
            expect(report, JSON.stringify(RAW.exec(report)?.[0])).not.toMatch(RAW);
            for (const feed of buildFeeds(parsed.schedule, result, { stamp: STAMP, lang, expand })) expect(typeof feed.ics).toBe("string");
          });
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    30_000 + RUNS * 100,
  );

  describe("the CLI", () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-mutated-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it(
      "check --format json exits 0, 1 or 2, with JSON on stdout and no stack trace",
      () => {
        const file = join(dir, "mutated.yaml");
        fc.assert(
          fc.property(
            mutatedArb,
            fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { nil: undefined }),
            (text, badByte) => {
              let bytes = Buffer.from(text, "utf8");
              // Sometimes one stray byte: a file that is not UTF-8.
              if (badByte)
                bytes = Buffer.concat([
                  bytes.subarray(0, badByte[0] % (bytes.length + 1)),
                  Buffer.from([badByte[1]]),
                  bytes.subarray(badByte[0] % (bytes.length + 1)),
                ]);
              writeFileSync(file, bytes);
              const run = spawnSync(process.execPath, [CLI, "check", file, "--format", "json"], {
                encoding: "utf8",
                maxBuffer: 256 * 1024 * 1024,
              });
              const where = `exit ${run.status}, signal ${run.signal}\n${run.stderr.slice(0, 2_000)}`;
              expect(run.signal, where).toBeNull();
              expect([0, 1, 2], where).toContain(run.status);
              expect(run.stderr, where).not.toMatch(/^ {4}at /m);
              expect(run.stderr, where).not.toContain("internal error");
              const output = JSON.parse(run.stdout) as { version?: unknown; errors?: unknown };
              expect(output.version).toBe(1);
              if (run.status === 2) expect(Array.isArray(output.errors), run.stdout.slice(0, 2_000)).toBe(true);
            },
          ),
          { seed: SEED, numRuns: CLI_RUNS },
        );
      },
      30_000 + CLI_RUNS * 3_000,
    );
  });
});
