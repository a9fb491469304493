import * as z from "zod";
import { UsageError } from "../errors";
import { closest, hintBudget } from "../load/hints";
import { type Lang, message, REQUEST_WORDS, type RequestExpected, type RequestWord } from "../messages";
import type { Schedule } from "../schema/model";
import { DATE_PATTERN, DATE_TIME_PATTERN, DURATION_PATTERN, ID_PATTERN } from "../schema/schedule";
import { DAY, isSupportedWall, parseDuration, parseWall } from "../time/wall";

/** The longest window searched, in days. */
export const MAX_WINDOW_DAYS = 366;
/** The largest `maxPerDay` a request may ask for. */
export const MAX_PER_DAY = 24;
/** The most slots one search returns. */
export const MAX_SLOT_COUNT = 100;

// The schema's own messages are the English words of the catalogue, so that a problem finds its word again (see expectedOf).
const EN = REQUEST_WORDS.en;
const id = z.string().regex(ID_PATTERN, { error: EN.id });
const ids = z.array(id);
const date = z
  .string()
  .regex(DATE_PATTERN, { error: EN.date, abort: true })
  .refine((text) => parseWall(text) !== undefined, { error: EN["real-date"], abort: true })
  .refine((text) => isSupportedWall((parseWall(text) as { wall: number }).wall), { error: EN["supported-date"] });
const spanMs = (text: string): number => {
  const span = parseDuration(text);
  return span ? span.days * DAY + span.ms : Number.NaN;
};
const buffer = z
  .string()
  .regex(DURATION_PATTERN, { error: EN.duration, abort: true })
  .refine((text) => spanMs(text) <= DAY, { error: EN.buffer });
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
      .regex(DURATION_PATTERN, { error: EN.duration, abort: true })
      .refine((text) => spanMs(text) > 0 && spanMs(text) <= DAY, { error: EN["meeting-duration"] })
      .meta({ description: "How long the meeting lasts: ISO 8601, hours and minutes (PT2H, PT1H30M), at most 24 hours." }),
    from: date.meta({ description: "First local date searched, YYYY-MM-DD, in the schedule's zone." }),
    to: date.meta({ description: "Last local date searched, inclusive." }),
    halfDay: z
      .enum(["sang", "chieu", "sáng", "chiều"])
      .meta({ description: "Only the morning (sang: working periods starting before 12:00) or the afternoon (chieu)." })
      .optional(),
    times: z
      .array(z.string().refine((text) => parseTimes(text) !== undefined, { error: EN.times }))
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
      .union([id, ids.min(1)], { error: EN.room })
      .meta({ description: "A room, or a list to choose from in order of preference: the first free one is taken." })
      .optional(),
    align: z
      .union([z.int().min(1).max(720), z.literal("half-day")], { error: EN.align })
      .meta({
        description: "Start times: multiples of these minutes from local midnight (default 30), or half-day: the working periods' starts.",
      })
      .optional(),
    buffer: z
      .strictObject({ before: buffer.optional(), after: buffer.optional() })
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
    maxPerDay: z
      .int()
      .min(1)
      .max(MAX_PER_DAY)
      .meta({
        description:
          "The most meetings one person has on a local day, the new one included: a day on which a required attendee already has this many is refused; an optional one who has counts as busy.",
      })
      .optional(),
    count: z.int().min(1).max(MAX_SLOT_COUNT).meta({ description: "How many slots to return (default 5, at most 100)." }).optional(),
    prefer: z
      .enum(["earliest", "nearest"])
      .meta({ description: "Rank slots by start (earliest, the default) or by distance from near (nearest)." })
      .optional(),
    near: z
      .string()
      .regex(DATE_TIME_PATTERN, { error: EN["local-time"], abort: true })
      .refine((text) => parseWall(text) !== undefined, { error: EN["real-local-time"] })
      .meta({ description: "The local time prefer: nearest measures from." })
      .optional(),
  })
  .superRefine((request, context) => {
    if (request.body !== undefined && request.bodies !== undefined) {
      context.addIssue({
        code: "custom",
        message: EN["body-or-bodies"],
        path: ["bodies"],
        params: { expected: { what: "body-or-bodies" } },
      });
    }
    const from = parseWall(request.from)?.wall;
    const to = parseWall(request.to)?.wall;
    if (from !== undefined && to !== undefined) {
      if (to < from) {
        const expected: RequestExpected = { onOrAfter: request.from };
        context.addIssue({ code: "custom", message: "to before from", path: ["to"], params: { expected } });
      } else if ((to - from) / DAY + 1 > MAX_WINDOW_DAYS) {
        const expected: RequestExpected = { window: { days: MAX_WINDOW_DAYS, from: request.from } };
        context.addIssue({ code: "custom", message: "window too long", path: ["to"], params: { expected } });
      }
    }
    if (request.prefer === "nearest" && request.near === undefined) {
      context.addIssue({ code: "custom", message: EN.near, path: ["near"], params: { expected: { what: "near" } } });
    }
  });

/** A free-slot request as written (input of {@link slotRequestSchema}). */
export type SlotRequestInput = z.input<typeof slotRequestSchema>;
/** A free-slot request, validated. */
export type SlotRequest = z.output<typeof slotRequestSchema>;

