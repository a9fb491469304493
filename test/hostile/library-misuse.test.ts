// Misusing the library gave TypeErrors from deep inside, not lichhop errors: checkSchedule with a
// raw object, null or { lang: "fr" }; parseSchedule(Buffer); formatGithub({}); diffReports(null,
// null); mergeSchedules([]) threw with an empty message; a repeat changed after parsing threw
// rrule.js's own Error. Every public function now checks its arguments.
import { describe, expect, it } from "vitest";
import {
  buildFeeds,
  checkSchedule,
  diffReports,
  expandSchedule,
  formatGithub,
  formatIssuesGithub,
  formatJunit,
  formatReportText,
  formatSarif,
  LichhopError,
  mergeSchedules,
  parseSchedule,
  reportOccurrences,
  safeCheckSchedule,
  safeExpandSchedule,
  ScheduleError,
  UsageError,
  validateSchedule,
} from "../../src";

const TEXT = `version: 1
horizon: { from: 2024-01-01, to: 2024-01-31 }
bodies: [{ id: b, name: B }]
meetings:
  - { id: m, title: M, body: b, start: 2024-01-02T08:00, duration: PT1H, repeat: FREQ=WEEKLY }
`;
const schedule = parseSchedule(TEXT);
const report = checkSchedule(schedule);

/** Calls `call` and returns the error it throws, failing when it throws none. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("wrong arguments end in a UsageError that names the function, the argument and what was expected", () => {
  const any = (value: unknown) => value as never;
  it.each<[string, () => unknown, RegExp]>([
    ["checkSchedule(null)", () => checkSchedule(any(null)), /^checkSchedule: schedule: expected a schedule .*, got null$/],
    [
      "checkSchedule(schedule, { lang: 'fr' })",
      () => checkSchedule(schedule, any({ lang: "fr" })),
      /^checkSchedule: lang: expected "vi" or "en", got "fr"$/,
    ],
    ["checkSchedule(schedule, 'en')", () => checkSchedule(schedule, any("en")), /expected an options object/],
    [
      "checkSchedule(schedule, { from: 20240101 })",
      () => checkSchedule(schedule, any({ from: 20240101 })),
      /from: expected a date YYYY-MM-DD/,
    ],
    [
      "checkSchedule(schedule, { limits: { conflicts: -1 } })",
      () => checkSchedule(schedule, any({ limits: { conflicts: -1 } })),
      /limits.conflicts: expected a positive whole number/,
    ],
    ["safeCheckSchedule(42)", () => safeCheckSchedule(any(42)), /got number 42/],
    ["expandSchedule([])", () => expandSchedule(any([])), /got a list/],
    ["expandSchedule(schedule, { adjust: 1 })", () => expandSchedule(schedule, any({ adjust: 1 })), /adjust: expected a function/],
    ["parseSchedule(42)", () => parseSchedule(any(42)), /expected a schedule file's text/],
    ["parseSchedule(text, { lang: 'fr' })", () => parseSchedule(TEXT, any({ lang: "fr" })), /lang: expected "vi" or "en"/],
    ["validateSchedule({}, { lang: 1 })", () => validateSchedule({}, any({ lang: 1 })), /lang: expected "vi" or "en", got number 1/],
    ["formatGithub({})", () => formatGithub(any({})), /^formatGithub: report: expected a report/],
    ["formatIssuesGithub(null)", () => formatIssuesGithub(any(null)), /expected a list of issues/],
    ["formatJunit(report, { lang: 'de' })", () => formatJunit(report, any({ lang: "de" })), /lang: expected "vi" or "en"/],
    ["formatSarif(undefined)", () => formatSarif(any(undefined)), /expected a report/],
    ["formatReportText(report, 'fr')", () => formatReportText(report, any("fr")), /lang: expected "vi" or "en"/],
    ["diffReports(null, null)", () => diffReports(any(null), any(null)), /^diffReports: base: expected a report/],
    ["mergeSchedules([])", () => mergeSchedules([]), /^mergeSchedules: files: expected at least one \{ filename, text \}/],
    [
      "mergeSchedules([{ filename: 'a' }])",
      () => mergeSchedules(any([{ filename: "a" }])),
      /files\[0\]: expected \{ filename: string, text: string \}/,
    ],
    ["checkSchedule(schedule, { changed: ['m'] })", () => checkSchedule(schedule, any({ changed: ["m"] })), /changed: expected a Set/],
    [
      "formatJunit(report, { schedule: 42 })",
      () => formatJunit(report, any({ schedule: 42 })),
      /^formatJunit: schedule: expected a schedule/,
    ],
    [
      "formatSarif(report, { schedule: null })",
      () => formatSarif(report, any({ schedule: null })),
      /^formatSarif: schedule: expected a schedule/,
    ],
    ["reportOccurrences(null)", () => reportOccurrences(any(null)), /expected a list of occurrences/],
    ["reportOccurrences([{}])", () => reportOccurrences(any([{}])), /occurrences\[0\]: expected an occurrence/],
    [
      "buildFeeds(schedule, {}, { stamp: 0 })",
      () => buildFeeds(schedule, any({}), { stamp: 0 }),
      /buildFeeds: source: expected the result of safeCheckSchedule/,
    ],
  ])("%s", (_, call, message) => {
    const error = thrown(call);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).code).toBe("bad-argument");
    expect((error as Error).message).toMatch(message);
  });
});

describe("a schedule that is not one from parseSchedule is validated, not trusted", () => {
  it("a raw object of the file's shape is checked like a file", () => {
    const raw = {
      version: 1,
      horizon: { from: "2024-01-01", to: "2024-01-31" },
      bodies: [{ id: "b", name: "B" }],
      meetings: [{ id: "m", title: "M", body: "b", start: "2024-01-02T08:00", duration: "PT1H" }],
    };
    expect(checkSchedule(raw as never).summary.occurrences).toBe(1);
  });

  it("a copy whose repeat was changed gives bad-rrule, not rrule.js's own Error", () => {
    const copy = { ...schedule, meetings: [{ ...schedule.meetings[0], repeat: "FREQ=FORTNIGHTLY" }] };
    const error = thrown(() => checkSchedule(copy as never));
    expect(error).toBeInstanceOf(ScheduleError);
    expect((error as ScheduleError).code).toBe("invalid-schedule");
    expect((error as ScheduleError).issues).toEqual([expect.objectContaining({ code: "bad-rrule", path: ["meetings", 0, "repeat"] })]);
    const safe = safeExpandSchedule(copy as never);
    expect(safe.ok).toBe(false);
  });

  it("a raw object of the wrong shape is a ScheduleError with its issues", () => {
    const error = thrown(() => checkSchedule({ meetings: "no" } as never));
    expect(error).toBeInstanceOf(ScheduleError);
    expect((error as ScheduleError).issues.map((issue) => issue.code)).toEqual(["missing-field", "wrong-type"]);
  });

  it("every error thrown is a LichhopError", () => {
    for (const call of [
      () => checkSchedule(null as never),
      () => diffReports({} as never, report),
      () => checkSchedule({ version: 2 } as never),
    ]) {
      expect(thrown(call)).toBeInstanceOf(LichhopError);
    }
  });
});

describe("the limits are part of the public API", () => {
  it("exports the default limits, frozen", async () => {
    const { DEFAULT_LIMITS } = await import("../../src");
    expect(DEFAULT_LIMITS).toEqual({
      occurrencesPerSeries: 100_000,
      occurrences: 200_000,
      conflicts: 50_000,
      findings: 100_000,
      ruleSteps: 2_000_000,
      ruleChecks: 5_000_000,
    });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });
});
