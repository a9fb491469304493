import * as z from "zod";
import { calendarConfigSchema } from "../calendar/work-calendar";

/** Pattern every id of a body, person, room, meeting or rule must match. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A local calendar date, `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A local wall time, `YYYY-MM-DDTHH:MM` with optional seconds. */
export const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
/** An ISO 8601 duration of weeks, days, hours, minutes and seconds (no years or months). */
export const DURATION_PATTERN = /^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

const id = z.string().regex(ID_PATTERN, { error: "an id: lowercase letters, digits and '-', at most 64 characters" });
const date = z.string().regex(DATE_PATTERN, { error: "a date YYYY-MM-DD" });
const dateOrDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, { error: "a date YYYY-MM-DD or a local time YYYY-MM-DDTHH:MM" });
const duration = z.string().regex(DURATION_PATTERN, { error: "an ISO 8601 duration such as PT1H30M or P1D" });
const text = z.string().min(1, { error: "a non-empty text" });
const attendees = z.array(id).meta({
  description:
    "Who attends: person ids, or body ids standing for the body's members on the occurrence's date (people whose bodies list it).",
});
const severity = z.enum(["error", "warning"]);
const checkLevel = z.union([z.enum(["error", "warning", "off"]), z.literal(false)]);

/** Chooses occurrences by body, body group, meeting or tag; the lists combine with OR. */
export const selectorSchema = z
  .strictObject({
    bodies: z.array(id).optional(),
    groups: z.array(id).optional(),
    meetings: z.array(id).optional(),
    tags: z.array(id).optional(),
  })
  .meta({ description: "Selects meetings: any listed body, group, meeting id or tag matches (OR)." });

export const bodySchema = z.strictObject({
  id,
  name: text,
  groups: z.array(id).optional(),
});

/** A person's membership of a body: a body id (a member on every date) or the body with the dates of the membership. */
export const membershipSchema = z.union(
  [
    id.meta({ description: "A body id: a member on every date." }),
    z.strictObject({
      body: id.meta({ description: "The body's id." }),
      from: date
        .meta({ description: "First local date of the membership, inclusive, in the schedule's zone; absent: from the start." })
        .optional(),
      to: date
        .meta({ description: "Last local date of the membership, inclusive, in the schedule's zone; absent: with no end." })
        .optional(),
    }),
  ],
  { error: "a body id, or { body, from, to }" },
);

export const personSchema = z.strictObject({
  id,
  name: text,
  title: text.optional(),
  short: text
    .meta({ description: 'The short title the weekly work schedule prints before the name ("PCTTT", "CT"); absent: the title.' })
    .optional(),
  bodies: z
    .array(membershipSchema)
    .meta({
      description:
        "The bodies this person is a member of: a body named as an attendee includes this person. A body id is a membership on every date; { body, from, to } one between two inclusive local dates.",
    })
    .optional(),
  email: z.email({ error: "an e-mail address" }).optional(),
});

export const roomSchema = z.strictObject({
  id,
  name: text,
  location: text.optional(),
});

/** One occurrence moved, changed or cancelled (an iCalendar RECURRENCE-ID override). */
export const changeSchema = z.strictObject({
  occurrence: dateOrDateTime,
  cancelled: z.boolean().optional(),
  start: dateOrDateTime.optional(),
  end: dateOrDateTime.optional(),
  duration: duration.optional(),
  title: text.optional(),
  room: id.optional(),
  attendees: attendees.optional(),
  status: z
    .enum(["postponed", "cancelled"])
    .meta({
      description:
        "postponed or cancelled: the occurrence stays in the weekly work schedule, marked (Hoãn, Hủy), where cancelled: true drops it.",
    })
    .optional(),
  note: text.meta({ description: "A note on this occurrence, printed in the weekly work schedule's Ghi chú." }).optional(),
});

export const onDayOffSchema = z.enum(["keep", "skip", "next-working-day", "previous-working-day"]);

export const meetingSchema = z.strictObject({
  id,
  title: text,
  description: z.string().optional(),
  body: id.optional(),
  bodies: z.array(id).min(1).optional(),
  start: dateOrDateTime,
  end: dateOrDateTime.optional(),
  duration: duration.optional(),
  repeat: text.optional(),
  except: z.array(dateOrDateTime).optional(),
  extra: z.array(dateOrDateTime).optional(),
  changes: z.array(changeSchema).optional(),
  attendees: attendees.optional(),
  room: id.optional(),
  timezone: text.optional(),
  tags: z.array(id).optional(),
  onDayOff: onDayOffSchema.optional(),
  chair: id.meta({ description: "The person who chairs (chủ trì), by id: named first in the weekly work schedule." }).optional(),
  invitees: text
    .meta({ description: 'Who else is invited, as the weekly work schedule prints it ("Đại diện lãnh đạo các sở: …").' })
    .optional(),
  preparedBy: text
    .meta({ description: 'Who prepares the content and the invitations ("Sở KH&ĐT chuẩn bị nội dung và giấy mời").' })
    .optional(),
  followedBy: text.meta({ description: "The office staff who follow the meeting (Lãnh đạo VP theo dõi)." }).optional(),
  note: text.meta({ description: "A note printed in the weekly work schedule's Ghi chú." }).optional(),
});

