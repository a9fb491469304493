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
/** A rule's severity: error (fails the check) or warning. */
export const severitySchema = z.enum(["error", "warning"]);
/** A built-in check's level: error, warning, or off (`off` or `false`). */
export const checkLevelSchema = z.union([z.enum(["error", "warning", "off"]), z.literal(false)]);

/** Chooses occurrences by body, body group, meeting or tag; the lists combine with OR. */
export const selectorSchema = z
  .strictObject({
    bodies: z.array(id).meta({ description: "Body ids: their meetings (a meeting's body or bodies)." }).optional(),
    groups: z.array(id).meta({ description: "Body groups (a body's groups): the meetings of their bodies." }).optional(),
    meetings: z.array(id).meta({ description: "Meeting ids." }).optional(),
    tags: z.array(id).meta({ description: "Tags: the meetings carrying any of them." }).optional(),
  })
  .meta({ description: "Selects meetings: any listed body, group, meeting id or tag matches (OR)." });

export const bodySchema = z
  .strictObject({
    id: id.meta({ description: "The body's id (lowercase letters, digits, '-'), named by meetings, people and rules." }),
    name: text.meta({ description: 'Its name as printed ("Thường trực HĐND tỉnh").' }),
    groups: z
      .array(id)
      .meta({ description: 'Groups it belongs to, for rules ("hdnd" for the Standing Committee and the Ban).' })
      .optional(),
  })
  .meta({ description: "A body (cơ quan): HĐND, its Standing Committee and committees (Ban), UBND, Đoàn ĐBQH, UBMTTQ…" });

/** A membership of a body between two inclusive local dates (`{ body, from, to }`). */
export const datedMembershipSchema = z.strictObject({
  body: id.meta({ description: "The body's id." }),
  from: date
    .meta({ description: "First local date of the membership, inclusive, in the schedule's zone; absent: from the start." })
    .optional(),
  to: date.meta({ description: "Last local date of the membership, inclusive, in the schedule's zone; absent: with no end." }).optional(),
});

/** A person's membership of a body: a body id (a member on every date) or the body with the dates of the membership. */
export const membershipSchema = z.union([id.meta({ description: "A body id: a member on every date." }), datedMembershipSchema], {
  error: "a body id, or { body, from, to }",
});

export const personSchema = z.strictObject({
  id: id.meta({ description: "The person's id, named by meetings' attendees and rules." }),
  name: text.meta({ description: 'Full name ("Đoàn Thị Hậu").' }),
  title: text.meta({ description: 'Position (chức vụ: "Chủ tịch HĐND tỉnh").' }).optional(),
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
  email: z
    .email({ error: "an e-mail address" })
    .meta({ description: "E-mail address: an .ics source's ATTENDEE or ORGANIZER with it is this person." })
    .optional(),
});

export const roomSchema = z.strictObject({
  id: id.meta({ description: "The room's id, named by meetings." }),
  name: text.meta({ description: 'Its name as printed ("Phòng họp số 1 - Trụ sở HĐND tỉnh").' }),
  location: text.meta({ description: "Where it is (the feeds' LOCATION; an .ics source's LOCATION equal to it is this room)." }).optional(),
});

/** One occurrence moved, changed or cancelled (an iCalendar RECURRENCE-ID override). */
export const changeSchema = z.strictObject({
  occurrence: dateOrDateTime.meta({
    description: "The occurrence changed, by its original local start (YYYY-MM-DDTHH:MM, or the date of an all-day one).",
  }),
  cancelled: z.boolean().meta({ description: "true: the occurrence does not take place (hủy)." }).optional(),
  start: dateOrDateTime.meta({ description: "Its new local start (dời lịch)." }).optional(),
  end: dateOrDateTime.meta({ description: "Its new local end (exclusive); not with duration." }).optional(),
  duration: duration.meta({ description: "Its new length, ISO 8601 (PT2H); not with end." }).optional(),
  title: text.meta({ description: "Its own title." }).optional(),
  room: id.meta({ description: "Its own room." }).optional(),
  attendees: attendees.optional(),
  status: z
    .enum(["postponed", "cancelled"])
    .meta({
      description:
        "postponed (hoãn) or cancelled (hủy): the occurrence stays listed and marked in the weekly work schedule and the calendar report, and is published with STATUS:CANCELLED, but is not held: no check counts it and its time is free. cancelled: true drops it instead.",
    })
    .optional(),
  note: text.meta({ description: "A note on this occurrence, printed in the weekly work schedule's Ghi chú." }).optional(),
});

