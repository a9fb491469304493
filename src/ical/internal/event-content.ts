import type { Occurrence } from "../../recurrence/occurrence";
import type { Series } from "../../recurrence/series";
import type { Meeting } from "../../schema/schedule";
import type { FeedContext } from "../context";
import { escapeText, paramValue, type Lines } from "../text";
import { wallLabel } from "./times";

/** What a meeting's event says: its title, room, attendees, bodies and notes. */
export interface EventContent {
  readonly title: string;
  readonly room: string | undefined;
  readonly attendees: readonly string[];
  readonly bodies: readonly string[];
  readonly notes: readonly string[];
}

/** SUMMARY, LOCATION, DESCRIPTION, CATEGORIES and ATTENDEE lines of a meeting's event. */
export function contentLines(ctx: FeedContext, meeting: Meeting, content: EventContent): Lines {
  const lines: Lines = [`SUMMARY:${escapeText(content.title)}`];
  if (content.room !== undefined) {
    const room = ctx.rooms.get(content.room);
    const location = room ? (room.location ? `${room.name}, ${room.location}` : room.name) : content.room;
    lines.push(`LOCATION:${escapeText(location)}`);
  }
  const description: string[] = [];
  if (meeting.description) description.push(meeting.description.trim());
  if (content.attendees.length > 0) {
    const people = content.attendees.map((id) => {
      const person = ctx.people.get(id);
      return person ? (person.title ? `${person.name} (${person.title})` : person.name) : id;
    });
    description.push(`${ctx.labels.attendees}: ${people.join(", ")}`);
  }
  description.push(...content.notes);
  if (description.length > 0) lines.push(`DESCRIPTION:${escapeText(description.join("\n\n"))}`);
  if (content.bodies.length > 0) {
    lines.push(`CATEGORIES:${content.bodies.map((id) => escapeText(ctx.names.get(id) ?? id)).join(",")}`);
  }
  for (const id of content.attendees) {
    const person = ctx.people.get(id);
    if (person?.email === undefined) continue;
    lines.push(`ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;RSVP=FALSE;CN=${paramValue(person.name)}:mailto:${person.email}`);
  }
  return lines;
}

/** The most conflict notes one event's DESCRIPTION lists; the rest are counted. */
const MAX_NOTES = 10;

/** The note listing the conflicts of the given occurrences (keyed `meeting|recurrenceId`), if any. */
export function conflictNotes(ctx: FeedContext, keys: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const key of keys) for (const text of ctx.notes.get(key) ?? []) seen.add(text);
  if (seen.size === 0) return [];
  const list = [...seen];
  const shown = list.slice(0, MAX_NOTES).map((t) => `- ${t}`);
  if (list.length > MAX_NOTES) shown.push(ctx.labels.more(list.length - MAX_NOTES));
  return [`${ctx.labels.conflictNotes}:\n${shown.join("\n")}`];
}

/** What an occurrence's own event says; a moved one notes where the rule had put it. */
export function occurrenceContent(ctx: FeedContext, o: Occurrence, series: Series): EventContent {
  const notes = conflictNotes(ctx, [`${o.meeting}|${o.recurrenceId}`]);
  if (o.status === "moved") notes.unshift(`${ctx.labels.original}: ${wallLabel(o.recurrenceId, series.allDay)}`);
  return { title: o.title, room: o.room, attendees: o.attendees, bodies: o.bodies, notes };
}
