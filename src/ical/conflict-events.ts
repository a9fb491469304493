import type { Conflict } from "../conflicts/conflict";
import { findingId, findingKey } from "../conflicts/finding";
import { describeTime } from "../report/report";
import { DAY } from "../time/wall";
import type { FeedContext } from "./context";
import { dateTimeProp } from "./internal/times";
import { escapeText, icalDate, type Lines } from "./text";

/**
 * The events of conflicts.ics, one per conflict that has a time (its overlap, its occurrences or
 * its period), in start order, then by id. Each is titled by its kind ("⚠ Trùng lịch: A × B")
 * and names its finding in `X-LICHHOP-FINDING`, so the conflicts of one finding can be told apart
 * from the others.
 */
export function* conflictEvents(ctx: FeedContext): Generator<Lines> {
  for (const conflict of [...ctx.source.conflicts].sort((a, b) => {
    const sa = a.overlap?.start ?? a.occurrences[0]?.start ?? 0;
    const sb = b.overlap?.start ?? b.occurrences[0]?.start ?? 0;
    return sa - sb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  })) {
    const event = conflictEvent(ctx, conflict);
    if (event) yield event;
  }
}

function conflictEvent(ctx: FeedContext, conflict: Conflict): Lines | undefined {
  const clock = ctx.clockFor(ctx.zone);
  const rule = conflict.rule === null ? undefined : ctx.schedule.rules.find((r) => r.id === conflict.rule);
  // A cadence conflict concerns a period of the rule, not the occurrences it counted.
  const subject =
    conflict.kind === "cadence" || conflict.occurrences.length === 0
      ? (rule?.title ?? conflict.rule ?? "")
      : conflict.occurrences.map((o) => o.title).join(" × ");
  const finding = findingId(findingKey(conflict).key);
  const lines: Lines = ["BEGIN:VEVENT", `UID:conflict-${conflict.id}@${ctx.domain}`, `DTSTAMP:${ctx.stamp}`];
  if (conflict.overlap || conflict.occurrences.length > 0) {
    const start = conflict.overlap?.start ?? Math.min(...conflict.occurrences.map((o) => o.start));
    const end = conflict.overlap?.end ?? Math.max(...conflict.occurrences.map((o) => o.end));
    const allDay =
      conflict.occurrences.length > 0 &&
      conflict.occurrences.every((o) => o.allDay) &&
      clock.toWall(start) % DAY === 0 &&
      clock.toWall(end) % DAY === 0;
    lines.push(dateTimeProp("DTSTART", start, allDay, clock), dateTimeProp("DTEND", end, allDay, clock));
  } else if (conflict.kind === "cadence") {
    const from = Date.parse(`${conflict.period.from}T00:00:00Z`);
    const to = Date.parse(`${conflict.period.to}T00:00:00Z`);
    lines.push(`DTSTART;VALUE=DATE:${icalDate(from)}`, `DTEND;VALUE=DATE:${icalDate(to + DAY)}`);
  } else {
    return undefined;
  }
  const description = [ctx.messages.get(conflict.id) ?? ""];
  if (rule) description.push(rule.title);
  if (conflict.occurrences.length > 0) {
    description.push(
      `${ctx.labels.meetings}:\n${conflict.occurrences
        .map((o) => `- ${o.title} (${describeTime(o, ctx.clockFor(o.zone), ctx.lang)}) [${o.meeting}]`)
        .join("\n")}`,
    );
  }
  description.push(`${ctx.labels.severity[conflict.severity]} · ${conflict.kind} · ${conflict.id}\n${ctx.labels.finding}: ${finding}`);
  lines.push(
    `SUMMARY:${escapeText(ctx.labels.conflictSummary(ctx.labels.conflictKinds[conflict.kind], subject))}`,
    `DESCRIPTION:${escapeText(description.filter(Boolean).join("\n\n"))}`,
    `CATEGORIES:${escapeText(ctx.labels.conflicts)},${escapeText(conflict.kind)}`,
    `X-LICHHOP-FINDING:${finding}`,
    "TRANSP:TRANSPARENT",
    "SEQUENCE:0",
    "END:VEVENT",
  );
  return lines;
}
