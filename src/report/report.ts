import type { Conflict, ConflictKind, LeadTimeConflict, RuleConflict } from "../conflicts/conflict";
import type { Issue } from "../errors";
import { findingFold, MAX_FINDING_CONFLICTS, type Finding } from "../conflicts/finding";
import { findingMessage } from "./finding-text";
import type { Horizon, Occurrence } from "../recurrence/occurrence";
import type { Change, Severity } from "../schema/schedule";
import { DAY, formatOffset, HOUR, MINUTE, parseDuration } from "../time/wall";
import type { ZoneClock } from "../time/zone";
import {
  CHECK_TITLES,
  elapsedWords,
  isBuiltInCheck,
  message,
  periodName,
  periodsText,
  rangeWords,
  WEEKDAY_NAMES,
  type Lang,
} from "../messages";
import { formatDmy, isoDate, isoDateTime, weekday } from "../time/wall-text";

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
  /** `postponed` or `cancelled` by its change's `status` (listed, not held); absent for an occurrence that takes place. */
  readonly withdrawn?: "postponed" | "cancelled";
  /** Where the occurrence comes from: its meeting, or the `changes` entry that changed it (in a check's report). */
  readonly source?: ReportSource;
}

/** A place in a schedule file: 1-based line and column (the file when known). */
export interface ReportSource {
  readonly file?: string;
  readonly line: number;
  readonly column: number;
}

/** One `changes` entry as the schedule file takes it: the occurrence and its new times, local to the meeting's zone. */
export type MoveChange = Pick<Change, "occurrence" | "title" | "room" | "attendees"> & {
  readonly start: string;
  readonly end: string;
};

/** A new time for one occurrence of a clash, checked by applying it to a copy of the schedule. */
export interface Move {
  /** The meeting moved. */
  readonly meeting: string;
  /**
   * The entry to put in the meeting's `changes` (replacing the entry for the same occurrence, if
   * the file has one: that entry's `title`, `room` and `attendees` are kept, its `duration` is
   * dropped for `end`). Times are local, `YYYY-MM-DDTHH:MM`, in the meeting's zone.
   */
  readonly change: MoveChange;
  /** The new start and exclusive end, ISO 8601 with that day's offset, as the report writes instants. */
  readonly start: string;
  readonly end: string;
  /** Why this time, in words (the slot's reason from `findSlots`). */
  readonly reason: string;
  /** Ids of the findings of the current report that are gone once the move is made. */
  readonly resolves: readonly string[];
  /**
   * Ids of the findings of the moved schedule's report that are new or gained a conflict (all of
   * severity warning: a move adding an error is never offered).
   */
  readonly adds: readonly string[];
  /** Ids of the conflicts of the current report that are gone (the clash's own among them). */
  readonly resolvedConflicts: readonly string[];
  /** Ids of the conflicts the move adds (all of severity warning). */
  readonly addedConflicts: readonly string[];
}

/** The fields of a meeting a {@link SeriesMove} rewrites, as the schedule file takes them. */
export interface SeriesEdit {
  readonly start: string;
  readonly end?: string;
  readonly except?: readonly string[];
  readonly extra?: readonly string[];
  /** The `changes` entries, their `occurrence` at the new time (their own `start`/`end` kept). */
  readonly changes?: readonly Change[];
}

/** A new time of day for a whole series: the meeting's fields to replace, checked on a copy. */
export interface SeriesMove extends Omit<Move, "change" | "start" | "end"> {
  /** The fields to replace in the meeting (times local, `YYYY-MM-DDTHH:MM`, in its zone). */
  readonly edit: SeriesEdit;
  /** The new local start and end time of day, `HH:MM`. */
  readonly from: string;
  readonly to: string;
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
  /** Where to annotate the conflict: the source of its occurrence of a changed meeting (`changed`), else of its first. */
  readonly source?: ReportSource;
  /** The id of the finding it belongs to (reports built before findings lack it). */
  readonly finding?: string;
}

/**
 * A finding in the JSON report: the conflicts that share kind, rule, subjects and meeting series
 * (see `findingKey`), what a person fixes and what CI judges.
 */
