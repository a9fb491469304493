import * as z from "zod";
import { UsageError } from "../errors";
import { closest, hintBudget } from "../load/hints";
import type { Schedule } from "../schema/model";
import { DATE_PATTERN, DATE_TIME_PATTERN, DURATION_PATTERN, ID_PATTERN } from "../schema/schedule";
import { DAY, isSupportedWall, parseDuration, parseWall } from "../time/wall";

/** The longest window searched, in days. */
export const MAX_WINDOW_DAYS = 366;
/** The most slots one search returns. */
export const MAX_SLOT_COUNT = 100;

const id = z.string().regex(ID_PATTERN, { error: "an id: lowercase letters, digits and '-', at most 64 characters" });
const ids = z.array(id);
const date = z
  .string()
  .regex(DATE_PATTERN, { error: "a date YYYY-MM-DD", abort: true })
  .refine((text) => parseWall(text) !== undefined, { error: "a real date YYYY-MM-DD", abort: true })
  .refine((text) => isSupportedWall((parseWall(text) as { wall: number }).wall), { error: "a date in the years 1900–2100" });
const spanMs = (text: string): number => {
  const span = parseDuration(text);
  return span ? span.days * DAY + span.ms : Number.NaN;
};
const shortDuration = (what: string) =>
  z
    .string()
    .regex(DURATION_PATTERN, { error: "an ISO 8601 duration such as PT1H30M", abort: true })
    .refine((text) => spanMs(text) <= DAY, { error: `${what} of at most 24 hours, such as PT2H or PT1H30M` });
const TIMES = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;
/** `"08:00-11:00"` → `[480, 660]` in minutes, or undefined unless 00:00 ≤ start < end ≤ 24:00. */
export function parseTimes(text: string): readonly [number, number] | undefined {
  const m = TIMES.exec(text);
  if (!m) return undefined;
  const [h1, m1, h2, m2] = m.slice(1).map(Number) as [number, number, number, number];
  if (m1 > 59 || m2 > 59) return undefined;
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  return start < end && end <= 24 * 60 ? [start, end] : undefined;
}

/**
 * What a free-slot search looks for (`findSlots`). Times are local to the schedule's zone; the
 * new meeting is a one-off of the schedule's zone.
 *
 * @example
 * ```ts
 * slotRequestSchema.parse({ duration: "PT2H", from: "2024-03-04", to: "2024-03-08", attendees: { required: ["tt-hdnd"] }, room: ["phong-hop-1", "phong-hop-2"] });
 * ```
 */
export const slotRequestSchema = z
  .strictObject({
    duration: z
      .string()
      .regex(DURATION_PATTERN, { error: "an ISO 8601 duration such as PT2H or PT1H30M", abort: true })
      .refine((text) => spanMs(text) > 0 && spanMs(text) <= DAY, { error: "a duration above zero and at most 24 hours (PT2H, PT1H30M)" })
      .meta({ description: "How long the meeting lasts: ISO 8601, hours and minutes (PT2H, PT1H30M), at most 24 hours." }),
    from: date.meta({ description: "First local date searched, YYYY-MM-DD, in the schedule's zone." }),
    to: date.meta({ description: "Last local date searched, inclusive." }),
    halfDay: z
      .enum(["sang", "chieu", "sáng", "chiều"])
      .meta({ description: "Only the morning (sang: working periods starting before 12:00) or the afternoon (chieu)." })
      .optional(),
    times: z
      .array(
        z
          .string()
          .refine((text) => parseTimes(text) !== undefined, { error: "a time of day window HH:MM-HH:MM with its start before its end" }),
      )
      .min(1)
      .meta({ description: "Times of day the meeting must lie within, HH:MM-HH:MM (any one of them)." })
      .optional(),
    body: id.meta({ description: "The body holding the meeting: the no-overlap rules whose selectors name it apply." }).optional(),
    bodies: ids.min(1).meta({ description: "The bodies of a joint meeting (instead of body)." }).optional(),
    tags: ids.meta({ description: "The meeting's tags: rules selecting by tag apply." }).optional(),
    attendees: z
      .strictObject({
        required: ids.meta({ description: "People or bodies (their members on the slot's date) who must be free." }).optional(),
        optional: ids.meta({ description: "People or bodies invited if free; a slot lists who of them is busy and why." }).optional(),
        quorum: z
          .number()
          .min(0)
          .max(1)
          .meta({ description: "The least share (0 to 1) of the optional attendees who must be free (default 0)." })
          .optional(),
      })
      .optional(),
    room: z
      .union([id, ids.min(1)], { error: "a room id or a non-empty list of room ids" })
      .meta({ description: "A room, or a list to choose from in order of preference: the first free one is taken." })
      .optional(),
    align: z
      .union([z.int().min(1).max(720), z.literal("half-day")], { error: "minutes from 1 to 720, or half-day" })
      .meta({
        description: "Start times: multiples of these minutes from local midnight (default 30), or half-day: the working periods' starts.",
      })
      .optional(),
    buffer: z
      .strictObject({ before: shortDuration("a buffer").optional(), after: shortDuration("a buffer").optional() })
      .meta({ description: "Free time kept before and after the meeting for its attendees and room, added to the rules' minGap." })
      .optional(),
    minNotice: z
      .int()
      .min(0)
      .max(60)
      .meta({
        description:
          "Working days of notice (to send the invitations): the meeting is on the n-th working day after options.now, or later.",
      })
      .optional(),
    acrossBreaks: z
      .boolean()
      .meta({ description: "Allow a meeting across the lunch break (default false: within one working period)." })
      .optional(),
    avoidWarnings: z
      .boolean()
      .meta({ description: "Slots that would add a warning become near misses (default false: listed with their warnings)." })
      .optional(),
    count: z.int().min(1).max(MAX_SLOT_COUNT).meta({ description: "How many slots to return (default 5, at most 100)." }).optional(),
    prefer: z
      .enum(["earliest", "nearest"])
      .meta({ description: "Rank slots by start (earliest, the default) or by distance from near (nearest)." })
      .optional(),
    near: z
      .string()
      .regex(DATE_TIME_PATTERN, { error: "a local time YYYY-MM-DDTHH:MM", abort: true })
      .refine((text) => parseWall(text) !== undefined, { error: "a real local time YYYY-MM-DDTHH:MM" })
      .meta({ description: "The local time prefer: nearest measures from." })
      .optional(),
  })
  .superRefine((request, context) => {
    if (request.body !== undefined && request.bodies !== undefined) {
      context.addIssue({ code: "custom", message: "body or bodies, not both", path: ["bodies"] });
    }
    const from = parseWall(request.from)?.wall;
    const to = parseWall(request.to)?.wall;
    if (from !== undefined && to !== undefined) {
      if (to < from) context.addIssue({ code: "custom", message: `a date on or after from (${request.from})`, path: ["to"] });
      else if ((to - from) / DAY + 1 > MAX_WINDOW_DAYS) {
        context.addIssue({ code: "custom", message: `a window of at most ${MAX_WINDOW_DAYS} days from ${request.from}`, path: ["to"] });
      }
    }
    if (request.prefer === "nearest" && request.near === undefined) {
      context.addIssue({ code: "custom", message: "a local time YYYY-MM-DDTHH:MM when prefer is nearest", path: ["near"] });
    }
  });

