import { parseSchedule, safeParseSchedule } from "../../src";
import type { Schedule } from "../../src/schema/model";

/** An .ics text from its lines, CRLF as RFC 5545 writes it, wrapped in a VCALENDAR unless `bare`. */
export function ics(lines: readonly string[], header: readonly string[] = []): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//lichhop//EN", ...header, ...lines, "END:VCALENDAR", ""].join("\r\n");
}

/** A VEVENT's lines. */
export const vevent = (...lines: string[]): string[] => ["BEGIN:VEVENT", ...lines, "END:VEVENT"];

/** The YAML of a schedule with one source `./ubnd.ics` and extra top-level YAML. */
export function sourceYaml(source = "{ ics: ./ubnd.ics, body: ubnd }", extra = ""): string {
  return `version: 1
horizon: { from: 2024-01-01, to: 2024-12-31 }
bodies: [{ id: ubnd, name: UBND tỉnh }]
people:
  - { id: chu-tich, name: Chủ tịch, email: chutich@langson.gov.vn }
  - { id: pho-chu-tich, name: Phó Chủ tịch, email: pct@langson.gov.vn }
rooms:
  - { id: phong-hop-1, name: Phòng họp số 1, location: "Tầng 2, trụ sở UBND" }
sources: [${source}]
${extra}`;
}

/** The schedule of {@link sourceYaml} with `text` as ./ubnd.ics. */
export function withSource(text: string, source?: string, extra?: string): Schedule {
  return parseSchedule(sourceYaml(source, extra), { filename: "lich.yaml", lang: "en", sources: { "./ubnd.ics": text } });
}

/** {@link withSource}, returning the issues instead of throwing. */
export function tryWithSource(text: string | Uint8Array, source?: string, extra?: string) {
  return safeParseSchedule(sourceYaml(source, extra), { filename: "lich.yaml", lang: "en", sources: { "./ubnd.ics": text } });
}

/** The meetings a schedule took from its sources (those after its own). */
export function importedMeetings(schedule: Schedule) {
  return schedule.meetings.filter(
    (_, index) =>
      schedule.source.positions[`meetings.${index}`] !== undefined &&
      (schedule.source.positions[`meetings.${index}`] as { file?: string }).file?.endsWith(".ics"),
  );
}