export interface ReportFinding {
  /** Stable fingerprint of the grouping key: retiming or moving the series keeps it. */
  readonly id: string;
  readonly kind: ConflictKind;
  readonly rule: string | null;
  readonly severity: Severity;
  readonly subjects: readonly string[];
  /** The meeting ids involved, sorted (empty for cadence). */
  readonly meetings: readonly string[];
  /** The rule's title, or the built-in check's ("Một phòng họp dùng cho hai cuộc họp cùng lúc"). */
  readonly title: string;
  readonly message: string;
  /** How many conflicts it groups. */
  readonly count: number;
  /** First and last local date of its conflicts, `YYYY-MM-DD`. */
  readonly first: string;
  readonly last: string;
  /** Its distinct local dates, at most 100 (a cadence finding: its periods' first days). */
  readonly dates: readonly string[];
  /** How many distinct dates it has. */
  readonly dateCount: number;
  /** The ids of its first conflicts in report order, at most 100. */
  readonly conflicts: readonly string[];
  /**
   * Where to annotate it. Without a base: the `start` line of the later of its meetings in the
   * file (with `changed`, of a changed one), else its first conflict's source. Against a base
   * (`reportAgainstBase` with `changes`): the line of the field that differs and makes the clash.
   */
  readonly source?: ReportSource;
  /** Against a base only: whether the finding is new or changed, and the dates it gained or lost. */
  readonly diff?: FindingDiff;
  /**
   * `lichhop check --suggest` only: the best move of each side of the finding's clash that has
   * one (see `suggestMoves`); on the first 20 findings of kinds rule, attendee, room, day-off
   * and working-hours, absent elsewhere.
   */
  readonly suggestions?: readonly Move[];
  /**
   * `lichhop check --suggest` only, beside `suggestions`: the best whole-series move of each side
   * that repeats, when the finding has more than one date and a time of day frees them all.
   */
  readonly seriesSuggestions?: readonly SeriesMove[];
}

/**
 * How a finding of a report against a base differs from the base: `new` (the base lacks it) or
 * `changed` (in both, its dates differ, or its meetings changed). Dates are local `YYYY-MM-DD`,
 * at most 100 each; the counts count them all.
 */
export interface FindingDiff {
  readonly status: "new" | "changed";
  /** Dates it has that the base's finding lacks (a new finding: all its dates). */
  readonly gained: readonly string[];
  readonly gainedCount: number;
  /** Dates the base's finding had that it lacks now. */
  readonly lost: readonly string[];
  readonly lostCount: number;
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
    /** How many findings the conflicts form (reports built before findings lack it). */
    readonly findings?: number;
    /**
     * With a base (`--base`): findings the base lacks. Reports with findings count findings
     * here and in `changed`, `fixed` and `unchanged`; a report without findings counts conflicts.
     */
    readonly new?: number;
    /** With a base: findings in both whose dates (or meetings) differ. */
    readonly changed?: number;
    /** With a base: findings of the base that are gone. */
    readonly fixed?: number;
    /** With a base: findings in both, the same, left out of `findings`. */
    readonly unchanged?: number;
  };
  readonly conflicts: readonly ReportConflict[];
  /** The conflicts grouped into findings: errors first, then by first date, then id (reports built before findings lack it). */
  readonly findings?: readonly ReportFinding[];
  /**
   * What lichhop read differently from, or left out of, the schedule's .ics sources, each at its
   * .ics file and line (absent when there is nothing to say, and in reports of schedules without sources).
   */
  readonly warnings?: readonly Issue[];
}

/** Everything needed to render conflicts: titles, the rules' titles, zones and the language. */
export interface RenderContext {
  readonly lang: Lang;
  readonly clockFor: (zone: string) => ZoneClock;
  /** The clock of the schedule's own zone (overlaps are shown in it). */
  readonly clock: ZoneClock;
  readonly ruleTitles: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
  /** Whether a meeting is on the first side (`between[0]`) of a no-overlap rule: a finding names that side first. */
  readonly onFirstSide?: ((rule: string, meeting: string) => boolean) | undefined;
  /** The meetings' titles and how they repeat, by id (findings name a series by both). */
  readonly meetings: ReadonlyMap<string, { readonly title: string; readonly start: string; readonly repeat?: string | undefined }>;
}

/** An occurrence in report form. */
export function reportOccurrence(occurrence: Occurrence, clockFor: (zone: string) => ZoneClock): ReportOccurrence {
  return occurrenceEntry(occurrence, clockFor(occurrence.zone), PLAIN);
}