/**
 * One problem of a free-slot request, as data: the CLI words it in its language, the library's
 * {@link UsageError} in English. `path` is written as `request.attendees.required[0]`.
 */
export type SlotRequestProblem =
  | { readonly kind: "invalid"; readonly path: string; readonly expected: RequestExpected; readonly found: unknown }
  | { readonly kind: "unknown-field"; readonly path: string; readonly field: string; readonly hint?: string }
  | {
      readonly kind: "unknown-reference";
      readonly path: string;
      readonly ref: "body" | "attendee" | "room";
      readonly id: string;
      readonly hint?: string;
    };

/** A problem in words. */
export function requestProblemText(problem: SlotRequestProblem, lang: Lang): string {
  const hint = "hint" in problem && problem.hint !== undefined ? { hint: problem.hint } : {};
  switch (problem.kind) {
    case "invalid":
      return message(lang, "request-invalid", {
        path: problem.path,
        expected: problem.expected,
        ...(problem.found === undefined ? {} : { found: JSON.stringify(problem.found) }),
      });
    case "unknown-field":
      return message(lang, "request-unknown-field", { path: problem.path, field: problem.field, ...hint });
    case "unknown-reference":
      return message(lang, "request-unknown-reference", { path: problem.path, kind: problem.ref, id: problem.id, ...hint });
  }
}

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

const WORD_OF_TEXT = new Map((Object.entries(EN) as [RequestWord, string][]).map(([word, text]) => [text, word]));
const TYPE_WORDS: Readonly<Record<string, RequestWord>> = {
  string: "text",
  number: "number",
  int: "int",
  boolean: "boolean",
  array: "list",
  object: "mapping",
};

/** What a zod issue of the request schema says was expected. */
function expectedOf(issue: z.core.$ZodIssue): RequestExpected {
  if (issue.code === "custom" && issue.params?.["expected"]) return issue.params["expected"] as RequestExpected;
  const word = WORD_OF_TEXT.get(issue.message);
  if (word !== undefined) return { what: word };
  switch (issue.code) {
    case "invalid_type":
      return { what: TYPE_WORDS[issue.expected] ?? "text" };
    case "too_small":
      return issue.origin === "array" ? { what: "non-empty-list" } : { atLeast: Number(issue.minimum) };
    case "too_big":
      return { atMost: Number(issue.maximum) };
    case "invalid_value":
      return { oneOf: issue.values.map(String) };
    default:
      return { what: "text" };
  }
}

/**
 * Validates a request against {@link slotRequestSchema} and the schedule's ids, returning the
 * request or every problem found (zod's `safeParse` shape).
 */
export function safeCheckSlotRequest(
  value: unknown,
  schedule: Schedule,
): { readonly ok: true; readonly value: SlotRequest } | { readonly ok: false; readonly problems: readonly SlotRequestProblem[] } {
  const parsed = slotRequestSchema.safeParse(value);
  if (!parsed.success) {
    const known = Object.keys(slotRequestSchema.shape);
    const problems = parsed.error.issues.flatMap((issue): SlotRequestProblem[] => {
      const path = pathText(issue.path);
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((field) => {
          const hint = closest(field, known, hintBudget());
          return { kind: "unknown-field", path, field, ...(hint ? { hint } : {}) };
        });
      }
      return [{ kind: "invalid", path, expected: expectedOf(issue), found: valueAt(value, issue.path) }];
    });
    return { ok: false, problems };
  }
  const request = parsed.data;
  const problems: SlotRequestProblem[] = [];
  const bodies = new Set(schedule.bodies.map((body) => body.id));
  const people = new Set(schedule.people.map((person) => person.id));
  const rooms = new Set(schedule.rooms.map((room) => room.id));
  const unknown = (path: string, id: string, ref: "body" | "attendee" | "room", known: ReadonlySet<string>): void => {
    if (known.has(id)) return;
    const hint = closest(id, known, hintBudget());
    problems.push({ kind: "unknown-reference", path, ref, id, ...(hint ? { hint } : {}) });
  };
  if (request.body !== undefined) unknown("request.body", request.body, "body", bodies);
  request.bodies?.forEach((ref, i) => {
    unknown(`request.bodies[${i}]`, ref, "body", bodies);
  });
  const attendees = new Set([...bodies, ...people]);
  for (const list of ["required", "optional"] as const) {
    request.attendees?.[list]?.forEach((ref, i) => {
      unknown(`request.attendees.${list}[${i}]`, ref, "attendee", attendees);
    });
  }
  const roomList = request.room === undefined ? [] : typeof request.room === "string" ? [request.room] : request.room;
  roomList.forEach((ref, i) => {
    unknown(typeof request.room === "string" ? "request.room" : `request.room[${i}]`, ref, "room", rooms);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: request };
}

/**
 * Validates a request as {@link safeCheckSlotRequest} does; every problem becomes one
 * {@link UsageError} in English naming each field, what was expected and what was found.
 */
export function checkSlotRequest(value: unknown, schedule: Schedule, where: string): SlotRequest {
  const checked = safeCheckSlotRequest(value, schedule);
  if (!checked.ok) throw new UsageError(`${where}: ${checked.problems.map((problem) => requestProblemText(problem, "en")).join("; ")}`);
  return checked.value;
}
