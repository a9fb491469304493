import { UsageError } from "../errors";
import { inert } from "../internal/inert";
import { elapsedWords, message } from "../messages";
import { scheduleZone } from "../schema/model";
import { findSlots, type Slot } from "../slots/find";
import { requestProblemText, safeCheckSlotRequest, type SlotRequestInput } from "../slots/request";
import { DAY, formatDate, parseDuration, parseWall } from "../time/wall";
import { formatDmy } from "../time/wall-text";
import { zoneClock } from "../time/zone";
import { writeJson, type Output } from "./io";
import { loadScheduleFile } from "./load";
import { nowOption } from "./now";
import { type CommonOptions, commaList } from "./options";

/** The options of `lichhop free`, as the command line gives them. */
export interface FreeOptions extends CommonOptions {
  readonly duration?: string | undefined;
  readonly attendees?: string | undefined;
  readonly optional?: string | undefined;
  readonly room?: string | undefined;
  readonly rooms?: string | undefined;
  readonly body?: string | undefined;
  readonly halfDay?: string | undefined;
  /** `--tags a,b`: the new meeting's tags. */
  readonly tags?: string | undefined;
  /** `--align 15` or `--align half-day`. */
  readonly align?: string | undefined;
  /** `--buffer PT15M`: kept free before and after the meeting. */
  readonly buffer?: string | undefined;
  readonly count?: number | undefined;
  readonly minNotice?: number | undefined;
  /** `--times 08:00-11:00,14:00-16:00`: time-of-day windows the meeting lies within. */
  readonly times?: string | undefined;
  /** `--max-per-day 2`: the most meetings one person has a day, the new one included. */
  readonly maxPerDay?: string | undefined;
  /** `--quorum 0.5`: the least share of the optional attendees who must be free. */
  readonly quorum?: string | undefined;
  /** `--near YYYY-MM-DDTHH:MM`: slots nearest this local time first. */
  readonly near?: string | undefined;
  /** `--now`, a local time (or a date: its start) in the schedule's zone; else {@link FreeOptions.clock}. */
  readonly now?: string | undefined;
  /** The present, read by the caller (the clock is read in `main` only). */
  readonly clock: number;
}

/** The days searched when `--to` is not given: two weeks from `--from`. */
const DEFAULT_DAYS = 14;

/**
 * `lichhop free FILE --duration PT2H …`: free times for a new meeting, as text or JSON
 * (`{ version: 1, slots, whyNone?, nearMisses }`). Exit 0 with slots, 1 without (`whyNone` says why).
 */
export function runFree(file: string, options: FreeOptions, out: Output): number {
  const schedule = loadScheduleFile(file, options);
  const lang = options.lang ?? schedule.locale ?? "vi";
  if (options.duration === undefined) throw new UsageError(message(lang, "free-needs-duration"));
  if (options.halfDay !== undefined && !["sang", "chieu", "sáng", "chiều"].includes(options.halfDay)) {
    throw new UsageError(message(lang, "bad-half-day", { found: options.halfDay }));
  }
  const clock = zoneClock(scheduleZone(schedule));
  const now = nowOption(schedule, options.now, options.clock, lang);
  const from = options.from ?? formatDate(Math.floor(clock.toWall(now) / DAY) * DAY);
  const to = options.to ?? formatDate((parseWall(from)?.wall ?? 0) + (DEFAULT_DAYS - 1) * DAY);
  const required = commaList(options.attendees);
  const optional = commaList(options.optional);
  const rooms = commaList(options.rooms);
  const tags = commaList(options.tags);
  const times = commaList(options.times);
  // A number is read as one; anything else goes to the request as written, which names what it expects.
  const numeric = (value: string | undefined) =>
    value === undefined ? undefined : /^\d{1,9}(\.\d{1,9})?$/.test(value) ? Number(value) : value;
  const quorum = numeric(options.quorum);
  const maxPerDay = numeric(options.maxPerDay);
  // A number is minutes.
  const align = options.align === undefined ? undefined : /^\d{1,9}$/.test(options.align) ? Number(options.align) : options.align;
  const request: SlotRequestInput = {
    duration: options.duration,
    from,
    to,
    ...(options.body === undefined ? {} : { body: options.body }),
    ...(tags ? { tags } : {}),
    ...(required || optional || quorum !== undefined
      ? {
          attendees: {
            ...(required ? { required } : {}),
            ...(optional ? { optional } : {}),
            ...(quorum === undefined ? {} : { quorum: quorum as number }),
          },
        }
      : {}),
    ...(times ? { times } : {}),
    ...(maxPerDay === undefined ? {} : { maxPerDay: maxPerDay as number }),
    ...(options.near === undefined ? {} : { prefer: "nearest" as const, near: options.near }),
    ...(options.room !== undefined ? { room: options.room } : rooms ? { room: rooms } : {}),
    ...(options.halfDay === undefined ? {} : { halfDay: options.halfDay as "sang" | "chieu" }),
    ...(align === undefined ? {} : { align: align as number | "half-day" }),
    ...(options.buffer === undefined ? {} : { buffer: { before: options.buffer, after: options.buffer } }),
    ...(options.count === undefined ? {} : { count: options.count }),
    ...(options.minNotice === undefined ? {} : { minNotice: options.minNotice }),
  };
  // The library words a refused request in English for developers; the command line in its own language.
  const checked = safeCheckSlotRequest(request, schedule);
  if (!checked.ok) {
    // --buffer fills both sides: one mistake, said once.
    const problems = checked.problems.filter((problem) => problem.path !== "request.buffer.after");
    throw new UsageError(message(lang, "free-bad-request", { problems: problems.map((problem) => requestProblemText(problem, lang)) }));
  }
  const result = findSlots(schedule, request, { now, lang, ...(options.limits ? { limits: options.limits } : {}) });
  if (options.format === "json") {
    writeJson({ version: 1, ...result }, out);
    return result.slots.length > 0 ? 0 : 1;
  }
  const roomNames = new Map(schedule.rooms.map((room) => [room.id, room.name]));
  const span = parseDuration(options.duration);
  const lines = [
    message(lang, "free-heading", {
      duration: span ? elapsedWords(span.days * DAY + span.ms, lang) : options.duration,
      from: formatDmy(from),
      to: formatDmy(to),
    }),
    "",
  ];
  const slotLines = (slot: Slot, index: number) => {
    lines.push(`${index + 1}. ${slot.reason}`);
    if (slot.room !== null) lines.push(`   ${message(lang, "free-label", { label: "room" })}: ${roomNames.get(slot.room) ?? slot.room}`);
    for (const busy of slot.optionalBusy) lines.push(`   ${message(lang, "free-label", { label: "busy" })}: ${busy.message}`);
    for (const warning of slot.warnings) lines.push(`   ${message(lang, "free-label", { label: "warning" })}: ${warning.message}`);
  };
  result.slots.forEach(slotLines);
  if (result.whyNone) {
    lines.push(`${message(lang, "free-label", { label: "none" })}:`);
    for (const day of result.whyNone) lines.push(`- ${day.text}`);
  }
  if (result.nearMisses.length > 0) {
    lines.push("", `${message(lang, "free-label", { label: "near" })}:`);
    result.nearMisses.forEach(slotLines);
  }
  out.stdout(`${lines.map(inert).join("\n")}\n`);
  return result.slots.length > 0 ? 0 : 1;
}