/** "T5 07/03/2024 08:00–11:30" in the occurrence's zone (all-day: the dates only). */
export function describeTime(occurrence: Occurrence, clock: ZoneClock, lang: Lang): string {
  return timeDescription(occurrence, clock, lang, PLAIN);
}

/** How times are written. `buildReport` remembers each value's text, so that equal values share one string. */
interface TimeText {
  /** ISO 8601 of an instant with the zone's offset, as `formatInstant` writes it. */
  instant(instant: number, clock: ZoneClock): string;
  /** `YYYY-MM-DD` of a wall time. */
  date(wall: number): string;
  /** `YYYY-MM-DDTHH:MM:SS` of a wall time. */
  dateTime(wall: number): string;
}

const PLAIN: TimeText = {
  instant: (instant, clock) => instantText(instant, clock.offsetAt(instant)),
  date: isoDate,
  dateTime: isoDateTime,
};

/** A {@link TimeText} that computes each distinct value once. */
function rememberingTimeText(): TimeText {
  const byClock = new Map<ZoneClock, (instant: number) => string>();
  return {
    instant: (instant, clock) => {
      let text = byClock.get(clock);
      if (!text) {
        text = remember((value) => instantText(value, clock.offsetAt(value)));
        byClock.set(clock, text);
      }
      return text(instant);
    },
    date: remember(isoDate),
    dateTime: remember(isoDateTime),
  };
}

function remember(compute: (value: number) => string): (value: number) => string {
  const known = new Map<number, string>();
  return (value) => {
    let text = known.get(value);
    if (text === undefined) {
      text = compute(value);
      known.set(value, text);
    }
    return text;
  };
}