const ruleBase = {
  id,
  title: text,
  severity: severity.optional(),
};

export const noOverlapRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("no-overlap"),
  between: z.tuple([selectorSchema, selectorSchema]),
  minGap: duration.optional(),
  scope: z.enum(["exact", "half-day", "day"]).optional(),
});

export const cadenceRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("cadence"),
  ...selectorSchema.shape,
  per: z.enum(["week", "month", "quarter", "year"]),
  min: z.int().nonnegative().optional(),
  max: z.int().nonnegative().optional(),
});

export const leadTimeRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("lead-time"),
  before: selectorSchema,
  target: selectorSchema,
  min: duration,
  max: duration,
});

export const ruleSchema = z.discriminatedUnion("kind", [noOverlapRuleSchema, cadenceRuleSchema, leadTimeRuleSchema]);

export const checksSchema = z.strictObject({
  attendee: checkLevel.optional(),
  room: checkLevel.optional(),
  dayOff: checkLevel.optional(),
  workingHours: checkLevel.optional(),
});

export const feedsSchema = z.strictObject({
  uidDomain: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, { error: "a domain name such as hdnd.langson.gov.vn" })
    .optional(),
  /** Whether meeting events list their conflicts in their description (default true); conflicts.ics is written either way. */
  conflictNotes: z.boolean().optional(),
});

/** A calendar kept elsewhere (Google Calendar, Outlook/Exchange, a portal), read as an .ics file beside the schedule. */
export const sourceSchema = z.strictObject({
  ics: text.meta({
    description:
      "Path of the .ics file, relative to this schedule file (no URL: fetch it first). Its events become meetings; what lichhop cannot represent is a warning at its line.",
  }),
  body: id.meta({ description: "The body every meeting of the source belongs to." }).optional(),
  tags: z.array(id).meta({ description: "Tags every meeting of the source gets." }).optional(),
  attendees: attendees.optional(),
  room: id
    .meta({ description: "The room of events whose LOCATION names no room (a LOCATION equal to a room's name or location wins)." })
    .optional(),
  blocking: z
    .enum(["busy", "all"])
    .meta({
      description:
        "busy (default): transparent and free events (TRANSP:TRANSPARENT, BUSYSTATUS:FREE) do not block and are left out; all: every event is a meeting.",
    })
    .optional(),
  timezone: text
    .meta({
      description:
        "IANA zone of the file's floating times when it has no X-WR-TIMEZONE, and of TZIDs lichhop cannot resolve (default: the schedule's).",
    })
    .optional(),
});

/** The schedule file, format version 1 (YAML or JSON). */
export const scheduleFileSchema = z.strictObject({
  version: z.literal(1, { error: "version: 1" }),
  timezone: text.optional(),
  locale: z.enum(["vi", "en"]).optional(),
  horizon: z.strictObject({ from: date, to: date }).optional(),
  calendar: calendarConfigSchema.optional(),
  bodies: z.array(bodySchema).default([]),
  people: z.array(personSchema).default([]),
  rooms: z.array(roomSchema).default([]),
  meetings: z.array(meetingSchema).default([]),
  rules: z.array(ruleSchema).default([]),
  checks: checksSchema.optional(),
  feeds: feedsSchema.optional(),
  sources: z.array(sourceSchema).optional(),
});

/** The schedule file as written (input of the schema). */
export type ScheduleFileInput = z.input<typeof scheduleFileSchema>;
/** The schedule file after shape validation. */
export type ScheduleFile = z.output<typeof scheduleFileSchema>;
export type Body = z.output<typeof bodySchema>;
export type Person = z.output<typeof personSchema>;
export type Membership = z.output<typeof membershipSchema>;
export type Room = z.output<typeof roomSchema>;
export type Meeting = z.output<typeof meetingSchema>;
/** A meeting as a file writes it (what `importCalendar` makes of an event). */
export type MeetingInput = z.input<typeof meetingSchema>;
export type Source = z.output<typeof sourceSchema>;
export type Change = z.output<typeof changeSchema>;
export type Selector = z.output<typeof selectorSchema>;
export type Rule = z.output<typeof ruleSchema>;
export type NoOverlapRule = z.output<typeof noOverlapRuleSchema>;
export type CadenceRule = z.output<typeof cadenceRuleSchema>;
export type LeadTimeRule = z.output<typeof leadTimeRuleSchema>;
export type Checks = z.output<typeof checksSchema>;
export type CheckLevel = z.output<typeof checkLevel>;
export type Severity = z.output<typeof severity>;
export type OnDayOff = z.output<typeof onDayOffSchema>;
