import { UsageError } from "../errors";
import { type Lang, message } from "../messages";
import { type Schedule, scheduleZone } from "../schema/model";
import { parseWall } from "../time/wall";
import { zoneClock } from "../time/zone";

/**
 * `--now` as an instant: a local time of the schedule's zone, or a date alone (that day's
 * start); without it, the clock `main` read.
 */
export function nowOption(schedule: Schedule, now: string | undefined, clock: number, lang: Lang): number {
  if (now === undefined) return clock;
  const wall = parseWall(now);
  if (!wall) throw new UsageError(message(lang, "bad-now", { found: now }));
  return zoneClock(scheduleZone(schedule)).toInstant(wall.wall);
}