export const onDayOffSchema = z.enum(["keep", "skip", "next-working-day", "previous-working-day"]);

export const meetingSchema = z.strictObject({
  id: id.meta({ description: "The meeting's id: stable, it names the meeting in reports, feeds (UID) and findings." }),
  title: text.meta({ description: 'Its title as printed ("Phiên họp thường kỳ Thường trực HĐND tỉnh").' }),
  description: z.string().meta({ description: "Free text, the feeds' DESCRIPTION." }).optional(),
  body: id.meta({ description: "The body holding it (its rules apply); or bodies." }).optional(),
  bodies: z.array(id).min(1).meta({ description: "The bodies holding it together (họp liên tịch); or body." }).optional(),
  start: dateOrDateTime.meta({
    description:
      "First local start in the meeting's zone (YYYY-MM-DDTHH:MM), or a date for an all-day meeting; with repeat, the rule's first occurrence.",
  }),
  end: dateOrDateTime
    .meta({ description: "Local end, exclusive (an all-day item: the day after its last day); not with duration." })
    .optional(),
  duration: duration.meta({ description: "Length, ISO 8601 (PT2H, PT1H30M, P3D); not with end." }).optional(),
  repeat: text
    .meta({ description: 'An RFC 5545 RRULE ("FREQ=MONTHLY;BYDAY=1TH": the first Thursday of every month), in the meeting\'s local time.' })
    .optional(),
  except: z.array(dateOrDateTime).meta({ description: "Occurrences left out (EXDATE), by their local start." }).optional(),
  extra: z.array(dateOrDateTime).meta({ description: "Occurrences added outside the rule (RDATE), by their local start." }).optional(),
  changes: z.array(changeSchema).meta({ description: "Occurrences moved, changed or cancelled (RECURRENCE-ID overrides)." }).optional(),
  attendees: attendees.optional(),
  room: id.meta({ description: "The room it is held in." }).optional(),
  timezone: text.meta({ description: "IANA zone of its times (default: the schedule's)." }).optional(),
  tags: z.array(id).meta({ description: "Tags, for rules (ky-hop, tiep-cong-dan)." }).optional(),
  onDayOff: onDayOffSchema
    .meta({
      description: "An occurrence on a day off: keep (reported), skip, next-working-day or previous-working-day (default: keep).",
    })
    .optional(),
  chair: id
    .meta({
      description:
        "The person who chairs (chủ trì), by id: they attend (their other meetings at the same time clash), are named first in the weekly work schedule and are the feeds' ATTENDEE with ROLE=CHAIR.",
    })
    .optional(),
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
  id: id.meta({ description: "The rule's id, named in findings." }),
  title: text.meta({ description: 'Its title as printed ("Lịch họp TT HĐND và các Ban không trùng lịch họp UBND tỉnh").' }),
  severity: severitySchema.meta({ description: "error (default: fails the check) or warning." }).optional(),
};

export const noOverlapRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("no-overlap").meta({ description: "The meetings of one side must not overlap those of the other." }),
  between: z.tuple([selectorSchema, selectorSchema]).meta({ description: "The two sides: [selector, selector]." }),
  minGap: duration.meta({ description: "Least time between them, ISO 8601 (PT30M)." }).optional(),
  scope: z
    .enum(["exact", "half-day", "day"])
    .meta({ description: "exact (default): their times; half-day: not the same buổi (sáng, chiều); day: not the same day." })
    .optional(),
});

export const cadenceRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("cadence").meta({ description: "How many of the selected meetings each period holds." }),
  ...selectorSchema.shape,
  per: z.enum(["week", "month", "quarter", "year"]).meta({ description: "The period counted." }),
  min: z.int().nonnegative().meta({ description: "Fewest per period." }).optional(),
  max: z.int().nonnegative().meta({ description: "Most per period." }).optional(),
});

