import type { Issue } from "../errors";
import { icsIssue, importCalendar, type ImportedMeeting } from "../import";
import { MAX_SOURCE_EVENTS } from "../limits";
import { message, type FileFailure, type Lang } from "../messages";
import { scheduleZone } from "../schema/model";
import { meetingSchema, type Meeting, type ScheduleFile, type Source } from "../schema/schedule";
import { isValidZone } from "../time/zone";
import { locate, type MergedPosition, type ScheduleSource, type SourcePosition } from "../source";

/**
 * The text of one .ics source as the caller read it: a string, UTF-8 bytes, or why the file could
 * not be read (the CLI's `cannot-read` reasons), to be reported at the schedule's `ics:` field.
 */
export type SourceText = string | Uint8Array | { readonly failure: FileFailure };

/**
 * Where a source's `ics` path points, as shown in messages: the path joined to the schedule
 * file's folder and tidied lexically (`./a/../b.ics` → `b.ics`), never resolved through links, so
 * a source reached through `..` or a symbolic link is shown as written.
 *
 * @example
 * sourcePath("lich/2024.yaml", "./ubnd.ics"); // "lich/ubnd.ics"
 */
export function sourcePath(scheduleFile: string | undefined, ics: string): string {
  const slash = ics.replace(/\\/g, "/");
  const dir = scheduleFile === undefined ? "" : scheduleFile.replace(/\\/g, "/").replace(/[^/]*$/, "");
  const joined = slash.startsWith("/") ? slash : `${dir}${slash}`;
  const absolute = joined.startsWith("/");
  const parts: string[] = [];
  for (const part of joined.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else if (part !== ".." || !absolute) parts.push(part);
  }
  return `${absolute ? "/" : ""}${parts.join("/")}`;
}

/** The texts of the sources by their {@link sourcePath}, from a map keyed by the paths as written in `scheduleFile`. */
export function sourceTexts(
  scheduleFile: string | undefined,
  given: Readonly<Record<string, SourceText>> | undefined,
): Map<string, SourceText> {
  const texts = new Map<string, SourceText>();
  for (const [written, text] of Object.entries(given ?? {})) texts.set(sourcePath(scheduleFile, written), text);
  return texts;
}

/** What importing needs from validation: the language, the positions, and the texts. */
export interface SourceContext {
  readonly lang: Lang;
  readonly source: ScheduleSource;
  readonly texts: ReadonlyMap<string, SourceText>;
  /** The semantic checks of validation, to test the imported meetings before they join the schedule. */
  readonly check: (file: ScheduleFile, lang: Lang) => Issue[];
}

/** The schedule with the meetings of its sources, or the issues that stop a source. */
export interface SourcesResult {
  readonly file: ScheduleFile;
  /** How many of the file's meetings came before the imported ones (those after passed the meeting checks already). */
  readonly own: number;
  readonly source: ScheduleSource;
  readonly warnings: Issue[];
  readonly issues: Issue[];
}

interface Placed extends ImportedMeeting {
  readonly file: string;
}

/** Whether a source's references exist, so its meetings can take them (else validation reports the entry, and it is skipped). */
function referencesResolve(file: ScheduleFile, source: Source): boolean {
  const bodies = new Set(file.bodies.map((b) => b.id));
  const people = new Set(file.people.map((p) => p.id));
  const rooms = new Set(file.rooms.map((r) => r.id));
  return (
    (source.body === undefined || bodies.has(source.body)) &&
    (source.room === undefined || rooms.has(source.room)) &&
    (source.attendees ?? []).every((id) => bodies.has(id) !== people.has(id)) &&
    (source.timezone === undefined || isValidZone(source.timezone))
  );
}

/**
 * Reads the `sources:` of a schedule: each .ics file's events become meetings after the file's
 * own (ids from their UIDs, away from every id in use), placed at their .ics lines. An event or
 * change lichhop's checks refuse is left out with a warning at its line; a file that cannot be
 * used (missing, not iCalendar, cut short, too many events) is an issue at the `ics:` field or
 * in the file. Sources named twice (by the files of a merged schedule) are read once.
 */
