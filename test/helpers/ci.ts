import { readFileSync } from "node:fs";
import { join } from "node:path";
import { safeCheckSchedule } from "../../src/check";
import { changedMeetings, meetingChanges } from "../../src/diff/meetings";
import { reportAgainstBase } from "../../src/diff/diff";
import { parseSchedule } from "../../src/load/parse";
import type { Report } from "../../src/report/report";
import type { Schedule } from "../../src/schema/model";

export const FIXTURES = join(__dirname, "../fixtures/ci/schedules");
export const ROOT = join(__dirname, "../..");
export const CLI = join(ROOT, "dist/cli.js");

/** The frozen copy of the Lạng Sơn example that the diff tests start from. */
export const BASE_TEXT = readFileSync(join(FIXTURES, "lang-son-base.yaml"), "utf8");

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

/** A check's report (located in the file), against a base when one is given, as the library makes it. */
export function checked(schedule: Schedule, base?: Schedule): Report {
  const result = safeCheckSchedule(schedule, base ? { changed: changedMeetings(base, schedule) } : {});
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("\n"));
  if (!base) return result.report;
  const baseResult = safeCheckSchedule(base, { from: result.report.horizon.from, to: result.report.horizon.to });
  if (!baseResult.ok) throw new Error("base does not check");
  return reportAgainstBase(result.report, baseResult.report, { changes: meetingChanges(base, schedule), schedule });
}

export function parse(text: string, filename = "lich.yaml"): Schedule {
  return parseSchedule(text, { filename });
}

/** Adds meeting blocks (YAML, indented as list items of `meetings:`) at the end of the meetings. */
export function addMeetings(text: string, block: string): string {
  const at = text.indexOf("\nrules:");
  if (at < 0) throw new Error("no rules: section");
  return `${text.slice(0, at)}\n${block.trimEnd()}\n${text.slice(at)}`;
}

/** Splits the text of `meetings:` into its item blocks (each starting at `  - id:`). */
export function meetingBlocks(text: string): { head: string; blocks: string[]; tail: string } {
  const start = text.indexOf("\nmeetings:\n") + "\nmeetings:\n".length;
  const end = text.indexOf("\nrules:");
  const body = text.slice(start, end);
  const parts = body.split(/\n(?= {2}- id: )/);
  return { head: text.slice(0, start), blocks: parts, tail: text.slice(end) };
}

/** Replaces one meeting's block (found by its id) by the given text. */
export function replaceMeeting(text: string, id: string, block: string): string {
  const { head, blocks, tail } = meetingBlocks(text);
  const index = blocks.findIndex((b) => b.includes(`  - id: ${id}\n`));
  if (index < 0) throw new Error(`no meeting ${id}`);
  blocks[index] = block.trimEnd();
  return head + blocks.join("\n") + tail;
}

/** The text of a 1-based line. */
export function lineOf(text: string, line: number): string {
  return text.split("\n")[line - 1] ?? "";
}

/** A meeting that clashes in room phong-hop-1 with the 06/06 Thường trực HĐND meeting and Ban Pháp chế. */
export const NEW_CLASHING_MEETING = `
  - id: ubnd-hop-moi
    title: UBND tỉnh họp bàn giải phóng mặt bằng
    body: ubnd
    start: 2024-06-06T08:30
    end: 2024-06-06T10:00
    attendees: [pho-chu-tich-ubnd]
    room: phong-hop-1
`;

/** ubnd-chuyen-de-quy-hoach moved to the afternoon: no longer clashes with Thường trực HĐND on 07/03. */
export const QUY_HOACH_AFTERNOON = `  - id: ubnd-chuyen-de-quy-hoach
    title: UBND tỉnh họp chuyên đề quy hoạch
    body: ubnd
    start: 2024-03-07T14:00
    end: 2024-03-07T16:00
    attendees: [chu-tich-ubnd]
    room: phong-hop-ubnd
`;
