import { parseSchedule } from "../../src/load/parse";
import type { Schedule } from "../../src/schema/model";

/** The parts of a test schedule; each is YAML text, the lists written as block items. */
export interface ScheduleParts {
  readonly zone?: string;
  readonly locale?: "vi" | "en";
  readonly horizon?: string;
  readonly bodies: string;
  readonly people?: string;
  readonly rooms?: string;
  /** Whatever follows: `meetings:`, `rules:`, `calendar:`, `checks:`… */
  readonly rest: string;
}

/** The one builder of test schedules: YAML text from its parts. */
export function scheduleText(parts: ScheduleParts): string {
  const lines = [
    "version: 1",
    `timezone: ${parts.zone ?? "Asia/Ho_Chi_Minh"}`,
    ...(parts.locale ? [`locale: ${parts.locale}`] : []),
    `horizon: ${parts.horizon ?? "{ from: 2024-01-01, to: 2024-12-31 }"}`,
    "bodies:",
    parts.bodies,
    ...(parts.people ? ["people:", parts.people] : []),
    ...(parts.rooms ? ["rooms:", parts.rooms] : []),
  ];
  return `${lines.join("\n")}\n${parts.rest}`;
}

/** Parses a schedule built by {@link scheduleText} (as `test.yaml`). */
export function buildSchedule(parts: ScheduleParts): Schedule {
  return parseSchedule(scheduleText(parts), { filename: "test.yaml" });
}

/** A schedule in English with two bodies (groups hdnd, ubnd), two people and two rooms, around meetings. */
export function scheduleFrom(meetings: string, extra = "", zone = "Asia/Ho_Chi_Minh"): Schedule {
  return buildSchedule({
    zone,
    locale: "en",
    bodies: "  - { id: hdnd, name: HĐND, groups: [hdnd] }\n  - { id: ubnd, name: UBND, groups: [ubnd] }",
    people: "  - { id: an, name: An }\n  - { id: binh, name: Bình }",
    rooms: "  - { id: r1, name: Room 1 }\n  - { id: r2, name: Room 2 }",
    rest: `meetings:\n${meetings}\n${extra}`,
  });
}
