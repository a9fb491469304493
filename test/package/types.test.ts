import { describe, expectTypeOf, it } from "vitest";
import {
  checkSchedule,
  expandSchedule,
  parseSchedule,
  reportOccurrences,
  safeParseSchedule,
  type CheckOptions,
  type Conflict,
  type ConflictKind,
  type Issue,
  type IssueCode,
  type Meeting,
  type Occurrence,
  type Report,
  type ReportOccurrence,
  type ReportSource,
  type Schedule,
  type ScheduleFileInput,
  type SarifOptions,
} from "../../src/index";

describe("the public API's types", () => {
  it("locates reports and takes the schedule in the CI formats", () => {
    expectTypeOf<Report["conflicts"][number]["source"]>().toEqualTypeOf<ReportSource | undefined>();
    expectTypeOf<ReportOccurrence["source"]>().toEqualTypeOf<ReportSource | undefined>();
    expectTypeOf<CheckOptions["changed"]>().toEqualTypeOf<ReadonlySet<string> | undefined>();
    expectTypeOf<SarifOptions["schedule"]>().toEqualTypeOf<Schedule | undefined>();
    expectTypeOf(reportOccurrences).returns.toEqualTypeOf<ReportOccurrence[]>();
  });

  it("infers the schedule types from the zod schemas", () => {
    expectTypeOf<Meeting["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Meeting["onDayOff"]>().toEqualTypeOf<"keep" | "skip" | "next-working-day" | "previous-working-day" | undefined>();
    expectTypeOf<Schedule["meetings"]>().toEqualTypeOf<Meeting[]>();
    expectTypeOf<ScheduleFileInput["version"]>().toEqualTypeOf<1>();
  });

  it("returns a discriminated result from safeParseSchedule", () => {
    const result = safeParseSchedule("version: 1");
    if (result.ok) expectTypeOf(result.schedule).toEqualTypeOf<Schedule>();
    else expectTypeOf(result.issues).toEqualTypeOf<Issue[]>();
    expectTypeOf(parseSchedule).returns.toEqualTypeOf<Schedule>();
  });

  it("gives occurrences with epoch-ms times and a versioned report", () => {
    expectTypeOf(expandSchedule).returns.toEqualTypeOf<Occurrence[]>();
    expectTypeOf<Occurrence["start"]>().toEqualTypeOf<number>();
    expectTypeOf(checkSchedule).returns.toEqualTypeOf<Report>();
    expectTypeOf<Report["version"]>().toEqualTypeOf<1>();
    expectTypeOf<Issue["code"]>().toEqualTypeOf<IssueCode>();
    expectTypeOf<"yaml-syntax">().toMatchTypeOf<IssueCode>();
  });

  it("gives conflicts as a union on kind, each kind with typed facts", () => {
    expectTypeOf<ConflictKind>().toEqualTypeOf<"rule" | "attendee" | "room" | "day-off" | "working-hours" | "cadence" | "lead-time">();
    expectTypeOf<Extract<Conflict, { kind: "day-off" }>["date"]>().toEqualTypeOf<string>();
    expectTypeOf<Extract<Conflict, { kind: "working-hours" }>["hours"]>().toEqualTypeOf<readonly [start: number, end: number]>();
    expectTypeOf<Extract<Conflict, { kind: "cadence" }>["period"]>().toEqualTypeOf<{ readonly from: string; readonly to: string }>();
    expectTypeOf<Extract<Conflict, { kind: "lead-time" }>["window"]>().toEqualTypeOf<{ readonly from: number; readonly to: number }>();
    expectTypeOf<Extract<Conflict, { kind: "rule" }>["rule"]>().toEqualTypeOf<string>();
    expectTypeOf<Extract<Conflict, { kind: "attendee" | "room" }>["rule"]>().toEqualTypeOf<null>();
  });
});
