import { MAX_DURATION_DAYS } from "../../limits";
import type { Meeting } from "../../schema/schedule";
import { DAY, parseWall } from "../../time/wall";
import type { CheckContext } from "./context";
import { checkAttendees, checkReference } from "./references";
import { checkDuration, existingWall } from "./values";

/** The fields of each change of a meeting: dates and times, references, and fields that exclude each other. */
export function checkChanges(ctx: CheckContext, meeting: Meeting, index: number): void {
  const { issues, make } = ctx;
  const path = ["meetings", index];
  meeting.changes?.forEach((change, i) => {
    const changePath = [...path, "changes", i];
    existingWall(ctx, change.occurrence, [...changePath, "occurrence"]);
    const changeStart = existingWall(ctx, change.start, [...changePath, "start"]);
    const changeEnd = existingWall(ctx, change.end, [...changePath, "end"]);
    checkReference(ctx, "room", change.room, [...changePath, "room"]);
    checkAttendees(ctx, change.attendees, [...changePath, "attendees"]);
    if (
      change.cancelled &&
      (change.start ?? change.end ?? change.duration ?? change.title ?? change.room ?? change.attendees) !== undefined
    ) {
      issues.push(make("conflicting-fields", [...changePath, "cancelled"], "conflicting-fields", { first: "cancelled" }));
    }
    // cancelled: true drops the occurrence: a status or a note would be lost with it.
    if (change.cancelled && change.status !== undefined) {
      issues.push(make("conflicting-fields", [...changePath, "status"], "cancelled-kept", { field: "status" }));
    }
    if (change.cancelled && change.note !== undefined) {
      issues.push(make("conflicting-fields", [...changePath, "note"], "cancelled-kept", { field: "note" }));
    }
    if (change.end !== undefined && change.duration !== undefined) {
      issues.push(make("conflicting-fields", [...changePath, "duration"], "conflicting-fields", { first: "end", second: "duration" }));
    }
    checkDuration(ctx, change.duration, [...changePath, "duration"], true);
    const from = changeStart ?? parseWall(change.occurrence);
    const changeEndWall = changeEnd && (changeEnd.dateOnly ? changeEnd.wall + DAY : changeEnd.wall);
    if (from && changeEndWall !== undefined && changeEndWall <= from.wall) {
      issues.push(
        make("end-before-start", [...changePath, "end"], "end-before-start", {
          start: change.start ?? change.occurrence,
          end: change.end ?? "",
        }),
      );
    } else if (from && changeEndWall !== undefined && changeEndWall - from.wall > MAX_DURATION_DAYS * DAY) {
      issues.push(make("invalid-value", [...changePath, "end"], "end-too-late", { found: change.end ?? "", max: MAX_DURATION_DAYS }));
    }
  });
}
