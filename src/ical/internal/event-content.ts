import type { Occurrence } from "../../recurrence/occurrence";
import type { Series } from "../../recurrence/series";
import type { Meeting } from "../../schema/schedule";
import { WEEK_TEXT, withdrawnWord } from "../../messages";
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
  /** An occurrence's change `status`: published with `STATUS:CANCELLED` and marked in its summary. */
  readonly withdrawn?: "postponed" | "cancelled" | undefined;
  /** An occurrence's change `note`, which replaces the meeting's. */
  readonly note?: string | undefined;
}

/**
 * SUMMARY, STATUS, LOCATION, DESCRIPTION, CATEGORIES and ATTENDEE lines of a meeting's event.
 * The description carries what the file says of the meeting: its description, chair,
 * attendees, invitees, who prepares and follows it, its note, then the event's own notes.
 */
export function contentLines(ctx: FeedContext, meeting: Meeting, content: EventContent): Lines {
  const { labels } = ctx;
  const mark = content.withdrawn === undefined ? "" : `[${withdrawnWord(WEEK_TEXT[ctx.lang], content.withdrawn)}] `;
  const lines: Lines = [`SUMMARY:${escapeText(mark + content.title)}`];
  if (content.withdrawn !== undefined) lines.push("STATUS:CANCELLED");
  if (content.room !== undefined) {
    const room = ctx.rooms.get(content.room);
    const location = room ? (room.location ? `${room.name}, ${room.location}` : room.name) : content.room;
    lines.push(`LOCATION:${escapeText(location)}`);
  }
  const description: string[] = [];
  const named = (id: string) => {
    const person = ctx.people.get(id);
    return person ? (person.title ? `${person.name} (${person.title})` : person.name) : id;
  };
  const chair = meeting.chair;
  if (meeting.description) description.push(meeting.description.trim());
  if (chair !== undefined) description.push(`${labels.chair}: ${named(chair)}`);
  const others = content.attendees.filter((id) => id !== chair);
  if (others.length > 0) description.push(`${labels.attendees}: ${others.map(named).join(", ")}`);
  if (meeting.invitees) description.push(`${labels.invitees}: ${meeting.invitees.trim()}`);
  if (meeting.preparedBy) description.push(`${labels.preparedBy}: ${meeting.preparedBy.trim()}`);
  if (meeting.followedBy) description.push(`${labels.followedBy}: ${meeting.followedBy.trim()}`);
  const note = content.note ?? meeting.note;
  if (note) description.push(`${labels.note}: ${note.trim()}`);
  description.push(...content.notes);
  if (description.length > 0) lines.push(`DESCRIPTION:${escapeText(description.join("\n\n"))}`);
  if (content.bodies.length > 0) {
    lines.push(`CATEGORIES:${content.bodies.map((id) => escapeText(ctx.names.get(id) ?? id)).join(",")}`);
  }
  // The chair first, as ROLE=CHAIR (RFC 5545 §3.2.16), whether or not the list names them.
  for (const id of chair === undefined ? others : [chair, ...others]) {
    const person = ctx.people.get(id);
    if (person?.email === undefined) continue;
    const role = id === chair ? "CHAIR" : "REQ-PARTICIPANT";
    lines.push(`ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=${role};RSVP=FALSE;CN=${paramValue(person.name)}:mailto:${person.email}`);
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
  const change = o.change === undefined ? undefined : series.meeting.changes?.[o.change];
  return { title: o.title, room: o.room, attendees: o.attendees, bodies: o.bodies, notes, withdrawn: o.withdrawn, note: change?.note };
}