function occurrenceEntry(occurrence: Occurrence, clock: ZoneClock, text: TimeText, source?: ReportSource): ReportOccurrence {
  const iso = (instant: number) => (occurrence.allDay ? text.date(clock.toWall(instant)) : text.instant(instant, clock));
  const entry: Writable<ReportOccurrence> = {
    meeting: occurrence.meeting,
    title: occurrence.title,
    start: iso(occurrence.start),
    end: iso(occurrence.end),
    occurrence: occurrence.allDay ? text.date(occurrence.recurrenceId) : wallText(text.dateTime(occurrence.recurrenceId)),
    status: occurrence.status,
  };
  if (occurrence.withdrawn !== undefined) entry.withdrawn = occurrence.withdrawn;
  if (source) entry.source = source;
  return entry;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Where a report's occurrences and conflicts are in the file (made by `report/locate.ts`). */
export interface ReportLocator {
  /** The source of an occurrence: its meeting, or the `changes` entry that changed or moved it. */
  occurrence(occurrence: Occurrence): ReportSource | undefined;
  /** Where a conflict is annotated, from its located occurrences (or its rule). */
  conflict(occurrences: readonly ReportOccurrence[], rule: string | null): ReportSource | undefined;
  /** Where a finding is annotated, from its meetings; `fallback` is its first conflict's source. */
  finding?(meetings: readonly string[], fallback: ReportSource | undefined): ReportSource | undefined;
}

function timeDescription(occurrence: Occurrence, clock: ZoneClock, lang: Lang, text: TimeText): string {
  const startWall = clock.toWall(occurrence.start);
  const endWall = clock.toWall(occurrence.end);
  const weekdayName = WEEKDAY_NAMES[lang][weekday(startWall)] as string;
  const startDate = text.date(startWall);
  if (occurrence.allDay) {
    const lastDate = text.date(endWall - 1);
    const days =
      lastDate === startDate ? `${weekdayName} ${formatDmy(startDate)}` : `${weekdayName} ${formatDmy(startDate)}–${formatDmy(lastDate)}`;
    return days + movedFrom(occurrence, startDate, lang, text);
  }
  const start = text.dateTime(startWall);
  const end = text.dateTime(endWall);
  const endDate = end.slice(0, 10);
  const times = `${weekdayName} ${formatDmy(startDate)} ${hhmm(start)}–${endDate === startDate ? "" : `${formatDmy(endDate)} `}${hhmm(end)}`;
  return times + movedFrom(occurrence, startDate, lang, text);
}

/** `, dời từ 15/02` for an occurrence moved from another day (`, dời từ 08:00` within its day); nothing otherwise. */
function movedFrom(occurrence: Occurrence, startDate: string, lang: Lang, text: TimeText): string {
  if (occurrence.status !== "moved") return "";
  const original = text.dateTime(occurrence.recurrenceId);
  const sameDay = original.slice(0, 10) === startDate;
  const from = sameDay ? hhmm(original) : `${original.slice(8, 10)}/${original.slice(5, 7)}`;
  return `, ${message(lang, "moved-from", { from })}`;
}

/** The message of a conflict in the context's language. */
export function conflictMessage(conflict: Conflict, context: RenderContext): string {
  const label = (o: Occurrence) => `"${o.title}" (${describeTime(o, context.clockFor(o.zone), context.lang)})`;
  return renderMessage(conflict, context, label);
}

/** Words a conflict's facts: names, rule titles, dates (dd/mm/yyyy) and times in the context's language. */
function renderMessage(conflict: Conflict, context: RenderContext, label: (occurrence: Occurrence) => string): string {
  const { lang } = context;
  const [first, second] = conflict.occurrences;
  const a = first ? label(first) : "";
  switch (conflict.kind) {
    case "attendee":
      return message(lang, "conflict-attendee", { subjects: subjectNames(conflict, context), a, b: second ? label(second) : "" });
    case "room":
      return message(lang, "conflict-room", { subjects: subjectNames(conflict, context), a, b: second ? label(second) : "" });
    case "rule": {
      const b = second ? label(second) : "";
      return message(lang, "conflict-rule", { rule: ruleTitle(conflict.rule, context), a, b, how: nearness(conflict, context) });
    }
    case "day-off": {
      const { name } = conflict.dayOff;
      return message(lang, "conflict-day-off", { a, date: formatDmy(conflict.date), name });
    }
    case "working-hours":
      return message(lang, "conflict-working-hours", { a, hours: periodsText(conflict.periods) });
    case "cadence": {
      const { period, per, count, min, max } = conflict;
      const rule = ruleTitle(conflict.rule, context);
      return message(lang, "conflict-cadence", { rule, count, min, max, period: periodName(per, period.from, lang) });
    }
    case "lead-time": {
      const clock = first ? context.clockFor(first.zone) : context.clock;
      const { window } = conflict;
      return message(lang, "conflict-lead-time", {
        rule: ruleTitle(conflict.rule, context),
        a,
        window: leadWindow(conflict, lang),
        from: dmyhm(clock.toWall(window.from)),
        to: dmyhm(clock.toWall(window.to)),
      });
    }
  }
}

/**
 * Why a rule's two occurrences clash although they do not overlap: closer than the rule's gap,
 * or in the same half-day or day of its scope. Nothing when they overlap.
 */
export function nearness(conflict: RuleConflict, context: RenderContext): string | undefined {
  const [x, y] = conflict.occurrences;
  if (conflict.overlap !== null || !x || !y) return undefined;
  const apart = Math.max(y.start - x.end, x.start - y.end);
  if (conflict.gap !== undefined && apart < conflict.gap) {
    return message(context.lang, "near-gap", { gap: elapsedWords(conflict.gap, context.lang) });
  }
  if (conflict.scope === "half-day") {
    const hour = Math.floor((context.clock.toWall(x.start) % DAY) / HOUR);
    return message(context.lang, "near-half-day", { afternoon: hour >= 12 });
  }
  if (conflict.scope === "day") return message(context.lang, "near-day");
  return undefined;
}

/** A lead-time rule's window in words: "từ 7 đến 30 ngày". */
export function leadWindow(conflict: LeadTimeConflict, lang: Lang): string {
  const min = parseDuration(conflict.min);
  const max = parseDuration(conflict.max);
  return min && max ? rangeWords(min, max, lang) : `${conflict.min}–${conflict.max}`;
}

/** The names of a conflict's people or room, as a list. */
function subjectNames(conflict: Conflict, context: RenderContext): string {
  return conflict.subjects.map((id) => context.names.get(id) ?? id).join(", ");
}

/** A rule's title, or its id when it has none. */
function ruleTitle(rule: string, context: RenderContext): string {
  return context.ruleTitles.get(rule) ?? rule;
}

/** ISO 8601 with the offset, as `formatInstant` writes it. */
function instantText(instant: number, offsetMinutes: number): string {
  return isoDateTime(instant + offsetMinutes * MINUTE) + formatOffset(offsetMinutes);
}

/** `YYYY-MM-DDTHH:MM` (with `:SS` when not zero), as `formatWall` writes it, from `YYYY-MM-DDTHH:MM:SS`. */
function wallText(dateTime: string): string {
  return dateTime.slice(17, 19) === "00" ? dateTime.slice(0, 16) : dateTime;
}

/** `08:00` for `2024-03-07T08:00:00`. */
const hhmm = (isoDateTime: string): string => isoDateTime.slice(11, 16);

/** `07/03/2024 08:00` for a wall time. */
function dmyhm(wall: number): string {
  const text = isoDateTime(wall);
  return `${formatDmy(text)} ${hhmm(text)}`;
}

/** Orders conflicts by first start, then id. */
export function compareConflicts(a: Conflict, b: Conflict): number {
  return compareSortKeys(sortKey(a), sortKey(b));
}

/** What conflicts are ordered by. */
interface SortKey {
  readonly start: number;
  readonly from: string;
  readonly id: string;
}

function sortKey(conflict: Conflict): SortKey {
  // A cadence conflict with nothing counted sorts by its period's first day (read as UTC).
  const period = conflict.kind === "cadence" ? conflict.period : undefined;
  const start = conflict.occurrences[0]?.start ?? (period ? Date.parse(period.from) : Number.NEGATIVE_INFINITY);
  return { start, from: period ? period.from : "", id: conflict.id };
}

function compareSortKeys(a: SortKey, b: SortKey): number {
  return a.start - b.start || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The places of conflicts in {@link compareConflicts} order, each one's key read once rather than per comparison. */
function reportOrder(conflicts: readonly Conflict[]): number[] {
  const starts = new Float64Array(conflicts.length);
  const froms: string[] = [];
  let cadence = false;
  conflicts.forEach((conflict, k) => {
    const key = sortKey(conflict);
    starts[k] = key.start;
    froms[k] = key.from;
    if (key.from !== "") cadence = true;
  });
  const order = Array.from({ length: conflicts.length }, (_, k) => k);
  const id = (k: number) => (conflicts[k] as Conflict).id;
  return order.sort((a, b) => {
    const by = (starts[a] as number) - (starts[b] as number);
    if (by !== 0) return by;
    if (cadence && froms[a] !== froms[b]) return (froms[a] as string) < (froms[b] as string) ? -1 : 1;
    const x = id(a);
    const y = id(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** How many conflicts a check found, and of which severity. */
export interface ReportTally {
  readonly conflicts: number;
  readonly errors: number;
  readonly warnings: number;
}

/** The tally of a list of conflicts. */
export function tallyOf(conflicts: readonly Conflict[]): ReportTally {
  const errors = conflicts.filter((c) => c.severity === "error").length;
  return { conflicts: conflicts.length, errors, warnings: conflicts.length - errors };
}

/** What a report says besides its conflicts: the horizon, the counts and the findings. */
export interface ReportFrame {
  readonly horizon: Horizon;
  readonly meetings: number;
  readonly occurrences: number;
  readonly tally: ReportTally;
  /** The findings of all conflicts found, folded (see `findingFold`). */
  readonly findings: readonly Finding[];
}

/**
 * A list whose items are made when asked for, one at a time: a report's conflicts are written
 * to the output as they are rendered, never all held in report form.
 */
export interface LazyList<T> {
  readonly length: number;
  readonly item: (index: number) => T;
}

/** A report whose conflicts are rendered when each is read (`writeJson` takes it as the report). */
export interface ListedReport extends Omit<Report, "conflicts" | "findings"> {
  readonly conflicts: LazyList<ReportConflict>;
  readonly findings: readonly ReportFinding[];
}

/**
 * The report of conflicts held in detection order, each with the id of its finding: they are
 * ordered here (on a list of places, not a copy), and each is put in report form only when
 * read. Each finding lists the ids of its first {@link MAX_FINDING_CONFLICTS} conflicts in that
 * order, read from the held conflicts (the fold that made the findings need not keep them).
 * With `firstOnly`, just those conflicts are listed (the text's `--detail`).
 */
export function listedReport(
  frame: ReportFrame,
  conflicts: readonly Conflict[],
  findingOf: readonly string[],
  context: RenderContext,
  locator?: ReportLocator,
  firstOnly = false,
): ListedReport {
  let order = reportOrder(conflicts);
  const firstIds = new Map<string, string[]>();
  const first = new Uint8Array(conflicts.length);
  for (const k of order) {
    const finding = findingOf[k] as string;
    let ids = firstIds.get(finding);
    if (!ids) firstIds.set(finding, (ids = []));
    if (ids.length >= MAX_FINDING_CONFLICTS) continue;
    ids.push((conflicts[k] as Conflict).id);
    first[k] = 1;
  }
  if (firstOnly) order = order.filter((k) => first[k] === 1);
  const write = conflictWriter(context, locator);
  const list: LazyList<ReportConflict> = {
    length: order.length,
    item: (index) => {
      const k = order[index] as number;
      return write(conflicts[k] as Conflict, findingOf[k] as string);
    },
  };
  const { version, horizon, summary, findings } = reportHead(frame, context, write, locator, firstIds);
  return { version, horizon, summary, conflicts: list, findings };
}

/**
 * The report of a check that kept only its findings: every finding, and as `conflicts` only
 * each finding's first conflict (its sample, in report order), which the text names and places
 * its block by. `summary` counts all conflicts found.
 */
export function findingsReport(frame: ReportFrame, context: RenderContext, locator?: ReportLocator): Report {
  const write = conflictWriter(context, locator);
  const samples = frame.findings.map((finding) => write(finding.sample, finding.id));
  const findings = frame.findings.map((finding, k) => reportFinding(finding, context, samples[k] as ReportConflict, locator));
  const order = reportOrder(frame.findings.map((finding) => finding.sample));
  return { ...reportFrame(frame, findings.length), conflicts: order.map((k) => samples[k] as ReportConflict), findings };
}

/** One finding of a {@link FindingsStream}: the finding in report form and its first conflict. */
export interface StreamedFinding {
  readonly finding: ReportFinding;
  readonly sample: ReportConflict;
}

/**
 * A findings report whose findings are put in report form one at a time, when read: output that
 * prints findings writes each and lets it go, so a dense schedule's tens of thousands of
 * findings are never all held as text.
 */
export interface FindingsStream extends Omit<Report, "conflicts" | "findings"> {
  readonly findings: LazyList<StreamedFinding>;
  /** What a finding is grouped and counted by (kind, rule, severity), read without putting it in report form. */
  readonly facts: (index: number) => Pick<ReportFinding, "kind" | "rule" | "severity" | "count">;
  /** The findings' first conflicts in report order, as the findings report lists them. */
  readonly samples: () => readonly Conflict[];
}

/** {@link findingsReport} as a {@link FindingsStream}. */
export function findingsStream(frame: ReportFrame, context: RenderContext, locator?: ReportLocator): FindingsStream {
  const write = conflictWriter(context, locator);
  const item = (index: number): StreamedFinding => {
    const finding = frame.findings[index] as Finding;
    const sample = write(finding.sample, finding.id);
    return { finding: reportFinding(finding, context, sample, locator), sample };
  };
  const facts = (index: number) => frame.findings[index] as Finding;
  const samples = () => {
    const all = frame.findings.map((finding) => finding.sample);
    return reportOrder(all).map((k) => all[k] as Conflict);
  };
  return { ...reportFrame(frame, frame.findings.length), findings: { length: frame.findings.length, item }, facts, samples };
}

/** Builds the JSON report from the expansion and the conflicts (sorted here, on a copy). */
export function buildReport(
  horizon: Horizon,
  meetings: number,
  occurrences: number,
  conflicts: readonly Conflict[],
  context: RenderContext,
  locator?: ReportLocator,
): Report {
  const fold = findingFold(context.clockFor);
  const findingOf = conflicts.map((conflict) => fold.add(conflict));
  const frame: ReportFrame = { horizon, meetings, occurrences, tally: tallyOf(conflicts), findings: fold.findings() };
  const listed = listedReport(frame, conflicts, findingOf, context, locator);
  const { version, summary, findings } = listed;
  const reported = Array.from({ length: listed.conflicts.length }, (_, k) => listed.conflicts.item(k));
  return { version, horizon: listed.horizon, summary, conflicts: reported, findings };
}

/** A report's horizon, summary and findings (each finding placed where its first conflict is). */
function reportHead(
  frame: ReportFrame,
  context: RenderContext,
  write: (conflict: Conflict, finding: string) => ReportConflict,
  locator: ReportLocator | undefined,
  firstIds?: ReadonlyMap<string, readonly string[]>,
): Omit<Report, "conflicts"> & { readonly findings: readonly ReportFinding[] } {
  const findings = frame.findings.map((finding) =>
    reportFinding(finding, context, write(finding.sample, finding.id), locator, firstIds?.get(finding.id)),
  );
  return { ...reportFrame(frame, findings.length), findings };
}

/** A report's version, horizon and summary. */
function reportFrame(frame: ReportFrame, findings: number): Omit<Report, "conflicts" | "findings"> {
  const { horizon, tally } = frame;
  return {
    version: 1,
    horizon: { from: horizon.from, to: horizon.to },
    summary: {
      meetings: frame.meetings,
      occurrences: frame.occurrences,
      conflicts: tally.conflicts,
      errors: tally.errors,
      warnings: tally.warnings,
      findings,
    },
  };
}

/** A finding in report form, placed where its first conflict (`sample`, in report form) is. */
function reportFinding(
  finding: Finding,
  context: RenderContext,
  sample: ReportConflict,
  locator: ReportLocator | undefined,
  conflictIds?: readonly string[],
): ReportFinding {
  const { id, kind, rule, severity, subjects, meetings, count, first, last, dates, dateCount } = finding;
  const title = rule === null ? (isBuiltInCheck(kind) ? CHECK_TITLES[context.lang][kind] : kind) : ruleTitle(rule, context);
  const message = findingMessage(finding, context);
  const source = locator?.finding ? locator.finding(meetings, sample.source) : sample.source;
  // `conflicts` is read from the finding when the report is read, not copied: the findings
  // of a dense schedule would otherwise hold a string per listed conflict.
  const fields = { id, kind, rule, severity, subjects, meetings, title, message, count, first, last, dates, dateCount };
  if (conflictIds) return source ? { ...fields, conflicts: conflictIds, source } : { ...fields, conflicts: conflictIds };
  return source
    ? {
        ...fields,
        get conflicts() {
          return finding.conflicts;
        },
        source,
      }
    : {
        ...fields,
        get conflicts() {
          return finding.conflicts;
        },
      };
}

/**
 * Writes conflicts in report form for one report. A large report repeats the same instants and
 * the same times of day across many conflicts: each distinct one is written once and its string
 * shared, which saves both the formatting and the memory the report holds.
 */
function conflictWriter(
  context: RenderContext,
  locator: ReportLocator | undefined,
): (conflict: Conflict, finding: string) => ReportConflict {
  const text = rememberingTimeText();
  const descriptions = new Map<string, string>();
  const describe = (occurrence: Occurrence) => {
    const key = `${occurrence.zone} ${occurrence.allDay} ${occurrence.start} ${occurrence.end}`;
    let found = descriptions.get(key);
    if (found === undefined) {
      found = timeDescription(occurrence, context.clockFor(occurrence.zone), context.lang, text);
      descriptions.set(key, found);
    }
    return found;
  };
  const label = (occurrence: Occurrence) => `"${occurrence.title}" (${describe(occurrence)})`;
  const entry = (occurrence: Occurrence) =>
    occurrenceEntry(occurrence, context.clockFor(occurrence.zone), text, locator?.occurrence(occurrence));
  return (conflict, finding) => {
    // Each field is read once: the kinds have objects of different shapes.
    const { id, kind, rule, severity, subjects, occurrences, overlap } = conflict;
    const entries = occurrences.map(entry);
    const reported: Writable<ReportConflict> = {
      id,
      kind,
      rule,
      severity,
      subjects,
      message: occurrences.length > 0 || kind === "cadence" ? renderMessage(conflict, context, label) : "",
      occurrences: entries,
      overlap: overlap ? { start: text.instant(overlap.start, context.clock), end: text.instant(overlap.end, context.clock) } : null,
    };
    if (conflict.kind === "cadence") reported.period = conflict.period;
    const source = locator?.conflict(entries, rule);
    if (source) reported.source = source;
    reported.finding = finding;
    return reported;
  };
}
