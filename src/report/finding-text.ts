import type { Finding } from "../conflicts/finding";
import { message, periodName, periodsText, repeatWords, type Lang } from "../messages";
import { formatDmy } from "../time/wall-text";
import { leadWindow, nearness, type RenderContext, type ReportFinding } from "./report";

/** The most dates (or periods) a finding's message names; the rest are counted. */
export const MESSAGE_DATES = 10;

/**
 * A finding's message: what clashes with what, each meeting named with how it repeats, then how
 * many occurrences on which dates — "Phiên họp thường kỳ (T5 đầu tháng) trùng lịch với Họp
 * chuyên đề (ngày 7 hằng tháng): 2 buổi — 07/03/2024, 07/11/2024".
 */
export function findingMessage(finding: Finding, context: RenderContext): string {
  const { lang } = context;
  const { sample } = finding;
  // The meetings in file order: the file lists the bodies' own meetings in the order it chose.
  const order = fileOrder(context);
  const inFileOrder = [...finding.meetings].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
  // A rule's first side is named first ("HĐND … trùng lịch với UBND …"), whatever the file order.
  const side = context.onFirstSide;
  const rule = sample.kind === "rule" ? sample.rule : undefined;
  if (
    side &&
    rule !== undefined &&
    inFileOrder.length === 2 &&
    !side(rule, inFileOrder[0] as string) &&
    side(rule, inFileOrder[1] as string)
  ) {
    inFileOrder.reverse();
  }
  const [a = "", b = a] = inFileOrder.map((id) => meetingLabel(id, context));
  const subjects = finding.subjects.map((id) => context.names.get(id) ?? id).join(", ");
  const first = sample.occurrences[0];
  const single = first ? meetingLabel(first.meeting, context) : "";
  switch (sample.kind) {
    case "rule":
      return `${message(lang, "finding-rule", { a, b, how: nearness(sample, context) })}: ${dates(finding, lang)}`;
    case "attendee":
      return `${message(lang, "finding-attendee", { subjects, a, b })}: ${dates(finding, lang)}`;
    case "room":
      return `${message(lang, "finding-room", { subjects, a, b })}: ${dates(finding, lang)}`;
    case "day-off": {
      const name = finding.dateCount === 1 ? sample.dayOff.name[lang] : undefined;
      return `${message(lang, "finding-day-off", { a: single, name })}: ${dates(finding, lang)}`;
    }
    case "working-hours":
      return `${message(lang, "finding-working-hours", { a: single, hours: periodsText(sample.periods) })}: ${dates(finding, lang)}`;
    case "lead-time":
      return `${message(lang, "finding-lead-time", { a: single, window: leadWindow(sample, lang) })}: ${dates(finding, lang)}`;
    case "cadence": {
      const { per, min, max } = sample;
      const periods = finding.dates.slice(0, MESSAGE_DATES).map((date) => periodName(per, date, lang));
      const more = finding.dateCount - periods.length;
      return `${message(lang, "finding-cadence", { per, min, max })}: ${message(lang, "finding-periods", { periods, more })}`;
    }
  }
}

const ORDERS = new WeakMap<RenderContext["meetings"], Map<string, number>>();

/** Each meeting's place in the file, computed once per context. */
function fileOrder(context: RenderContext): Map<string, number> {
  let order = ORDERS.get(context.meetings);
  if (!order) {
    order = new Map([...context.meetings.keys()].map((id, index) => [id, index]));
    ORDERS.set(context.meetings, order);
  }
  return order;
}

/** A meeting's title with how it repeats: "Phiên họp thường kỳ (T5 đầu tháng)". */
function meetingLabel(id: string, context: RenderContext): string {
  const meeting = context.meetings.get(id);
  if (!meeting) return id;
  const repeat = repeatWords(meeting, context.lang);
  return repeat ? `${meeting.title} (${repeat})` : meeting.title;
}

function dates(finding: Finding, lang: Lang): string {
  const shown = finding.dates.slice(0, MESSAGE_DATES).map(formatDmy);
  return message(lang, "finding-dates", { count: finding.count, dates: shown, more: finding.dateCount - shown.length });
}

/**
 * How a finding of a report against a base changed, in words: "so với bản gốc: thêm 1 ngày
 * (14/03/2024), bớt 1 ngày (07/03/2024)"; nothing for a new finding or a report without a base.
 */
export function findingChangeText(finding: ReportFinding, lang: Lang): string | undefined {
  const diff = finding.diff;
  if (diff === undefined || diff.status !== "changed") return undefined;
  return message(lang, "finding-change", {
    gained: diff.gained.slice(0, MESSAGE_DATES).map(formatDmy),
    gainedCount: diff.gainedCount,
    lost: diff.lost.slice(0, MESSAGE_DATES).map(formatDmy),
    lostCount: diff.lostCount,
  });
}

/**
 * How a CI format weighs a finding: its severity, or `notice` for a finding that changed against
 * the base without gaining dates (a retimed series that clashed before): shown, not failing.
 */
export function findingLevel(finding: Pick<ReportFinding, "severity" | "diff">): "error" | "warning" | "notice" {
  return finding.diff?.status === "changed" && finding.diff.gainedCount === 0 ? "notice" : finding.severity;
}
