import type { IssuePath } from "../../errors";
import { MAX_DURATION_DAYS, MAX_RRULE_LENGTH } from "../../limits";
import { checkRRule } from "../../recurrence/rrule-text";
import type { Meeting } from "../../schema/schedule";
import { DAY, parseDuration, parseWall } from "../../time/wall";
import type { CheckContext } from "./context";
import { checkAttendees, checkReference, checkReferences } from "./references";
import { checkDuration, existingWall } from "./values";

/**
 * The fields of a meeting: its bodies, references, zone, dates and times, duration and rule.
 * Returns whether its zone is valid.
 */
export function checkMeeting(
  ctx: CheckContext,
  meeting: Meeting,
  index: number,
  zoneOk: (zone: string | undefined, path: IssuePath) => boolean,
): boolean {
  const { issues, make } = ctx;
  const path = ["meetings", index];
  if (meeting.body !== undefined && meeting.bodies !== undefined) {
    issues.push(make("conflicting-fields", [...path, "bodies"], "conflicting-fields", { first: "body", second: "bodies" }));
  } else if (meeting.body === undefined && meeting.bodies === undefined) {
    issues.push(make("missing-field", path, "missing-field", { field: "body", expected: { what: "body-or-bodies" } }));
  }
  checkReference(ctx, "body", meeting.body, [...path, "body"]);
  checkReferences(ctx, "body", meeting.bodies, [...path, "bodies"]);
  checkAttendees(ctx, meeting.attendees, [...path, "attendees"]);
  checkReference(ctx, "room", meeting.room, [...path, "room"]);
  checkReference(ctx, "person", meeting.chair, [...path, "chair"]);
  const zoneValid = zoneOk(meeting.timezone, [...path, "timezone"]);

  const start = parseWall(meeting.start);
  existingWall(ctx, meeting.start, [...path, "start"]);
  const end = existingWall(ctx, meeting.end, [...path, "end"]);
  meeting.except?.forEach((text, i) => {
    existingWall(ctx, text, [...path, "except", i]);
  });
  meeting.extra?.forEach((text, i) => {
    existingWall(ctx, text, [...path, "extra", i]);
  });
  if (meeting.end !== undefined && meeting.duration !== undefined) {
    issues.push(make("conflicting-fields", [...path, "duration"], "conflicting-fields", { first: "end", second: "duration" }));
  }
  checkDuration(ctx, meeting.duration, [...path, "duration"], true);
  if (start && !start.dateOnly && meeting.end === undefined && meeting.duration === undefined) {
    issues.push(make("missing-field", path, "missing-field", { field: "end", expected: { what: "end-or-duration" } }));
  }
  if (start && end) {
    if (end.dateOnly !== start.dateOnly) {
      issues.push(
        make("wrong-type", [...path, "end"], "wrong-type", {
          expected: { what: start.dateOnly ? "date-like-start" : "time-like-start" },
          found: JSON.stringify(meeting.end),
        }),
      );
    } else if (start.dateOnly ? end.wall < start.wall : end.wall <= start.wall) {
      issues.push(make("end-before-start", [...path, "end"], "end-before-start", { start: meeting.start, end: meeting.end ?? "" }));
    } else if (end.wall - start.wall + (start.dateOnly ? DAY : 0) > MAX_DURATION_DAYS * DAY) {
      issues.push(make("invalid-value", [...path, "end"], "end-too-late", { found: meeting.end ?? "", max: MAX_DURATION_DAYS }));
    }
  }
  if (start?.dateOnly && meeting.duration !== undefined && (parseDuration(meeting.duration)?.ms ?? 0) !== 0) {
    issues.push(
      make("invalid-value", [...path, "duration"], "invalid-value", {
        found: JSON.stringify(meeting.duration),
        expected: { what: "whole-days" },
      }),
    );
  }
  if (meeting.repeat !== undefined && meeting.repeat.length > MAX_RRULE_LENGTH) {
    issues.push(make("bad-rrule", [...path, "repeat"], "rrule-too-long", { length: meeting.repeat.length, max: MAX_RRULE_LENGTH }));
  } else if (meeting.repeat !== undefined) {
    for (const problem of checkRRule(meeting.repeat)) {
      issues.push(make("bad-rrule", [...path, "repeat"], "bad-rrule", { ...problem }));
    }
  }
  return zoneValid;
}
