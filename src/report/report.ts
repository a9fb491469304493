import type { Conflict, ConflictKind } from "../conflicts/detect";
import type { Horizon, Occurrence } from "../recurrence/expand";
import type { Severity } from "../schema/schedule";
import { formatDate, formatDuration, formatInstant, formatWall } from "../time/wall";
import type { ZoneClock } from "../time/zone";
import { message, WEEKDAY_NAMES, type Lang } from "./messages";

/** One occurrence as the JSON report and `lichhop expand` write it. */
export interface ReportOccurrence {
  readonly meeting: string;
  readonly title: string;
  /** ISO 8601 with the zone's offset (`2024-03-07T08:00:00+07:00`); a date for all-day. */
  readonly start: string;
  /** Exclusive end, same form as `start` (for all-day: the day after the last day). */
  readonly end: string;
  /** The original local start that names the occurrence (RECURRENCE-ID), even when moved. */
  readonly occurrence: string;
  /** `scheduled`, `changed` or `moved`. */
  readonly status: Occurrence["status"];
  /** Where the occurrence comes from: its meeting, or the `changes` entry that changed it (added by `locateReport`). */
  readonly source?: ReportSource;
}

/** A place in a schedule file: 1-based line and column (the file when known). */
export interface ReportSource {
  readonly file?: string;
  readonly line: number;
  readonly column: number;
}

/** One conflict in the JSON report. */
export interface ReportConflict {
  readonly id: string;
  readonly kind: ConflictKind;
  readonly rule: string | null;
  readonly severity: Severity;
  readonly subjects: readonly string[];
  readonly message: string;
  readonly occurrences: readonly ReportOccurrence[];
  readonly overlap: { readonly start: string; readonly end: string } | null;
  readonly period?: { readonly from: string; readonly to: string };
  /** Where to annotate the conflict: the source of its new or changed occurrence, else of its first (added by `locateReport`). */
  readonly source?: ReportSource;
}

/** The report of `lichhop check`: a public, versioned contract (version 1). */
export interface Report {
  readonly version: 1;
  readonly horizon: { readonly from: string; readonly to: string };
  readonly summary: {
    readonly meetings: number;
    readonly occurrences: number;
    readonly conflicts: number;
    readonly errors: number;
    readonly warnings: number;
    /** With a base (`--base`): conflicts listed here that the base lacks (equals `conflicts`). */
    readonly new?: number;
    /** With a base: conflicts of the base that are gone. */
    readonly fixed?: number;
    /** With a base: conflicts in both, left out of `conflicts`. */
    readonly unchanged?: number;
  };
  readonly conflicts: readonly ReportConflict[];
}

/** Everything needed to render conflicts: titles, the rules' titles, zones and the language. */
export interface RenderContext {
  readonly lang: Lang;
  readonly clockFor: (zone: string) => ZoneClock;
  /** The clock of the schedule's own zone (overlaps are shown in it). */
  readonly clock: ZoneClock;
  readonly ruleTitles: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
}

/** An occurrence in report form. */
export function reportOccurrence(occurrence: Occurrence, clockFor: (zone: string) => ZoneClock): ReportOccurrence {
  const clock = clockFor(occurrence.zone);
  const iso = (instant: number) =>
    occurrence.allDay ? formatDate(clock.toWall(instant)) : formatInstant(instant, clock.offsetAt(instant));
  return {
    meeting: occurrence.meeting,
    title: occurrence.title,
    start: iso(occurrence.start),
    end: iso(occurrence.end),
    occurrence: occurrence.allDay ? formatDate(occurrence.recurrenceId) : formatWall(occurrence.recurrenceId),
    status: occurrence.status,
  };
}