/** A free-slot request as written (input of {@link slotRequestSchema}). */
export type SlotRequestInput = z.input<typeof slotRequestSchema>;
/** A free-slot request, validated. */
export type SlotRequest = z.output<typeof slotRequestSchema>;

/** The path of a zod issue as `request.attendees.required[0]`. */
function pathText(path: readonly PropertyKey[]): string {
  let out = "request";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : `.${String(part)}`;
  return out;
}

/** The value at a path, to say what was found. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let here = value;
  for (const part of path) {
    if (typeof here !== "object" || here === null) return undefined;
    here = (here as Record<PropertyKey, unknown>)[part];
  }
  return here;
}

/**
 * Validates a request against {@link slotRequestSchema} and the schedule's ids; every problem
 * becomes one {@link UsageError} naming each field, what was expected and what was found.
 */
export function checkSlotRequest(value: unknown, schedule: Schedule, where: string): SlotRequest {
  const parsed = slotRequestSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      if (issue.code === "unrecognized_keys") {
        const known = Object.keys(slotRequestSchema.shape);
        return issue.keys
          .map((key) => {
            const hint = closest(key, known, hintBudget());
            return `${pathText(issue.path)}: unknown field "${key}"${hint ? `; did you mean "${hint}"?` : ""}`;
          })
          .join("; ");
      }
      const found = valueAt(value, issue.path);
      const got = found === undefined ? "nothing" : JSON.stringify(found);
      const expected = issue.message.replace(/^Invalid input: expected /, "").replace(/^Too (small|big): expected /, "");
      return `${pathText(issue.path)}: expected ${expected}, got ${got}`;
    });
    throw new UsageError(`${where}: ${lines.join("; ")}`);
  }
  const request = parsed.data;
  const problems: string[] = [];
  const bodies = new Set(schedule.bodies.map((body) => body.id));
  const people = new Set(schedule.people.map((person) => person.id));
  const rooms = new Set(schedule.rooms.map((room) => room.id));
  const unknown = (path: string, ref: string, kind: string, known: ReadonlySet<string>): void => {
    if (known.has(ref)) return;
    const hint = closest(ref, known, hintBudget());
    problems.push(`${path}: unknown ${kind} "${ref}"${hint ? `; did you mean "${hint}"?` : ""}`);
  };
  if (request.body !== undefined) unknown("request.body", request.body, "body", bodies);
  request.bodies?.forEach((ref, i) => {
    unknown(`request.bodies[${i}]`, ref, "body", bodies);
  });
  const attendees = new Set([...bodies, ...people]);
  for (const list of ["required", "optional"] as const) {
    request.attendees?.[list]?.forEach((ref, i) => {
      unknown(`request.attendees.${list}[${i}]`, ref, "person or body", attendees);
    });
  }
  const roomList = request.room === undefined ? [] : typeof request.room === "string" ? [request.room] : request.room;
  roomList.forEach((ref, i) => {
    unknown(typeof request.room === "string" ? "request.room" : `request.room[${i}]`, ref, "room", rooms);
  });
  if (problems.length > 0) throw new UsageError(`${where}: ${problems.join("; ")}`);
  return request;
}
