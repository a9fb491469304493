import { spawnSync } from "node:child_process";

/**
 * python-dateutil (Debian's python3-dateutil, run by /usr/bin/python3), a second oracle for the
 * recurrence engine: it expands a rule over naive local times (as the engine does), and
 * Python's zoneinfo turns each into an instant the way RFC 5545 §3.3.5 reads a local time
 * (`fold=0`: a time in a DST gap with the offset before it, an ambiguous one the earlier).
 */

/** One rule to expand: DTSTART and the window as local `YYYY-MM-DDTHH:MM:SS`, a `Z` UNTIL read in `zone`. */
export interface DateutilCase {
  readonly rule: string;
  readonly start: string;
  readonly zone: string;
  readonly from: string;
  readonly to: string;
}

/** Per case: the instants (epoch ms) of the starts in `[from, to]`, or an error's text. */
export type DateutilResult = number[] | { error: string };

const SCRIPT = String.raw`
import json, re, signal, sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
from dateutil.rrule import rrulestr

class Slow(Exception):
    pass

def alarm(signum, frame):
    raise Slow()

signal.signal(signal.SIGALRM, alarm)
out = []
for case in json.load(sys.stdin):
    zone = ZoneInfo(case["zone"])
    rule = case["rule"]
    until = re.search(r"UNTIL=(\d{8}T\d{6})Z", rule)
    if until:
        local = datetime.strptime(until.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=timezone.utc).astimezone(zone)
        rule = rule.replace(until.group(0), "UNTIL=" + local.strftime("%Y%m%dT%H%M%S"))
    start = datetime.fromisoformat(case["start"])
    low = datetime.fromisoformat(case["from"])
    high = datetime.fromisoformat(case["to"])
    try:
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        walls = rrulestr(rule, dtstart=start).between(low, high, inc=True)
        signal.setitimer(signal.ITIMER_REAL, 0)
        out.append([round(w.replace(tzinfo=zone, fold=0).timestamp() * 1000) for w in walls])
    except Slow:
        out.append({"error": "slow"})
    except Exception as error:
        signal.setitimer(signal.ITIMER_REAL, 0)
        out.append({"error": str(error)})
json.dump(out, sys.stdout)
`;

/** True when /usr/bin/python3 has dateutil (Debian's python3-dateutil). */
export function hasDateutil(): boolean {
  const probe = spawnSync("/usr/bin/python3", ["-c", "import dateutil.rrule, zoneinfo"], { encoding: "utf8" });
  return probe.status === 0;
}

/** Expands every case in one Python process. */
export function dateutilExpand(cases: readonly DateutilCase[]): DateutilResult[] {
  const run = spawnSync("/usr/bin/python3", ["-c", SCRIPT], { input: JSON.stringify(cases), encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`python3-dateutil failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as DateutilResult[];
}
