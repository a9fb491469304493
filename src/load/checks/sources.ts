import type { CheckContext } from "./context";
import { checkAttendees, checkReference } from "./references";
import type { IssuePath } from "../../errors";

/** The references and zone of each `sources[]` entry: its meetings take them. */
export function checkSources(ctx: CheckContext, zoneOk: (zone: string | undefined, path: IssuePath) => boolean): void {
  ctx.file.sources?.forEach((source, index) => {
    const path = ["sources", index];
    checkReference(ctx, "body", source.body, [...path, "body"]);
    checkReference(ctx, "room", source.room, [...path, "room"]);
    checkAttendees(ctx, source.attendees, [...path, "attendees"]);
    zoneOk(source.timezone, [...path, "timezone"]);
  });
}