export function importSources(file: ScheduleFile, context: SourceContext): SourcesResult {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const taken = new Set(file.meetings.map((m) => m.id));
  const imported: Placed[] = [];
  const seen = new Set<string>();
  let events = MAX_SOURCE_EVENTS;
  (file.sources ?? []).forEach((source, index) => {
    const at = locate(context.source, ["sources", index, "ics"]);
    const shown = sourcePath(at.file, source.ics);
    const { ics: _ics, ...settings } = source;
    const key = `${shown}\u0000${JSON.stringify(settings)}`;
    if (seen.has(key) || !referencesResolve(file, source)) return;
    seen.add(key);
    const text = context.texts.get(shown);
    const here = (id: "source-not-given" | "cannot-read", failure?: FileFailure): Issue => ({
      code: "unreadable-source",
      message:
        id === "cannot-read"
          ? message(context.lang, id, { file: shown, failure: failure as FileFailure })
          : message(context.lang, id, { file: shown }),
      path: at.path,
      ...(at.file === undefined ? {} : { file: at.file }),
      ...(at.line === undefined ? {} : { line: at.line, column: at.column as number }),
    });
    if (text === undefined) {
      issues.push(here("source-not-given"));
      return;
    }
    if (typeof text === "object" && !(text instanceof Uint8Array)) {
      issues.push(here("cannot-read", text.failure));
      return;
    }
    const result = importCalendar(text, {
      filename: shown,
      lang: context.lang,
      ...(source.body === undefined ? {} : { body: source.body }),
      ...(source.tags === undefined ? {} : { tags: source.tags }),
      ...(source.attendees === undefined ? {} : { attendees: source.attendees }),
      ...(source.room === undefined ? {} : { room: source.room }),
      ...(source.blocking === undefined ? {} : { blocking: source.blocking }),
      timezone: source.timezone ?? scheduleZone(file),
      people: file.people,
      rooms: file.rooms,
      taken,
      maxEvents: events,
    });
    warnings.push(...result.warnings);
    if (!result.ok) {
      issues.push(...result.issues);
      return;
    }
    events -= result.events;
    for (const meeting of result.meetings) {
      taken.add(meeting.meeting.id);
      imported.push({ ...meeting, file: shown });
    }
  });
  if (issues.length > 0) return { file, own: file.meetings.length, source: context.source, warnings, issues };
  const kept = keepValid(file, imported, context, warnings);
  const positions: Record<string, SourcePosition | MergedPosition> = { ...context.source.positions };
  const offset = file.meetings.length;
  // Each meeting stands at its VEVENT, each change at its override: every field of them is
  // located there (the closest placed parent), a reference per field would cost more than it says.
  kept.forEach((placed, i) => {
    for (const [field, line] of Object.entries(placed.lines)) {
      if (field !== "" && !/^changes\.\d+$/.test(field)) continue;
      positions[`meetings.${offset + i}${field === "" ? "" : `.${field}`}`] = { file: placed.file, path: "", line, column: 1 };
    }
  });
  return {
    file: { ...file, meetings: [...file.meetings, ...kept.map((placed) => placed.meeting as Meeting)] },
    own: offset,
    source: { ...context.source, positions },
    warnings,
    issues,
  };
}

/** The parts of a meeting an issue path names (`changes.2`, `except.0`), or the whole meeting. */
function dropAt(meeting: Record<string, unknown>, path: readonly (string | number)[]): "part" | "meeting" {
  const [field, index] = path;
  if ((field === "changes" || field === "except" || field === "extra") && typeof index === "number") {
    const list = meeting[field] as unknown[] | undefined;
    if (list && index < list.length) {
      list[index] = undefined;
      return "part";
    }
  }
  return "meeting";
}

/**
 * The imported meetings lichhop's checks accept. A meeting whose shape, start, rule or duration
 * they refuse is left out, a change, exception or added date they refuse is dropped; each with a
 * warning at its .ics line that quotes the check's words. Validation then never fails on an event.
 */
function keepValid(file: ScheduleFile, imported: Placed[], context: SourceContext, warnings: Issue[]): Placed[] {
  let current = imported.filter((placed) => {
    const shape = meetingSchema.safeParse(placed.meeting);
    if (shape.success) return true;
    const reason = shape.error.issues[0]?.message ?? "";
    warnings.push(icsIssue("ics-unsupported", placed.file, placed.lines[""] ?? 1, context.lang, "ics-event-dropped", { reason }));
    return false;
  });
  for (let round = 0; round < 3 && current.length > 0; round++) {
    const { sources: _sources, ...rest } = file;
    const trial: ScheduleFile = { ...rest, rules: [], meetings: current.map((placed) => placed.meeting as Meeting) };
    const found = context.check(trial, context.lang).filter((issue) => issue.path[0] === "meetings");
    if (found.length === 0) return current;
    const gone = new Set<number>();
    const copies = new Map<number, Record<string, unknown>>();
    for (const issue of found) {
      const index = issue.path[1];
      if (typeof index !== "number" || gone.has(index)) continue;
      const placed = current[index] as Placed;
      const copy = copies.get(index) ?? structuredClone(placed.meeting as unknown as Record<string, unknown>);
      copies.set(index, copy);
      const rest = issue.path.slice(2);
      const what = round < 2 ? dropAt(copy, rest) : "meeting";
      const field = rest.length >= 2 ? `${rest[0]}.${rest[1]}` : String(rest[0] ?? "");
      const line = placed.lines[field] ?? placed.lines[String(rest[0] ?? "")] ?? placed.lines[""] ?? 1;
      warnings.push(
        icsIssue("ics-unsupported", placed.file, line, context.lang, what === "part" ? "ics-change-dropped" : "ics-event-dropped", {
          reason: issue.message,
        }),
      );
      if (what === "meeting") gone.add(index);
    }
    current = current.flatMap((placed, index) => {
      if (gone.has(index)) return [];
      const copy = copies.get(index);
      if (!copy) return [placed];
      const lines: Record<string, number> = {};
      for (const field of ["changes", "except", "extra"] as const) {
        const list = copy[field] as unknown[] | undefined;
        if (!list) continue;
        let kept = 0;
        list.forEach((item, i) => {
          if (item === undefined) return;
          const line = placed.lines[`${field}.${i}`];
          if (line !== undefined) lines[`${field}.${kept}`] = line;
          kept++;
        });
        const filtered = list.filter((item) => item !== undefined);
        if (filtered.length > 0) copy[field] = filtered;
        else delete copy[field];
      }
      for (const [field, line] of Object.entries(placed.lines)) if (!/^(changes|except|extra)\./.test(field)) lines[field] = line;
      return [{ ...placed, meeting: copy as unknown as ImportedMeeting["meeting"], lines }];
    });
  }
  return current;
}
