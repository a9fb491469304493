import { locate } from "../../source";
import type { ScheduleFile } from "../../schema/schedule";
import type { IssueSink } from "./context";

/** The ids and names a reference of each kind may use. */
export interface KnownIds {
  readonly body: ReadonlySet<string>;
  readonly person: ReadonlySet<string>;
  /** What an attendee may name: a person, or a body standing for its members. */
  readonly attendee: ReadonlySet<string>;
  readonly room: ReadonlySet<string>;
  readonly meeting: ReadonlySet<string>;
  readonly group: ReadonlySet<string>;
  readonly tag: ReadonlySet<string>;
}

/** Reports every id used twice in a list (at the second use, naming the first's line); returns the known ids. */
export function checkIds(file: ScheduleFile, sink: IssueSink): KnownIds {
  const { issues, make } = sink;
  const ids = (kind: "bodies" | "people" | "rooms" | "meetings" | "rules") => {
    const seen = new Map<string, number>();
    file[kind].forEach((item, index) => {
      const first = seen.get(item.id);
      if (first === undefined) {
        seen.set(item.id, index);
        return;
      }
      const { line } = locate(sink.source, [kind, first]);
      issues.push(make("duplicate-id", [kind, index, "id"], "duplicate-id", { id: item.id, line }));
    });
    return new Set(seen.keys());
  };
  const body = ids("bodies");
  const person = ids("people");
  const room = ids("rooms");
  const meeting = ids("meetings");
  ids("rules");
  const group = new Set(file.bodies.flatMap((b) => b.groups ?? []));
  const tag = new Set(file.meetings.flatMap((m) => m.tags ?? []));
  const attendee = new Set([...person, ...body]);
  return { body, person, attendee, room, meeting, group, tag };
}
