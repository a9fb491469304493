import type { IssuePath } from "../../errors";
import { FIRST_YEAR, LAST_YEAR, MAX_DURATION_DAYS } from "../../limits";
import { DAY, isSupportedWall, parseDuration, parseWall, type Span, type WallTime } from "../../time/wall";
import { isValidZone } from "../../time/zone";
import type { IssueSink } from "./context";

function tooLong(span: Span): boolean {
  return span.days * DAY + span.ms > MAX_DURATION_DAYS * DAY;
}

/** Reports a duration that is not ISO 8601 (or zero, when it must be `positive`) or longer than the limit. */
export function checkDuration(sink: IssueSink, text: string | undefined, path: IssuePath, positive: boolean): void {
  if (text === undefined) return;
  const span = parseDuration(text);
  if (!span || (positive && span.days === 0 && span.ms === 0)) {
    sink.issues.push(
      sink.make("invalid-value", path, "invalid-value", {
        found: JSON.stringify(text),
        expected: { what: "positive-duration" },
      }),
    );
  } else if (tooLong(span)) {
    sink.issues.push(sink.make("invalid-value", path, "duration-too-long", { found: text, max: MAX_DURATION_DAYS }));
  }
}

/** The parsed date or time when its year is supported; else reports it and gives `undefined`. */
export function supportedWall<T extends { wall: number }>(
  sink: IssueSink,
  value: T | undefined,
  text: string,
  path: IssuePath,
): T | undefined {
  if (value === undefined || isSupportedWall(value.wall)) return value;
  sink.issues.push(sink.make("invalid-value", path, "date-out-of-range", { found: text, first: FIRST_YEAR, last: LAST_YEAR }));
  return undefined;
}

/** Parses a date or local time of a meeting or change, reporting one that does not exist or is out of range. */
export function existingWall(sink: IssueSink, text: string | undefined, path: IssuePath): WallTime | undefined {
  if (text === undefined) return undefined;
  const value = parseWall(text);
  if (!value)
    sink.issues.push(
      sink.make("invalid-value", path, "invalid-value", { found: JSON.stringify(text), expected: { what: "existing-date-or-time" } }),
    );
  return supportedWall(sink, value, text, path);
}

/** Checks zone names, each looked up once: the check reports an unknown zone and says whether the zone is valid. */
export function zoneCheck(sink: IssueSink): (zone: string | undefined, path: IssuePath) => boolean {
  const validZones = new Map<string, boolean>();
  return (zone, path) => {
    if (zone === undefined) return true;
    let valid = validZones.get(zone);
    if (valid === undefined) {
      valid = isValidZone(zone);
      validZones.set(zone, valid);
    }
    if (valid) return true;
    sink.issues.push(sink.make("unknown-zone", path, "unknown-zone", { zone }));
    return false;
  };
}