/** "T5 07/03/2024 08:00–11:30" in the occurrence's zone (all-day: the dates only). */
export function describeTime(occurrence: Occurrence, clock: ZoneClock, lang: Lang): string {
  const startWall = clock.toWall(occurrence.start);
  const endWall = clock.toWall(occurrence.end);
  const d = new Date(startWall);
  const day = (wall: number) => {
    const iso = formatDate(wall);
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  };
  const weekday = WEEKDAY_NAMES[lang][d.getUTCDay()] as string;
  if (occurrence.allDay) {
    const last = endWall - 1;
    return formatDate(last) === formatDate(startWall) ? `${weekday} ${day(startWall)}` : `${weekday} ${day(startWall)}–${day(last)}`;
  }
  const time = (wall: number) => formatWall(wall).slice(11, 16);
  const sameDay = formatDate(startWall) === formatDate(endWall);
  return `${weekday} ${day(startWall)} ${time(startWall)}–${sameDay ? "" : `${day(endWall)} `}${time(endWall)}`;
}

/** The message of a conflict in the context's language. */
export function conflictMessage(conflict: Conflict, context: RenderContext): string {
  const label = (o: Occurrence) => `"${o.title}" (${describeTime(o, context.clockFor(o.zone), context.lang)})`;
  const [a, b] = conflict.occurrences;
  const subjects = conflict.subjects.map((id) => context.names.get(id) ?? id).join(", ");
  const rule = conflict.rule === null ? "" : context.ruleTitles.get(conflict.rule) ?? conflict.rule;
  switch (conflict.kind) {
    case "attendee":
      return message(context.lang, "conflict-attendee", { subjects, a: a ? label(a) : "", b: b ? label(b) : "" });
    case "room":
      return message(context.lang, "conflict-room", { subjects, a: a ? label(a) : "", b: b ? label(b) : "" });
    case "rule": {
      const gap = conflict.overlap === null ? Number(conflict.details?.gap ?? 0) : 0;
      return message(context.lang, "conflict-rule", {
        rule,
        a: a ? label(a) : "",
        b: b ? label(b) : "",
        gap: gap > 0 ? formatDuration({ days: 0, ms: gap }) : "",
      });
    }
    default:
      return message(context.lang, `conflict-${conflict.kind}` as "conflict-rule", {
        rule,
        a: a ? label(a) : "",
        b: b ? label(b) : "",
        ...conflict.details,
      });
  }
}

/** Orders conflicts by first start, then id. */
export function compareConflicts(a: Conflict, b: Conflict): number {
  const sa = a.period ? a.period.from : "";
  const sb = b.period ? b.period.from : "";
  // A cadence conflict with nothing counted sorts by its period's first day (read as UTC).
  const startA = a.occurrences[0]?.start ?? (a.period ? Date.parse(a.period.from) : Number.NEGATIVE_INFINITY);
  const startB = b.occurrences[0]?.start ?? (b.period ? Date.parse(b.period.from) : Number.NEGATIVE_INFINITY);
  return startA - startB || (sa < sb ? -1 : sa > sb ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Builds the JSON report from the expansion and the conflicts (sorted here, on a copy). */
export function buildReport(
  horizon: Horizon,
  meetings: number,
  occurrences: number,
  conflicts: readonly Conflict[],
  context: RenderContext,
): Report {
  const sorted = [...conflicts].sort(compareConflicts);
  const overlapIso = (instant: number) => formatInstant(instant, context.clock.offsetAt(instant));
  return {
    version: 1,
    horizon: { from: horizon.from, to: horizon.to },
    summary: {
      meetings,
      occurrences,
      conflicts: sorted.length,
      errors: sorted.filter((c) => c.severity === "error").length,
      warnings: sorted.filter((c) => c.severity === "warning").length,
    },
    conflicts: sorted.map((conflict) => ({
      id: conflict.id,
      kind: conflict.kind,
      rule: conflict.rule,
      severity: conflict.severity,
      subjects: conflict.subjects,
      message: conflict.occurrences.length > 0 || conflict.period ? conflictMessage(conflict, context) : "",
      occurrences: conflict.occurrences.map((o) => reportOccurrence(o, context.clockFor)),
      overlap: conflict.overlap ? { start: overlapIso(conflict.overlap.start), end: overlapIso(conflict.overlap.end) } : null,
      ...(conflict.period ? { period: conflict.period } : {}),
    })),
  };
}