export const leadTimeRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("lead-time").meta({ description: "Each target meeting has a before meeting min to max ahead (thẩm tra before kỳ họp)." }),
  before: selectorSchema.meta({ description: "The meetings that must come first." }),
  target: selectorSchema.meta({ description: "The meetings that need one." }),
  min: duration.meta({ description: "Least lead, ISO 8601 (P7D)." }),
  max: duration.meta({ description: "Most lead, ISO 8601 (P30D)." }),
});

export const ruleSchema = z.discriminatedUnion("kind", [noOverlapRuleSchema, cadenceRuleSchema, leadTimeRuleSchema]);

export const checksSchema = z.strictObject({
  attendee: checkLevelSchema.meta({ description: "A person at two meetings at once: error (default), warning or off." }).optional(),
  room: checkLevelSchema.meta({ description: "A room booked twice: error (default), warning or off." }).optional(),
  dayOff: checkLevelSchema.meta({ description: "A meeting on a day off: warning (default), error or off." }).optional(),
  workingHours: checkLevelSchema.meta({ description: "A meeting outside working hours: warning (default), error or off." }).optional(),
});

export const feedsSchema = z.strictObject({
  uidDomain: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, { error: "a domain name such as hdnd.langson.gov.vn" })
    .meta({ description: "The domain of the feeds' UIDs (default lichhop.invalid)." })
    .optional(),
  conflictNotes: z
    .boolean()
    .meta({
      description: "Whether meeting events list their conflicts in their description (default true); conflicts.ics is written either way.",
    })
    .optional(),
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
  version: z.literal(1, { error: "version: 1" }).meta({ description: "The file format's version: 1." }),
  timezone: text.meta({ description: "IANA zone of the schedule's times (default Asia/Ho_Chi_Minh)." }).optional(),
  locale: z.enum(["vi", "en"]).meta({ description: "The language of reports and messages (default vi)." }).optional(),
  horizon: z
    .strictObject({
      from: date.meta({ description: "First local date checked." }),
      to: date.meta({ description: "Last local date checked (at most 10 years after from)." }),
    })
    .meta({ description: "The dates checked and published (khoảng thời gian kiểm tra)." })
    .optional(),
  calendar: calendarConfigSchema
    .meta({ description: "The working calendar: decisions, days off, make-up days, working hours." })
    .optional(),
  bodies: z.array(bodySchema).default([]).meta({ description: "The bodies (cơ quan)." }),
  people: z.array(personSchema).default([]).meta({ description: "The people (đại biểu, lãnh đạo) and their memberships." }),
  rooms: z.array(roomSchema).default([]).meta({ description: "The meeting rooms (phòng họp)." }),
  meetings: z.array(meetingSchema).default([]).meta({ description: "The meetings (cuộc họp), one-off or recurring." }),
  rules: z.array(ruleSchema).default([]).meta({ description: "The rules between bodies: no-overlap, cadence, lead-time." }),
  checks: checksSchema.meta({ description: "The levels of the built-in checks." }).optional(),
  feeds: feedsSchema.meta({ description: "How the iCalendar feeds are written." }).optional(),
  sources: z.array(sourceSchema).meta({ description: "Calendars kept elsewhere, as .ics files beside this one." }).optional(),
});

// The domain types, and the types of what an app writes before validation (ScheduleFileInput,
// MeetingInput), are named interfaces written from these schemas (`npm run schema:types`): each
// field carries its schema's description, so editor hovers, dist/index.d.ts and docs/api say what
// schema.json says.
export type {
  Body,
  CadenceRule,
  Change,
  CheckLevel,
  Checks,
  DatedMembership,
  LeadTimeRule,
  Meeting,
  MeetingInput,
  Membership,
  NoOverlapRule,
  OnDayOff,
  Person,
  Room,
  Rule,
  ScheduleFile,
  ScheduleFileInput,
  Selector,
  Severity,
  Source,
} from "./types";
